package dev.levelgym.demo.view;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.Texture;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * The demo's tileset, drawn procedurally into {@link Pixmap}s at start-up (original art: no image files, nothing
 * copied from any game). A fixed seed keeps the stone speckles the same on every run, so screenshots compare.
 */
final class TileArt {

    enum Piece { FLOOR, WALL, DOOR, KEY, AVATAR, KEY_BADGE, ENEMY_QUICK, ENEMY_NORMAL, ENEMY_SLOW, SWORD }

    static final int SIZE = 32;

    private final Map<Piece, Texture> textures = new EnumMap<>(Piece.class);

    TileArt() {
        Random random = new Random(20_240_611L);
        for (Piece p : Piece.values()) {
            Pixmap pm = new Pixmap(SIZE, SIZE, Pixmap.Format.RGBA8888);
            pm.setBlending(Pixmap.Blending.None);
            pm.setColor(0, 0, 0, 0);
            pm.fill();
            pm.setBlending(Pixmap.Blending.SourceOver);
            switch (p) {
                case FLOOR -> floor(pm, random);
                case WALL -> wall(pm, random);
                case DOOR -> door(pm);
                case KEY -> key(pm, 0, 0, 1f);
                case KEY_BADGE -> key(pm, 0, 0, 0.6f);
                case AVATAR -> avatar(pm);
                case ENEMY_QUICK -> blob(pm, Color.valueOf("e0473a"), 3);
                case ENEMY_NORMAL -> blob(pm, Color.valueOf("9b4fd1"), 2);
                case ENEMY_SLOW -> blob(pm, Color.valueOf("3f8fd8"), 1);
                case SWORD -> sword(pm);
            }
            Texture t = new Texture(pm);
            t.setFilter(Texture.TextureFilter.Nearest, Texture.TextureFilter.Nearest);
            textures.put(p, t);
            pm.dispose();
        }
    }

    Texture get(Piece piece) {
        return textures.get(piece);
    }

    void dispose() {
        textures.values().forEach(Texture::dispose);
    }

    private static void floor(Pixmap pm, Random r) {
        pm.setColor(Color.valueOf("5b4d42"));
        pm.fill();
        for (int i = 0; i < 70; i++) {
            float shade = 0.85f + 0.3f * r.nextFloat();
            pm.setColor(0.36f * shade, 0.30f * shade, 0.26f * shade, 1f);
            pm.drawPixel(r.nextInt(SIZE), r.nextInt(SIZE));
        }
        pm.setColor(Color.valueOf("463a32"));
        pm.drawLine(0, SIZE - 1, SIZE - 1, SIZE - 1);
        pm.drawLine(SIZE - 1, 0, SIZE - 1, SIZE - 1);
        pm.drawLine(0, SIZE / 2, SIZE / 2, SIZE / 2);
        pm.drawLine(SIZE / 2, 0, SIZE / 2, SIZE / 2);
    }

    private static void wall(Pixmap pm, Random r) {
        pm.setColor(Color.valueOf("23202a"));
        pm.fill();
        int rowHeight = 8;
        for (int row = 0; row < SIZE / rowHeight; row++) {
            int offset = row % 2 == 0 ? 0 : -8;
            for (int x = offset; x < SIZE; x += 16) {
                float shade = 0.85f + 0.25f * r.nextFloat();
                pm.setColor(0.45f * shade, 0.47f * shade, 0.55f * shade, 1f);
                pm.fillRectangle(x + 1, row * rowHeight + 1, 14, rowHeight - 2);
                pm.setColor(0.62f * shade, 0.64f * shade, 0.72f * shade, 1f);
                pm.drawLine(x + 1, row * rowHeight + 1, x + 14, row * rowHeight + 1);
            }
        }
    }

    private static void door(Pixmap pm) {
        pm.setColor(Color.valueOf("3a3034"));
        pm.fill();
        pm.setColor(Color.valueOf("8a5a2b"));
        pm.fillRectangle(5, 10, 22, 22);
        pm.fillCircle(16, 11, 11);
        pm.setColor(Color.valueOf("6b4420"));
        for (int x = 10; x < 27; x += 6) {
            pm.drawLine(x, 4, x, SIZE - 1);
        }
        pm.setColor(Color.valueOf("c9c9d1"));
        pm.fillRectangle(5, 14, 22, 2);
        pm.fillRectangle(5, 25, 22, 2);
        pm.setColor(Color.valueOf("f2c14e"));
        pm.fillCircle(22, 20, 2);
    }

