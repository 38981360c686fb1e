package dev.levelgym.agents.dqn;

import dev.levelgym.envs.UserInputException;
import java.util.List;

/**
 * Hyperparameters of {@link DqnAgent}, every knob in one place. The defaults are rl-baselines3-zoo's tuned DQN for
 * CartPole-v1 ({@code hyperparams/dqn.yml}, which solves it in 50k steps); the knobs the zoo leaves out take
 * Stable-Baselines3's {@code DQN} defaults. Serializable with Jackson as is (records), for manifests and YAML.
 *
 * @param learningRate           Adam's fixed step size, &gt; 0. Default 2.3e-3 (zoo).
 * @param batchSize              transitions per gradient step, &gt; 0. Default 64 (zoo).
 * @param bufferSize             replay buffer capacity in transitions, &gt; 0. Default 100_000 (zoo).
 * @param learningStarts         env steps of uniformly random actions before the first update, &ge; 0. Default
 *                               1000 (zoo).
 * @param gamma                  discount in [0, 1]. Default 0.99 (zoo).
 * @param targetUpdateInterval   env steps between target-network updates, &gt; 0. Default 10 (zoo). As in SB3 it
 *                               counts env steps, not gradient steps: with trainFreq 256 the target is thus the
 *                               online network as it was when the current training phase began.
 * @param tau                    target update coefficient in (0, 1]: 1 copies the online weights (hard update),
 *                               less mixes them in by Polyak averaging. Default 1.0 (SB3).
 * @param trainFreq              env steps between training phases, &gt; 0. Default 256 (zoo).
 * @param gradientSteps          gradient steps per training phase, &gt; 0. Default 128 (zoo).
 * @param explorationFraction    fraction of the run over which ε falls linearly, in [0, 1]. Default 0.16 (zoo).
 * @param explorationInitialEps  ε at step 0, in [0, 1]. Default 1.0 (zoo).
 * @param explorationFinalEps    ε after the decay, in [0, 1]. Default 0.04 (zoo).
 * @param hiddenSizes            widths of the hidden fully connected layers, each &gt; 0. Default [256, 256] (zoo's
 *                               {@code net_arch}).
 * @param networkType            MLP (default), or CONV, IMPALA, VALUE_ITERATION or VALUE_PROPAGATION for C×H×W
 *                               observations
 * @param convChannels           output channels of the 3×3 convolutions when {@code networkType} is CONV or IMPALA,
 *                               each &gt; 0, at least one. Default [16, 32]: a levelgym choice for small grid maps, not
 *                               from the zoo (which has no grid env). VALUE_ITERATION and VALUE_PROPAGATION: the
 *                               1×1 layers that make their reward, goal and cost maps (none is allowed).
 * @param doubleDqn              pick the bootstrap action with the online network and value it with the target
 *                               network (van Hasselt et al. 2016). Default false (SB3 has none).
 * @param loss                   HUBER (default, SB3's {@code smooth_l1_loss}) or MSE
 * @param maxGradNorm            the global gradient norm is clipped to this, &gt; 0. Default 10 (SB3's
 *                               {@code max_grad_norm}).
 * @param nSteps                 steps per transition, &ge; 1: the TD target sums n discounted rewards and bootstraps
 *                               with γ^n (multi-step returns, Hessel et al. 2018 use 3). Default 1 (SB3's DQN and
 *                               the zoo have none).
 * @param planIterations         VALUE_ITERATION and VALUE_PROPAGATION: rounds of planning, &gt; 0; values travel one
 *                               cell per round, so the rounds must cover the longest path that matters. Default 20,
 *                               Tamar et al.'s k for 16×16 grids.
 * @param planChannels           VALUE_ITERATION: channels of the shared transition convolution (Tamar's "actions" of
 *                               the planning module); VALUE_PROPAGATION: channels of the 3×3 features of the agent's
 *                               surroundings beside the plan. &gt; 0. Default 10, Tamar et al.'s.
 * @param agentPlanes            VALUE_ITERATION and VALUE_PROPAGATION: the observation planes that mark the agent's
 *                               cell, where the plan is read out (Dungeon-v0: [4, 5], its AVATAR and AVATAR_WITH_KEY
 *                               planes). No default: it depends on the env. An old manifest without these fields
 *                               reads as zeros and an empty list, which only the planning networks refuse.
 *
 * <p>Sizes are bounded before memory is spent: batchSize at most {@value #MAX_BATCH_SIZE}, layer widths and
 * channels at most {@value #MAX_WIDTH}, at most {@value #MAX_LAYERS} layers of each kind, planIterations and nSteps
 * at most {@value #MAX_ROUNDS}; the agent then checks the replay buffer against the Java heap and each batch's
 * arrays against {@link dev.levelgym.nn.MemoryBudget}, once it knows the observation size.
 */
