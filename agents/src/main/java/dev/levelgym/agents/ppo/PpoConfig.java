package dev.levelgym.agents.ppo;

import dev.levelgym.envs.UserInputException;
import java.util.List;

/**
 * Hyperparameters of {@link PpoAgent}, every knob in one place. The defaults are CleanRL's {@code ppo.py} for
 * CartPole-v1 (Huang et al. 2022, "The 37 implementation details of PPO"); {@link #procgen()} gives the Procgen
 * baseline's (Cobbe et al. 2020, openai/train-procgen) for the tile worlds. The number of env copies is the run's
 * {@code --num-envs}, not a field here: a rollout is {@code numSteps} steps of every copy.
 *
 * @param learningRate   Adam's step size at the start, &gt; 0 (annealed linearly to 0 over the run when
 *                       {@code annealLr}). Default 2.5e-4 (CleanRL).
 * @param numSteps       steps per env copy per rollout, &gt; 0. Default 128 (CleanRL).
 * @param annealLr       anneal the learning rate linearly to 0 over the run. Default true (CleanRL).
 * @param gamma          discount in [0, 1]. Default 0.99 (CleanRL).
 * @param gaeLambda      λ of generalized advantage estimation (Schulman et al. 2016), in [0, 1]. Default 0.95.
 * @param numMinibatches minibatches per epoch, &gt; 0. Default 4 (CleanRL).
 * @param updateEpochs   passes over each rollout, &gt; 0. Default 4 (CleanRL).
 * @param normAdv        normalize advantages per minibatch (mean 0, standard deviation 1). Default true.
 * @param clipCoef       ε of the clipped surrogate objective, &gt; 0. Default 0.2.
 * @param clipVloss      clip the value loss around the rollout's values as the policy ratio is clipped. Default
 *                       true (CleanRL).
 * @param entCoef        weight of the entropy bonus, &ge; 0. Default 0.01.
 * @param vfCoef         weight of the value loss, &ge; 0. Default 0.5.
 * @param maxGradNorm    the global gradient norm is clipped to this, &gt; 0. Default 0.5.
 * @param adamEpsilon    Adam's ε, &gt; 0. Default 1e-5 (CleanRL; PyTorch's default is 1e-8).
 * @param network        MLP (default) or IMPALA (C×H×W observations)
 * @param hiddenSizes    MLP: hidden layer widths of the actor and of the critic, each &gt; 0. Default [64, 64].
 * @param convDepths     IMPALA: channels of each stack, each &gt; 0. Default [16, 32, 32] (Procgen).
 * @param hiddenSize     IMPALA: units of the fully connected layer after the stacks, &gt; 0. Default 256.
 * @param residualBlocks IMPALA: residual blocks per stack, 0..4. Default 2 (Espeholt et al., Procgen). Fewer make
 *                       the network several times cheaper on small maps (an old manifest without the field reads
 *                       as 2).
 * @param planIterations VALUE_PROPAGATION: rounds of propagation, &gt; 0 (values travel one cell per round). Default 20.
 * @param planChannels   VALUE_PROPAGATION: local 3×3 features read at the agent's cell, &gt; 0. Default 32.
 * @param agentPlanes    VALUE_PROPAGATION: the observation planes that mark the agent (Dungeon-v0: [4, 5]); no
 *                       default, it depends on the env. {@code convDepths} are then the 1×1 layers that make the
 *                       goal and cost maps, and {@code hiddenSizes} the head's hidden layers.
 */
