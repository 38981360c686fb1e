package dev.levelgym.generators.gan;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One-hot tile maps, the GAN's view of a level (as MarioGAN's): one channel per legend tile, in legend order
 * ({@link DungeonTile} order for Dungeon-v0), the level in the top-left corner of a {@code size × size} square (a power of
 * two, so the generator can upsample from 4×4), the padding filled with the {@link GanWorld}'s padding tile (wall
 * for Dungeon-v0). {@link Decoding} turns the generator's tile probabilities of the unpadded region back into tiles.
 */
public final class TileMaps {

    /** The legend: channel {@code i} is the tile with this string's {@code i}-th character. */
    public static final String LEGEND = legend();

    private TileMaps() {
    }

    private static String legend() {
        StringBuilder sb = new StringBuilder();
        for (DungeonTile t : DungeonTile.values()) {
            sb.append(t.symbol());
        }
        return sb.toString();
    }

    /** The smallest power of two, at least 4, that holds both sides. */
    public static int paddedSize(int width, int height) {
        int s = 4;
        while (s < Math.max(width, height)) {
            s *= 2;
        }
        return s;
    }

    /**
     * The levels with their horizontal, vertical and double mirror images (every mirror of a playable level is
     * playable: the rules have no preferred direction), without repeated layouts.
     */
    public static List<DungeonLevel> withMirrors(List<DungeonLevel> levels) {
        Set<String> seen = new LinkedHashSet<>();
        List<DungeonLevel> out = new ArrayList<>();
        for (DungeonLevel l : levels) {
            for (int flip = 0; flip < 4; flip++) {
                DungeonLevel m = mirror(l, (flip & 1) != 0, (flip & 2) != 0);
                if (seen.add(m.toText())) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    static DungeonLevel mirror(DungeonLevel l, boolean horizontal, boolean vertical) {
        int w = l.width();
        int h = l.height();
        DungeonTile[] tiles = new DungeonTile[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                tiles[y * w + x] = l.tile(horizontal ? w - 1 - x : x, vertical ? h - 1 - y : y);
            }
        }
        String suffix = (horizontal ? "~h" : "") + (vertical ? "~v" : "");
        return new DungeonLevel(l.id() + suffix, w, h, tiles);
    }
}
