package dev.levelgym.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonTile;

/** Edits of Dungeon levels that tests of the generators' novelty and playability checks feed them. */
public final class DungeonEdits {

    private DungeonEdits() {
    }

    /** The level with its key boxed in by walls: well formed, but the solver cannot win it. */
    public static String walledIn(DungeonLevel level) {
        char[] cells = cells(level);
        int w = level.width();
        for (int c = 0; c < cells.length; c++) {
            if (level.tile(c) == DungeonTile.KEY) {
                for (int n : new int[] {c - 1, c + 1, c - w, c + w}) {
                    cells[n] = 'w';
                }
            }
        }
        return render(cells, w);
    }

    /**
     * The level with {@code n} floor cells turned into single pillars, chosen so it stays playable: each in the
     * middle of an open 3×3 block and touching no other pillar, so every path can go around it.
     */
    public static String pillars(DungeonLevel level, int n) {
        char[] cells = cells(level);
        int w = level.width();
        int changed = 0;
        for (int y = 1; y < level.height() - 1 && changed < n; y++) {
            for (int x = 1; x < w - 1 && changed < n; x++) {
                if (openBlock(level, x, y) && cells[y * w + x] == '.' && isolated(cells, w, x, y)) {
                    cells[y * w + x] = 'w';
                    changed++;
                }
            }
        }
        assertEquals(n, changed, "not enough open floor in " + level.id());
        return render(cells, w);
    }

    /** Cells (characters other than line ends) where two level texts of one size differ. */
    public static int distance(String a, String b) {
        String x = a.replace("\n", "");
        String y = b.replace("\n", "");
        int d = 0;
        for (int i = 0; i < x.length(); i++) {
            d += x.charAt(i) != y.charAt(i) ? 1 : 0;
        }
        return d;
    }

    /** The level's tile characters, row after row. */
    public static char[] cells(DungeonLevel level) {
        return level.toText().replace("\n", "").toCharArray();
    }

    /** Rows of {@code width} cells as level text. */
    public static String render(char[] cells, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i += width) {
            sb.append(cells, i, width).append('\n');
        }
        return sb.toString();
    }

    private static boolean openBlock(DungeonLevel level, int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (level.tile(x + dx, y + dy) != DungeonTile.FLOOR) {
                    return false;
                }
            }
        }
        return true;
    }

    /** No wall we placed touches this cell, so single pillars never join into a barrier. */
    private static boolean isolated(char[] cells, int w, int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (cells[(y + dy) * w + x + dx] == 'w' && (dx != 0 || dy != 0)) {
                    return false;
                }
            }
        }
        return true;
    }
}
