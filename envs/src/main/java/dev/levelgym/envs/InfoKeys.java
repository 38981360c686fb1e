package dev.levelgym.envs;

/**
 * The keys of the {@code info} maps levelgym's envs report, in one place so a tool reading them (win counting,
 * rollouts, the demo) cannot drift from the envs writing them.
 */
public final class InfoKeys {

    /** How the episode stands, an {@link Outcome#label()}: Dungeon-v0 and Platformer-v0. */
    public static final String RESULT = "result";
    /** Where the level came from: its file name or {@code procedural:<seed>}. */
    public static final String LEVEL_ID = "levelId";
    /** Dungeon-v0: whether the avatar holds the key. */
    public static final String KEY_HELD = "keyHeld";
    /** Platformer-v0: the player's column. */
    public static final String X = "x";
    /** Platformer-v0: the share of the level's columns reached. */
    public static final String PROGRESS = "progress";
    /** Platformer-v0: points so far (coins, question blocks, stomps). */
    public static final String SCORE = "score";

    private InfoKeys() {
    }
}
