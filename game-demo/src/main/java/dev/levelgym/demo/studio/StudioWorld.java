package dev.levelgym.demo.studio;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelText;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.generators.search.Targets.Range;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the level studio needs of a world: its palette and blank level, its parser's verdict on a grid, its solver
 * and measures for the live check, its repair, and its targets. One implementation per world; everything else in
 * the studio is the same for both.
 */
public sealed interface StudioWorld permits DungeonStudioWorld, PlatformerStudioWorld {

    StudioWorld DUNGEON = new DungeonStudioWorld();
    /** Platformer levels under Platformer-v1's rules, the env's current version. */
    PlatformerStudioWorld PLATFORMER = new PlatformerStudioWorld(PlatformerRules.V1);
    /** The same levels under Platformer-v0's rules (its fixed jump), for levels made for v0. */
    PlatformerStudioWorld PLATFORMER_V0 = new PlatformerStudioWorld(PlatformerRules.V0);

    /** Every world, by {@link #label()}. */
    static List<StudioWorld> all() {
        return List.of(DUNGEON, PLATFORMER, PLATFORMER_V0);
    }

    /** The world named by {@code --world}: {@code dungeon}, {@code platformer} or {@code platformer-v0}. */
    static StudioWorld of(String label) {
        for (StudioWorld w : all()) {
            if (w.label().equals(label.toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new UserInputException("--world must be one of " + String.join(", ", all().stream()
                .map(StudioWorld::label).toList()) + ", got '" + label + "'");
    }

    /** {@code dungeon}, {@code platformer} (Platformer-v1) or {@code platformer-v0}. */
    String label();

    /** The env whose levels these are. */
    String envId();

    /** The tiles, one character each, in palette order (the digit keys pick the first ten). */
    String palette();

    /** What the HUD calls a tile. */
    String tileName(char tile);

    /** What erasing leaves: floor or sky. */
    char eraser();

    int defaultWidth();

    int defaultHeight();

    /**
     * Refuses sizes the studio does not make, before any memory is spent on them.
     *
     * @throws UserInputException naming the size and the bounds
     */
    void checkSize(int width, int height);

    /** A new level: an empty room for the Dungeon, flat ground under sky for the platformer. */
    EditGrid blank(int width, int height);

    /**
     * Level text as a grid: any rectangle of the legend's characters, even a level the parser refuses (no avatar,
     * say), so a broken file opens and shows its error in place.
     *
     * @throws dev.levelgym.envs.grid.LevelFormatException, located, for text that is no rectangle of tiles
     */
    EditGrid grid(String text, String source);

    /** The live check: fast enough to run after every edit. */
    LiveCheck check(EditGrid grid, TargetControls targets);

    /**
     * A slower, exact verdict to replace the quick one's (the platformer's with its enemies), meant for a
     * background thread; empty for worlds whose quick check is already exact.
     */
    Optional<LiveCheck> refine(EditGrid grid, LiveCheck quick);

    /**
     * The level made playable with few edits (the world's repair), the same size.
     *
     * @throws UserInputException when the repair cannot (too large a map, say)
     */
    EditGrid repair(EditGrid grid);

    /** The measures targets can be set on, all off, at default ranges. */
    List<TargetControls.Row> targetRows();

    /** A {@code --target} spec's ranges by measure name, checked by the world's own parser. */
    Map<String, Range> parseTargets(String spec);

    /**
     * How far the grid is from the switched-on targets, as {@code generate --target} measures it: 0 when all are met
     * (or none is on), infinite for a malformed level.
     */
    double shortfall(EditGrid grid, TargetControls targets);

    /** Reads the grid of level text, with the palette's characters ({@code space} is floor in old GVGAI files). */
    static EditGrid readGrid(String text, String source, String legend, String expected, int maxRows,
                                 java.util.function.IntUnaryOperator normalize) {
        LevelText.Grid<Character> g = LevelText.grid(text, source, cp -> {
            int c = normalize.applyAsInt(cp);
            return c >= 0 && c < 128 && legend.indexOf(c) >= 0 ? (char) c : null;
        }, expected, maxRows, "more than " + maxRows + " rows, more than the studio edits", (tile, line, column) -> {
        });
        char[] cells = new char[g.tiles().size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = g.tiles().get(i);
        }
        String[] rows = new String[g.height()];
        for (int y = 0; y < rows.length; y++) {
            rows[y] = new String(cells, y * g.width(), g.width());
        }
        return EditGrid.of(rows);
    }
}