public record PpoConfig(double learningRate, int numSteps, boolean annealLr, double gamma, double gaeLambda,
                        int numMinibatches, int updateEpochs, boolean normAdv, double clipCoef, boolean clipVloss,
                        double entCoef, double vfCoef, double maxGradNorm, double adamEpsilon,
                        PolicyNetwork network, List<Integer> hiddenSizes, List<Integer> convDepths, int hiddenSize,
                        Integer residualBlocks, Integer planIterations, Integer planChannels,
                        List<Integer> agentPlanes) {

    /** Largest layer width, and largest rollout (numSteps), accepted: bounds memory before any is spent. */
    public static final int MAX_WIDTH = 4096;
    public static final int MAX_NUM_STEPS = 1 << 16;
    /** Hidden layers, and IMPALA stacks, at most. */
    public static final int MAX_LAYERS = 64;

    public PpoConfig {
        requirePositiveFinite("learningRate", learningRate);
        requireRange("numSteps", numSteps, 1, MAX_NUM_STEPS);
        requireUnit("gamma", gamma);
        requireUnit("gaeLambda", gaeLambda);
        requireRange("numMinibatches", numMinibatches, 1, MAX_NUM_STEPS);
        requireRange("updateEpochs", updateEpochs, 1, 1000);
        requirePositiveFinite("clipCoef", clipCoef);
        requireNonNegative("entCoef", entCoef);
        requireNonNegative("vfCoef", vfCoef);
        requirePositiveFinite("maxGradNorm", maxGradNorm);
        requirePositiveFinite("adamEpsilon", adamEpsilon);
        if (network == null) {
            throw new UserInputException("network must be MLP or IMPALA");
        }
        hiddenSizes = widths("hiddenSizes", hiddenSizes);
        convDepths = widths("convDepths", convDepths);
        requireRange("hiddenSize", hiddenSize, 1, MAX_WIDTH);
        residualBlocks = residualBlocks == null ? 2 : residualBlocks;
        requireRange("residualBlocks", residualBlocks, 0, 4);
        planIterations = planIterations == null ? 20 : planIterations;
        planChannels = planChannels == null ? 32 : planChannels;
        requireRange("planIterations", planIterations, 1, 256);
        requireRange("planChannels", planChannels, 1, MAX_WIDTH);
        agentPlanes = agentPlanes == null ? List.of() : List.copyOf(agentPlanes);
        if (network == PolicyNetwork.VALUE_PROPAGATION && agentPlanes.isEmpty()) {
            throw new UserInputException("agentPlanes must name the planes that mark the agent for the "
                    + "VALUE_PROPAGATION network (Dungeon-v0: [4, 5])");
        }
        if (network == PolicyNetwork.IMPALA && convDepths.isEmpty()) {
            throw new UserInputException("convDepths needs at least one depth for the IMPALA network");
        }
    }

    /** CleanRL's {@code ppo.py} defaults. */
    public static PpoConfig defaults() {
        return new PpoConfig(2.5e-4, 128, true, 0.99, 0.95, 4, 4, true, 0.2, true, 0.01, 0.5, 0.5, 1e-5,
                PolicyNetwork.MLP, List.of(64, 64), List.of(16, 32, 32), 256, 2, 20, 32, List.of());
    }

    /**
     * Procgen's PPO baseline (openai/train-procgen): IMPALA CNN 16-32-32 + 256, lr 5e-4, 256 steps per copy (with
     * 64 copies), γ 0.999, λ 0.95, 8 minibatches, 3 epochs, clip 0.2, entropy 0.01, value loss 0.5, gradient norm
     * 0.5, the value loss clipped as baselines' ppo2 does; no annealing.
     */
    public static PpoConfig procgen() {
        return new PpoConfig(5e-4, 256, false, 0.999, 0.95, 8, 3, true, 0.2, true, 0.01, 0.5, 0.5, 1e-5,
                PolicyNetwork.IMPALA, List.of(64, 64), List.of(16, 32, 32), 256, 2, 20, 32, List.of());
    }

    private static void requirePositiveFinite(String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new UserInputException(name + " must be positive and finite, got " + value);
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new UserInputException(name + " must be non-negative and finite, got " + value);
        }
    }

    private static void requireUnit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new UserInputException(name + " must be in [0, 1], got " + value);
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new UserInputException(name + " must be in " + min + ".." + max + ", got " + value);
        }
    }

    private static List<Integer> widths(String name, List<Integer> widths) {
        if (widths == null) {
            throw new UserInputException(name + " must be a list of widths");
        }
        if (widths.size() > MAX_LAYERS) {
            throw new UserInputException(name + " may name at most " + MAX_LAYERS + " layers, got " + widths.size());
        }
        for (Integer w : widths) {
            if (w == null || w < 1 || w > MAX_WIDTH) {
                throw new UserInputException(name + " must hold widths in 1.." + MAX_WIDTH + ", got " + widths);
            }
        }
        return List.copyOf(widths);
    }
}
