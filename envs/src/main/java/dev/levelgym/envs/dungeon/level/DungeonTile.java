package dev.levelgym.envs.dungeon.level;

/**
 * What a level file says stands on a cell, one character each, as in GVGAI zelda's LevelMapping. Enemy tiles
 * carry their RandomNPC parameters so the game and the file format cannot disagree about which is which.
 */
public enum DungeonTile {
    WALL('w'),
    FLOOR('.'),
    AVATAR('A'),
    KEY('+'),
    DOOR('g'),
    /** GVGAI {@code monsterQuick}: RandomNPC cooldown=2 cons=6. */
    ENEMY_QUICK('1', 2, 6),
    /** GVGAI {@code monsterNormal}: RandomNPC cooldown=4 cons=8. */
    ENEMY_NORMAL('2', 4, 8),
    /** GVGAI {@code monsterSlow}: RandomNPC cooldown=8 cons=12. */
    ENEMY_SLOW('3', 8, 12);

    /** The characters a level file may use, in the order error messages list them. */
    public static final String EXPECTED = "w . A + g 1 2 3";

    private static final DungeonTile[] BY_CHAR = new DungeonTile[128];

    static {
        for (DungeonTile t : values()) {
            BY_CHAR[t.symbol] = t;
        }
        // Older GVGAI level files (and the original py-vgdl ones) draw floor as a space.
        BY_CHAR[' '] = FLOOR;
    }

    private final char symbol;
    private final int cooldown;
    private final int cons;

    DungeonTile(char symbol) {
        this(symbol, 0, 0);
    }

    DungeonTile(char symbol, int cooldown, int cons) {
        this.symbol = symbol;
        this.cooldown = cooldown;
        this.cons = cons;
    }

    public char symbol() {
        return symbol;
    }

    public boolean isEnemy() {
        return cooldown > 0;
    }

    /** Ticks between an enemy's moves (GVGAI {@code cooldown}); 0 for non-enemies. */
    public int cooldown() {
        return cooldown;
    }

    /** Ticks an enemy keeps its drawn direction before drawing again (GVGAI {@code cons}); 0 for non-enemies. */
    public int cons() {
        return cons;
    }

    /** The tile for a file character, or null if the format has none. */
    public static DungeonTile fromSymbol(int c) {
        return c >= 0 && c < BY_CHAR.length ? BY_CHAR[c] : null;
    }
}
