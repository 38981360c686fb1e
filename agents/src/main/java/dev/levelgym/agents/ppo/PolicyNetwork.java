package dev.levelgym.agents.ppo;

/** The body of PPO's actor-critic. */
public enum PolicyNetwork {
    /**
     * CleanRL's {@code ppo.py}: separate actor and critic MLPs of {@link PpoConfig#hiddenSizes()} with tanh, on a
     * flat observation.
     */
    MLP,
    /**
     * The IMPALA CNN of Espeholt et al. 2018 as Procgen's PPO baseline uses it, on a C×H×W observation: per depth of
     * {@link PpoConfig#convDepths()} a 3×3 convolution, a 3×3 max-pool of stride 2 and
     * {@link PpoConfig#residualBlocks()} residual blocks (ReLU, conv, ReLU, conv; two in Procgen's), then ReLU, a fully connected layer of {@link PpoConfig#hiddenSize()} units with ReLU, and
     * linear policy and value heads on that shared trunk.
     */
    IMPALA,
    /**
     * A value propagation network (Nardelli et al. 2019, who trained it with an actor-critic) on a C×H×W grid map
     * where the agent moves between four-neighbour cells: learned goal and step-cost maps, {@link
     * PpoConfig#planIterations()} rounds of a soft breadth-first search over them, read out at the agent's cell
     * ({@link PpoConfig#agentPlanes()}) as move preferences, the plan's values and {@link PpoConfig#planChannels()}
     * local features, then one linear layer to the logits and the value (see
     * {@link dev.levelgym.agents.networks.ValuePropagationBlock}). The moves are built in; what counts as a goal or a
     * cost is learned from the rewards alone.
     */
    VALUE_PROPAGATION
}
