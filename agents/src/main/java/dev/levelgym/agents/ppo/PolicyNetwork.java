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
    IMPALA
}
