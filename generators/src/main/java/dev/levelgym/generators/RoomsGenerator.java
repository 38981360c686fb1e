package dev.levelgym.generators;

import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Rooms and corridors, as in roguelike dungeon generators: starting from solid wall, carve rectangular rooms
 * (3–7 wide, 2–5 tall; two to four at 13×9, up to five on larger maps; rooms may touch or overlap and so merge
 * into irregular halls, but none lies inside another), then join each room to the
 * next in creation order with an L-shaped one-tile corridor (horizontal or vertical leg first at random), so all
 * rooms connect. Then avatar, key, door and enemies as in {@link ConstructiveGenerator}.
 */
public final class RoomsGenerator extends ConstructiveGenerator {

    public static final String NAME = "rooms";

    public RoomsGenerator(int width, int height) {
        super(width, height);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    DungeonTile[] layout(RandomGenerator rng) {
        DungeonTile[] t = walls();
        int target = 2 + rng.nextInt(Math.max(1, Math.min(4, (width - 2) * (height - 2) / 20)));
        List<int[]> rooms = new ArrayList<>();
        for (int tries = 0; tries < 200 && rooms.size() < target; tries++) {
            int rw = 3 + rng.nextInt(Math.min(5, width - 4));
            int rh = 2 + rng.nextInt(Math.min(4, height - 4));
            int rx = 1 + rng.nextInt(width - 2 - rw + 1);
            int ry = 1 + rng.nextInt(height - 2 - rh + 1);
            // Rooms may touch or overlap (merging into irregular halls) but not lie inside another.
            boolean overlaps = false;
            for (int[] r : rooms) {
                if (rx >= r[0] && ry >= r[1] && rx + rw <= r[0] + r[2] && ry + rh <= r[1] + r[3]
                        || r[0] >= rx && r[1] >= ry && r[0] + r[2] <= rx + rw && r[1] + r[3] <= ry + rh) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                rooms.add(new int[] {rx, ry, rw, rh});
                for (int y = ry; y < ry + rh; y++) {
                    for (int x = rx; x < rx + rw; x++) {
                        t[y * width + x] = DungeonTile.FLOOR;
                    }
                }
            }
        }
        if (rooms.size() < 2) {
            return null;
        }
        for (int i = 1; i < rooms.size(); i++) {
            int[] a = rooms.get(i - 1);
            int[] b = rooms.get(i);
            int ax = a[0] + rng.nextInt(a[2]);
            int ay = a[1] + rng.nextInt(a[3]);
            int bx = b[0] + rng.nextInt(b[2]);
            int by = b[1] + rng.nextInt(b[3]);
            if (rng.nextBoolean()) {
                carveRow(t, ay, ax, bx);
                carveColumn(t, bx, ay, by);
            } else {
                carveColumn(t, ax, ay, by);
                carveRow(t, by, ax, bx);
            }
        }
        return t;
    }

    private void carveRow(DungeonTile[] t, int y, int x0, int x1) {
        for (int x = Math.min(x0, x1); x <= Math.max(x0, x1); x++) {
            t[y * width + x] = DungeonTile.FLOOR;
        }
    }

    private void carveColumn(DungeonTile[] t, int x, int y0, int y1) {
        for (int y = Math.min(y0, y1); y <= Math.max(y0, y1); y++) {
            t[y * width + x] = DungeonTile.FLOOR;
        }
    }
}
