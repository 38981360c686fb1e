package dev.levelgym.envs.platformer;

/** How a {@link Platformer} episode stands; {@link #label()} is the {@code "result"} info value. */
public enum Result {
    RUNNING("running"),
    WIN("win"),
    LOSS("loss");

    private final String label;

    Result(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