public record DqnConfig(double learningRate, int batchSize, int bufferSize, int learningStarts, double gamma,
                        int targetUpdateInterval, double tau, int trainFreq, int gradientSteps,
                        double explorationFraction, double explorationInitialEps, double explorationFinalEps,
                        List<Integer> hiddenSizes, NetworkType networkType, List<Integer> convChannels,
                        boolean doubleDqn, LossFunction loss, double maxGradNorm, int nSteps,
                        int planIterations, int planChannels, List<Integer> agentPlanes) {

    /** Transitions per gradient step, at most: 2^16, a thousand times the zoo's 64. */
    public static final int MAX_BATCH_SIZE = 1 << 16;
    /** Units of a hidden layer or channels of a convolution, at most. */
    public static final int MAX_WIDTH = 4096;
    /** Hidden layers, and convolutions, at most. */
    public static final int MAX_LAYERS = 64;
    /** Planning rounds and n-step length, at most. */
    public static final int MAX_ROUNDS = 1000;

    public DqnConfig {
        if (!(learningRate > 0.0 && Double.isFinite(learningRate))) {
            throw new UserInputException("learningRate must be positive and finite, got " + learningRate);
        }
        requireRange("batchSize", batchSize, MAX_BATCH_SIZE);
        requirePositive("bufferSize", bufferSize);
        if (learningStarts < 0) {
            throw new UserInputException("learningStarts must be non-negative, got " + learningStarts);
        }
        requireUnit("gamma", gamma);
        requirePositive("targetUpdateInterval", targetUpdateInterval);
        if (!(tau > 0.0 && tau <= 1.0)) {
            throw new UserInputException("tau must be in (0, 1], got " + tau);
        }
        requirePositive("trainFreq", trainFreq);
        requirePositive("gradientSteps", gradientSteps);
        requireUnit("explorationFraction", explorationFraction);
        requireUnit("explorationInitialEps", explorationInitialEps);
        requireUnit("explorationFinalEps", explorationFinalEps);
        hiddenSizes = requireSizes("hiddenSizes", hiddenSizes, false);
        if (networkType == null) {
            throw new UserInputException("networkType must be MLP, CONV, IMPALA, VALUE_ITERATION or "
                    + "VALUE_PROPAGATION, got null");
        }
        if ((networkType == NetworkType.CONV || networkType == NetworkType.IMPALA) && convChannels != null
                && convChannels.isEmpty()) {
            throw new UserInputException("convChannels must name at least one layer for networkType " + networkType);
        }
        convChannels = requireSizes("convChannels", convChannels, false);
        if (loss == null) {
            throw new UserInputException("loss must be HUBER or MSE, got null");
        }
        if (!(maxGradNorm > 0.0)) {
            throw new UserInputException("maxGradNorm must be positive, got " + maxGradNorm);
        }
        requireRange("nSteps", nSteps, MAX_ROUNDS);
        agentPlanes = agentPlanes == null ? List.of() : requireSizes("agentPlanes", agentPlanes, true);
        if (networkType == NetworkType.VALUE_ITERATION || networkType == NetworkType.VALUE_PROPAGATION) {
            requireRange("planIterations", planIterations, MAX_ROUNDS);
            requireRange("planChannels", planChannels, MAX_WIDTH);
            if (agentPlanes.isEmpty()) {
                throw new UserInputException("agentPlanes must name the observation planes that mark the "
                        + "agent (e.g. [4, 5] for Dungeon-v0) for networkType " + networkType);
            }
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new UserInputException(name + " must be positive, got " + value);
        }
    }

    private static void requireRange(String name, int value, int max) {
        if (value <= 0 || value > max) {
            throw new UserInputException(name + " must be in 1.." + max + ", got " + value);
        }
    }

    private static void requireUnit(String name, double value) {
        // Written so that NaN fails too.
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new UserInputException(name + " must be in [0, 1], got " + value);
        }
    }

    private static List<Integer> requireSizes(String name, List<Integer> sizes, boolean zeroOk) {
        if (sizes == null) {
            throw new UserInputException(name + " must be a list of positive sizes, got null");
        }
        if (sizes.size() > MAX_LAYERS) {
            throw new UserInputException(name + " may name at most " + MAX_LAYERS + " entries, got " + sizes.size());
        }
        for (int i = 0; i < sizes.size(); i++) {
            Integer size = sizes.get(i);
            if (size == null || size < 0 || (size == 0 && !zeroOk) || size > MAX_WIDTH) {
                throw new UserInputException(name + "[" + i + "] must be " + (zeroOk ? "non-negative" : "positive")
                        + " and at most " + MAX_WIDTH + ", got " + size);
            }
        }
        return List.copyOf(sizes);
    }

    /** rl-baselines3-zoo's CartPole-v1 set; see the class comment. */
    public static DqnConfig defaults() {
        return new DqnConfig(2.3e-3, 64, 100_000, 1000, 0.99, 10, 1.0, 256, 128, 0.16, 1.0, 0.04,
                List.of(256, 256), NetworkType.MLP, List.of(16, 32), false, LossFunction.HUBER, 10.0, 1,
                20, 10, List.of());
    }

    public DqnConfig withBufferSize(int value) {
        return new DqnConfig(learningRate, batchSize, value, learningStarts, gamma, targetUpdateInterval, tau,
                trainFreq, gradientSteps, explorationFraction, explorationInitialEps, explorationFinalEps,
                hiddenSizes, networkType, convChannels, doubleDqn, loss, maxGradNorm, nSteps,
                planIterations, planChannels, agentPlanes);
    }

    /** The schedule of training: when learning starts, how often and how much it trains. */
    public DqnConfig withTraining(int learningStarts, int trainFreq, int gradientSteps) {
        return new DqnConfig(learningRate, batchSize, bufferSize, learningStarts, gamma, targetUpdateInterval, tau,
                trainFreq, gradientSteps, explorationFraction, explorationInitialEps, explorationFinalEps,
                hiddenSizes, networkType, convChannels, doubleDqn, loss, maxGradNorm, nSteps,
                planIterations, planChannels, agentPlanes);
    }

    public DqnConfig withTargetUpdate(int interval, double value) {
        return new DqnConfig(learningRate, batchSize, bufferSize, learningStarts, gamma, interval, value,
                trainFreq, gradientSteps, explorationFraction, explorationInitialEps, explorationFinalEps,
                hiddenSizes, networkType, convChannels, doubleDqn, loss, maxGradNorm, nSteps,
                planIterations, planChannels, agentPlanes);
    }

    public DqnConfig withNetwork(NetworkType type, List<Integer> convolutions, List<Integer> hidden) {
        return new DqnConfig(learningRate, batchSize, bufferSize, learningStarts, gamma, targetUpdateInterval, tau,
                trainFreq, gradientSteps, explorationFraction, explorationInitialEps, explorationFinalEps,
                hidden, type, convolutions, doubleDqn, loss, maxGradNorm, nSteps,
                planIterations, planChannels, agentPlanes);
    }

    /** A planning network's rounds, channels and agent planes (set them before switching networkType to one). */
    public DqnConfig withPlanning(int iterations, int channels, List<Integer> planes) {
        return new DqnConfig(learningRate, batchSize, bufferSize, learningStarts, gamma, targetUpdateInterval, tau,
                trainFreq, gradientSteps, explorationFraction, explorationInitialEps, explorationFinalEps,
                hiddenSizes, networkType, convChannels, doubleDqn, loss, maxGradNorm, nSteps,
                iterations, channels, planes);
    }

    public DqnConfig withDoubleDqn(boolean value) {
        return new DqnConfig(learningRate, batchSize, bufferSize, learningStarts, gamma, targetUpdateInterval, tau,
                trainFreq, gradientSteps, explorationFraction, explorationInitialEps, explorationFinalEps,
                hiddenSizes, networkType, convChannels, value, loss, maxGradNorm, nSteps,
                planIterations, planChannels, agentPlanes);
    }

    public DqnConfig withNSteps(int value) {
        return new DqnConfig(learningRate, batchSize, bufferSize, learningStarts, gamma, targetUpdateInterval, tau,
                trainFreq, gradientSteps, explorationFraction, explorationInitialEps, explorationFinalEps,
                hiddenSizes, networkType, convChannels, doubleDqn, loss, maxGradNorm, value,
                planIterations, planChannels, agentPlanes);
    }

    public DqnConfig withLoss(LossFunction value) {
        return new DqnConfig(learningRate, batchSize, bufferSize, learningStarts, gamma, targetUpdateInterval, tau,
                trainFreq, gradientSteps, explorationFraction, explorationInitialEps, explorationFinalEps,
                hiddenSizes, networkType, convChannels, doubleDqn, value, maxGradNorm, nSteps,
                planIterations, planChannels, agentPlanes);
    }

    /**
     * ε after {@code step} of {@code totalSteps}: SB3's {@code get_linear_fn}, falling from
     * {@link #explorationInitialEps} to {@link #explorationFinalEps} over the first
     * {@code explorationFraction * totalSteps} steps, then constant.
     */
    public double epsilon(long step, long totalSteps) {
        double duration = explorationFraction * totalSteps;
        if (duration <= 0.0 || step >= duration) {
            return explorationFinalEps;
        }
        return explorationInitialEps + (explorationFinalEps - explorationInitialEps) * (step / duration);
    }
}
