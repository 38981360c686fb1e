package dev.levelgym.agents.dqn;

/** The Q-network's body: fully connected on a flat observation, or convolutions or a planner on a C×H×W one. */
public enum NetworkType {
    /** Linear layers of {@link DqnConfig#hiddenSizes()} with ReLU, as SB3's {@code MlpPolicy}. */
    MLP,
    /**
     * 3×3 convolutions of {@link DqnConfig#convChannels()} (stride 1, padding 1, so H×W is kept: grid maps are
     * small and every cell matters) with ReLU, flattened, then the MLP head. Needs a Box of shape (C, H, W).
     */
    CONV,
    /**
     * The IMPALA CNN ({@link dev.levelgym.agents.networks.ImpalaCnn}, PPO's trunk on tile worlds): per channel count
     * of {@link DqnConfig#convChannels()} a 3×3 convolution and a 3×3 max-pool of stride 2, then ReLU, flattened,
     * then the MLP head. The pooling keeps the head small (a 16×16 map is 2×2 after three stages), where CONV
     * flattens every cell into it. Needs a Box of shape (C, H, W).
     */
    IMPALA,
    /**
     * A Value Iteration Network ({@link ValueIterationBlock}): a planner over the C×H×W map whose reward map and
     * move kernel are learned, read out at the agent's cell ({@link DqnConfig#agentPlanes()}), then the MLP head.
     */
    VALUE_ITERATION,
    /**
     * A value propagation network ({@link ValuePropagationBlock}): a soft breadth-first search over four-neighbour
     * moves whose goal and step-cost maps are learned, read out at the agent's cell as how much better each
     * neighbour leads, beside 3×3 features of what stands around it, then the MLP head.
     */
    VALUE_PROPAGATION
}
