package dev.levelgym.envs.dungeon;

/** How a {@link Dungeon} episode stands; {@link #label()} is the {@code "result"} info value. */
public enum Outcome {
    RUNNING("running"),
    WIN("win"),
    LOSS("loss");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
