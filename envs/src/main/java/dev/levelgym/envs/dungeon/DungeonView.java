package dev.levelgym.envs.dungeon;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.registry.Options;

/**
 * What a Dungeon-v0 observation shows: the whole level, or with {@code egocentric} the (2r+1)×(2r+1) window centred
 * on the avatar, r = {@code radius} (outside the level = wall). The options {@code view} and {@code view_radius}
 * are read here only, so the registry's env and an env built around given levels (the demo's) see alike.
 *
 * @param egocentric the window around the avatar instead of the whole level
 * @param radius     the window's radius; kept, and ignored, for the full view
 */
public record DungeonView(boolean egocentric, int radius) {

    /** The whole level, Dungeon-v0's default. */
    public static final DungeonView FULL = new DungeonView(false, Dungeon.DEFAULT_VIEW_RADIUS);

    public DungeonView {
        if (radius < 1) {
            throw new UserInputException(Dungeon.ID + ": option " + Dungeon.OPT_VIEW_RADIUS
                    + " must be at least 1, got " + radius);
        }
        LevelLimits.requireCells(Dungeon.ID + ": option " + Dungeon.OPT_VIEW_RADIUS + " " + radius
                + " makes an observation window that", 2L * radius + 1, 2L * radius + 1);
    }

    /**
     * The view the options {@code view} ({@code full}, the default, or {@code egocentric}) and {@code view_radius}
     * (egocentric only, default {@value Dungeon#DEFAULT_VIEW_RADIUS}) ask for; other options are not looked at.
     */
    public static DungeonView of(Options options) {
        String view = options.getString(Dungeon.OPT_VIEW, "full");
        if (!view.equals("full") && !view.equals("egocentric")) {
            throw new UserInputException(Dungeon.ID + ": option view must be full or egocentric, got '" + view + "'");
        }
        if (view.equals("full") && options.has(Dungeon.OPT_VIEW_RADIUS)) {
            throw new UserInputException(Dungeon.ID + ": option view_radius needs view=egocentric");
        }
        return new DungeonView(view.equals("egocentric"),
                options.getInt(Dungeon.OPT_VIEW_RADIUS, Dungeon.DEFAULT_VIEW_RADIUS));
    }
}