    private static void key(Pixmap pm, int ox, int oy, float scale) {
        Color gold = Color.valueOf("f2c14e");
        Color dark = Color.valueOf("a87a1c");
        int cx = ox + Math.round(11 * scale);
        int cy = oy + Math.round(11 * scale);
        int ring = Math.max(2, Math.round(6 * scale));
        pm.setColor(dark);
        pm.fillCircle(cx, cy, ring + 1);
        pm.setColor(gold);
        pm.fillCircle(cx, cy, ring);
        pm.setColor(0, 0, 0, 0);
        pm.setBlending(Pixmap.Blending.None);
        pm.fillCircle(cx, cy, Math.max(1, ring / 2));
        pm.setBlending(Pixmap.Blending.SourceOver);
        pm.setColor(gold);
        int len = Math.round(14 * scale);
        int w = Math.max(2, Math.round(3 * scale));
        for (int i = 0; i < len; i++) {
            pm.fillRectangle(cx + ring - 1 + i, cy + ring - 1 + i, w, w);
        }
        int tip = len - 3;
        pm.fillRectangle(cx + ring + tip - Math.round(5 * scale), cy + ring + tip, w, Math.round(4 * scale));
        pm.fillRectangle(cx + ring + tip - Math.round(2 * scale), cy + ring + tip + 2, w, Math.round(4 * scale));
    }

    private static void avatar(Pixmap pm) {
        pm.setColor(0, 0, 0, 0.35f);
        pm.fillRectangle(8, 28, 16, 3);
        pm.setColor(Color.valueOf("2f9e44"));
        pm.fillTriangle(16, 12, 7, 28, 25, 28);
        pm.setColor(Color.valueOf("6b4420"));
        pm.fillRectangle(9, 20, 14, 2);
        pm.setColor(Color.valueOf("f1c7a1"));
        pm.fillCircle(16, 10, 6);
        pm.setColor(Color.valueOf("2f9e44"));
        pm.fillTriangle(9, 7, 23, 7, 25, 1);
        pm.setColor(Color.valueOf("1b1b1b"));
        pm.fillRectangle(13, 9, 2, 2);
        pm.fillRectangle(18, 9, 2, 2);
    }

    private static void blob(Pixmap pm, Color body, int spikes) {
        pm.setColor(0, 0, 0, 0.35f);
        pm.fillRectangle(6, 28, 20, 3);
        pm.setColor(body);
        pm.fillCircle(16, 19, 11);
        pm.fillRectangle(5, 19, 23, 9);
        for (int i = 0; i < spikes; i++) {
            int x = 16 + (i - (spikes - 1) / 2) * 7;
            pm.fillTriangle(x - 3, 10, x + 3, 10, x, 3);
        }
        pm.setColor(body.cpy().mul(0.7f, 0.7f, 0.7f, 1f));
        for (int x = 5; x < 28; x += 5) {
            pm.fillTriangle(x, 27, x + 5, 27, x + 2, 31);
        }
        pm.setColor(Color.WHITE);
        pm.fillCircle(12, 17, 4);
        pm.fillCircle(21, 17, 4);
        pm.setColor(Color.BLACK);
        pm.fillCircle(13, 18, 2);
        pm.fillCircle(22, 18, 2);
    }

    private static void sword(Pixmap pm) {
        pm.setColor(Color.valueOf("e8eef5"));
        for (int i = 0; i < 18; i++) {
            pm.fillRectangle(8 + i, 22 - i, 3, 3);
        }
        pm.setColor(Color.valueOf("9aa7b5"));
        for (int i = 0; i < 18; i++) {
            pm.drawPixel(9 + i, 24 - i);
        }
        pm.setColor(Color.valueOf("f2c14e"));
        pm.drawLine(3, 19, 11, 27);
        pm.drawLine(4, 19, 12, 27);
        pm.setColor(Color.valueOf("6b4420"));
        pm.fillRectangle(2, 26, 4, 4);
    }
}
