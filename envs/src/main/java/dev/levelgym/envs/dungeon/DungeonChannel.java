package dev.levelgym.envs.dungeon;

/**
 * The planes of a {@link Dungeon} observation, in order; plane {@code c} of an H×W view occupies
 * {@code [c*H*W, (c+1)*H*W)}, row-major. Every cell has exactly one of the four terrain planes set
 * (cells outside the level read as wall); the other planes mark what stands on the terrain.
 */
public enum DungeonChannel {
    WALL,
    FLOOR,
    /** A key still lying on the map. */
    KEY,
    /** A closed goal door. */
    DOOR,
    /** The avatar while it holds no key. */
    AVATAR,
    /** The avatar once it holds a key; a separate plane so key possession is visible in the observation. */
    AVATAR_WITH_KEY,
    ENEMY_QUICK,
    ENEMY_NORMAL,
    ENEMY_SLOW,
    /** A sword swing still in the air (it lasts {@value Dungeon#SWORD_TICKS} ticks, as GVGAI's limit=5). */
    SWORD,
    /** The cell the avatar faces, where a swing would land; makes the facing direction observable. */
    FACING;

    public static final int COUNT = values().length;
}
