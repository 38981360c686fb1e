package dev.levelgym.agents.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * PPO's loss on a minibatch (Schulman et al. 2017, as CleanRL's {@code ppo.py} writes it): the clipped surrogate
 * {@code −min(A·ρ, A·clip(ρ, 1 − ε, 1 + ε))} with {@code ρ = π(a|s) / π_old(a|s)}, the value loss
 * {@code ½ (V(s) − R)²} (clipped around the rollout's values when {@code clipVloss}), and the entropy bonus:
 * {@code loss = policy − entCoef · entropy + vfCoef · value}.
 *
 * <p>Every constant in the graph is a tensor libtorch allocates ({@code full}), not a Java float: DJL makes a float
 * operand over a direct buffer it drops when the op returns, while autograd keeps it for the backward pass, and a
 * GC in between would free it (see docs/determinism.md).
 */
final class PpoLoss {

    private PpoLoss() {
    }

    /**
     * The loss and its parts, as scalars; the diagnostics (approximate KL, clip fraction) carry no gradient.
     *
     * @param approxKl     CleanRL's {@code approx_kl}: mean of {@code (ρ − 1) − log ρ} (Schulman's k3 estimator)
     * @param clipFraction share of samples whose ratio left {@code [1 − ε, 1 + ε]}
     */
    record Terms(NDArray loss, NDArray policyLoss, NDArray valueLoss, NDArray entropy, NDArray approxKl,
                 NDArray clipFraction) {
    }

    /**
     * @param logits       the network's policy logits, (B, A)
     * @param values       the network's values, (B)
     * @param actions      the actions taken, (B), as indices
     * @param oldLogProbs  their log-probabilities when they were taken, (B)
     * @param advantages   (B), already normalized if the config says so
     * @param returns      GAE's returns, (B)
     * @param oldValues    the values when the rollout was collected, (B)
     */
    static Terms compute(NDArray logits, NDArray values, NDArray actions, NDArray oldLogProbs, NDArray advantages,
                         NDArray returns, NDArray oldValues, PpoConfig config) {
        NDManager m = logits.getManager();
        int numActions = Math.toIntExact(logits.getShape().get(1));
        NDArray logProbs = logits.logSoftmax(1);
        NDArray newLogProbs = logProbs.mul(actions.oneHot(numActions)).sum(new int[] {1});
        NDArray entropy = logProbs.exp().mul(logProbs).sum(new int[] {1}).neg().mean();

        NDArray logRatio = newLogProbs.sub(oldLogProbs);
        NDArray ratio = logRatio.exp();
        NDArray low = constant(m, 1 - config.clipCoef());
        NDArray high = constant(m, 1 + config.clipCoef());
        NDArray unclipped = advantages.mul(ratio);
        NDArray clipped = advantages.mul(ratio.maximum(low).minimum(high));
        NDArray policyLoss = unclipped.minimum(clipped).mean().neg();

        NDArray half = constant(m, 0.5);
        NDArray valueError = values.sub(returns).square();
        NDArray valueLoss;
        if (config.clipVloss()) {
            NDArray c = constant(m, config.clipCoef());
            NDArray valueClipped = oldValues.add(values.sub(oldValues).maximum(c.neg()).minimum(c));
            valueLoss = valueError.maximum(valueClipped.sub(returns).square()).mean().mul(half);
        } else {
            valueLoss = valueError.mean().mul(half);
        }
        NDArray loss = policyLoss.sub(entropy.mul(constant(m, config.entCoef())))
                .add(valueLoss.mul(constant(m, config.vfCoef())));

        NDArray plainRatio = ratio.stopGradient();
        NDArray approxKl = plainRatio.sub(constant(m, 1)).sub(logRatio.stopGradient()).mean();
        NDArray clipFraction = plainRatio.sub(constant(m, 1)).abs().gt(constant(m, config.clipCoef()))
                .toType(ai.djl.ndarray.types.DataType.FLOAT32, false).mean();
        return new Terms(loss, policyLoss, valueLoss, entropy, approxKl, clipFraction);
    }

    private static NDArray constant(NDManager manager, double value) {
        return manager.full(new Shape(), (float) value);
    }
}
