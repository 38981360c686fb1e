package dev.levelgym.envs.platformer;

/**
 * The planes of a {@link Platformer} observation, in order; plane {@code c} of an R×C window occupies
 * {@code [c*R*C, (c+1)*R*C)}, row-major. Every cell has exactly one of the five terrain planes set; the last
 * three mark what stands on the terrain.
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
    /** The player. */
    PLAYER,
    /** The player's cell while it is still rising in a jump, so the jump phase is observable. */
    RISING;

    public static final int COUNT = values().length;
}
