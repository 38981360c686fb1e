package dev.levelgym.agents.dqn;

/** The Q-network's body: fully connected on a flat observation, or convolutions on a C×H×W observation. */
public enum NetworkType {
    /** Linear layers of {@link DqnConfig#hiddenSizes()} with ReLU, as SB3's {@code MlpPolicy}. */
    MLP,
    /**
     * 3×3 convolutions of {@link DqnConfig#convChannels()} (stride 1, padding 1, so H×W is kept: grid maps are
     * small and every cell matters) with ReLU, flattened, then the MLP head. Needs a Box of shape (C, H, W).
     */
    CONV
}
