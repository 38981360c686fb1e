package dev.levelgym.envs;

/**
 * How an episode of a game with a goal stands (Dungeon-v0, Platformer-v0): {@link #label()} is the value of the
 * {@link InfoKeys#RESULT} info entry, so tools count wins the same way for every such env.
 */
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

    /** True if {@code info}'s result entry says the episode was won. */
    public static boolean isWin(java.util.Map<String, ?> info) {
        return WIN.label.equals(info.get(InfoKeys.RESULT));
    }
}
