package dev.levelgym.envs.platformer;

import dev.levelgym.envs.platformer.level.PlatformerRules;

/**
 * The planes of a {@link Platformer} observation, in order; plane {@code c} of an R×C window occupies
 * {@code [c*R*C, (c+1)*R*C)}, row-major. Every cell has exactly one of the five terrain planes set; the others mark
 * what stands on the terrain. Platformer-v0 has the first {@value #V0_COUNT} planes, all one-hot; Platformer-v1 all
 * {@value #COUNT}, the player's planes holding fractions (see each).
 */
public enum PlatformerChannel {
    /** Passable: {@code -}, a taken coin's cell, an enemy's start cell; also above and below the level. */
    EMPTY,
    /** Ground, bricks, used question blocks, pipes, cannons; also left of the level. */
    SOLID,
    /** A question block not yet bumped (solid; bumping it from below scores). */
    QUESTION,
    /** A coin not yet taken. */
    COIN,
    /** Right of the level: reaching the last column wins, so this is where the goal is. */
    GOAL,
    /** A live enemy. */
    ENEMY,
    /** The player; in v1 the share of the cell it covers (2/3 and 1/3 on the two columns it straddles). */
    PLAYER,
    /** The player's cells while it is still rising in a jump (v1: rows of rise left while jump is held, / 3). */
    RISING,
    /** v1: the player's fall stage / 3 (0 standing or at the top of a jump, then 1/3, 2/3, 1 as the fall speeds up). */
    FALLING,
    /** v1: the player's speed to the right / full speed. */
    SPEED_RIGHT,
    /** v1: the player's speed to the left / full speed. */
    SPEED_LEFT;

    /** Planes of a Platformer-v1 observation: all of them. */
    public static final int COUNT = values().length;
    /** Planes of a Platformer-v0 observation: EMPTY to RISING. */
    public static final int V0_COUNT = RISING.ordinal() + 1;

    /** The planes of an observation under {@code rules}' version. */
    public static int planes(PlatformerRules rules) {
        return rules.version() == 0 ? V0_COUNT : COUNT;
    }
}
