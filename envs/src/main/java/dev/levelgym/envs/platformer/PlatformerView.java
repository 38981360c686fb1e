package dev.levelgym.envs.platformer;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.registry.Options;

/**
 * The camera window a Platformer observation (either version) shows: {@code rows × cols} tiles following the
 * player (see {@link Platformer}). The options {@code view_rows} and {@code view_cols} are read here only, so the
 * registry's env and an env built around given levels (the demo's) see alike.
 */
public record PlatformerView(int rows, int cols) {

    /** The default window of both versions: 14 rows (a VGLC SMB level's height), 16 columns. */
    public static final PlatformerView DEFAULT = new PlatformerView(Platformer.DEFAULT_VIEW_ROWS,
            Platformer.DEFAULT_VIEW_COLS);

    public PlatformerView {
        if (rows < 1 || cols < 1) {
            throw new UserInputException("Platformer: options view_rows and view_cols must be at least 1, got "
                    + rows + " and " + cols);
        }
        LevelLimits.requireCells("Platformer: options view_rows and view_cols make an observation window that",
                rows, cols);
    }

    /** The window the options {@code view_rows} and {@code view_cols} ask for; other options are not looked at. */
    public static PlatformerView of(Options options) {
        return new PlatformerView(options.getInt(Platformer.OPT_VIEW_ROWS, Platformer.DEFAULT_VIEW_ROWS),
                options.getInt(Platformer.OPT_VIEW_COLS, Platformer.DEFAULT_VIEW_COLS));
    }
}
