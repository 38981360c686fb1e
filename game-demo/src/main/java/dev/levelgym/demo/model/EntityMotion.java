package dev.levelgym.demo.model;

import dev.levelgym.envs.dungeon.DungeonGame;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the Dungeon's entities came from in the last tick, so the view can slide them between cells. The game
 * itself only exposes what stands on each cell; an enemy is matched to the cell it left by kind and adjacency,
 * which is exact unless two enemies of one kind swap neighbouring cells (they cannot: enemies block each other).
 */
public final class EntityMotion {

    private char[] before = new char[0];
    private int avatarBefore = -1;
    private List<Sprite> sprites = List.of();

    /** Records the positions before a tick. */
    public void beforeTick(DungeonGame game) {
        int cells = game.width() * game.height();
        if (before.length != cells) {
            before = new char[cells];
        }
        for (int c = 0; c < cells; c++) {
            before[c] = game.entitySymbol(c);
        }
        avatarBefore = game.avatarCell();
    }

    /** Matches the positions after the tick to those before it. */
    public void afterTick(DungeonGame game) {
        sprites = match(game, true);
    }

    /** Everything in place, nothing moving: after loading a level. */
    public void settle(DungeonGame game) {
        sprites = match(game, false);
    }

    private List<Sprite> match(DungeonGame game, boolean moved) {
        int w = game.width();
        int cells = w * game.height();
        char[] now = new char[cells];
        for (int c = 0; c < cells; c++) {
            now[c] = game.entitySymbol(c);
        }
        boolean[] claimed = new boolean[cells];
        List<Sprite> out = new ArrayList<>();
        int avatar = game.avatarCell();
        for (int c = 0; c < cells; c++) {
            char s = now[c];
            if (s == 0 || c == avatar || s == '*') {
                continue;
            }
            int from = c;
            if (moved && before[c] != s) {
                int[] neighbours = {c - w, c + w, c % w > 0 ? c - 1 : -1, c % w < w - 1 ? c + 1 : -1};
                for (int n : neighbours) {
                    if (n >= 0 && n < cells && !claimed[n] && before[n] == s && now[n] != s) {
                        from = n;
                        claimed[n] = true;
                        break;
                    }
                }
            }
            out.add(new Sprite(s, from, c));
        }
        int sword = game.swordCell();
        if (sword >= 0) {
            out.add(new Sprite('*', sword, sword));
        }
        // The avatar last, so it is drawn on top of an enemy sharing its cell.
        out.add(new Sprite(game.keyHeld() ? 'a' : 'A', moved ? avatarBefore : avatar, avatar));
        return List.copyOf(out);
    }

    /** The entities after the last tick, each with the cell it moved from; the avatar is last. */
    public List<Sprite> sprites() {
        return sprites;
    }
}
