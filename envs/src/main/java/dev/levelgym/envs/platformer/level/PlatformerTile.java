package dev.levelgym.envs.platformer.level;

/**
 * The tiles of the Video Game Level Corpus (VGLC) Super Mario Bros format, one character each, exactly the
 * legend of VGLC's {@code Super Mario Bros/smb.json}. What each tile does in the Platformer envs is in
 * {@code platformer.md}.
 */
public enum PlatformerTile {
    /** {@code X}: ground, solid. */
    GROUND('X', true),
    /** {@code S}: breakable brick, solid (a small player does not break it). */
    BRICK('S', true),
    /** {@code -}: empty, passable. */
    EMPTY('-', false),
    /** {@code ?}: full question block, solid; bumped from below it gives score and becomes {@link #QUESTION_USED}. */
    QUESTION('?', true),
    /** {@code Q}: empty (used) question block, solid. */
    QUESTION_USED('Q', true),
    /** {@code E}: an enemy's start cell; the enemy walks from there and the cell is empty. */
    ENEMY('E', false),
    /** {@code <}: pipe, top left, solid. */
    PIPE_TOP_LEFT('<', true),
    /** {@code >}: pipe, top right, solid. */
    PIPE_TOP_RIGHT('>', true),
    /** {@code [}: pipe body, left, solid. */
    PIPE_LEFT('[', true),
    /** {@code ]}: pipe body, right, solid. */
    PIPE_RIGHT(']', true),
    /** {@code o}: coin, passable; taken when entered. */
    COIN('o', false),
    /** {@code B}: cannon top, solid (cannons do not fire). */
    CANNON_TOP('B', true),
    /** {@code b}: cannon body, solid. */
    CANNON_BODY('b', true);

    /** The characters a level file may use, in the order error messages list them. */
    public static final String EXPECTED = "X S - ? Q E < > [ ] o B b";

    private static final PlatformerTile[] BY_CHAR = new PlatformerTile[128];

    static {
        for (PlatformerTile t : values()) {
            BY_CHAR[t.symbol] = t;
        }
    }

    private final char symbol;
    private final boolean solid;

    PlatformerTile(char symbol, boolean solid) {
        this.symbol = symbol;
        this.solid = solid;
    }

    public char symbol() {
        return symbol;
    }

    /** True if neither the player nor an enemy can enter the cell. */
    public boolean solid() {
        return solid;
    }

    /** The tile for a file character, or null if the format has none. */
    public static PlatformerTile fromSymbol(int c) {
        return c >= 0 && c < BY_CHAR.length ? BY_CHAR[c] : null;
    }
}
