package dev.levelgym.demo.view;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.Texture;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * The platformer's tileset, drawn procedurally into {@link Pixmap}s at start-up like {@link TileArt} (original art:
 * no image files, nothing copied from any game). A fixed seed keeps the speckles the same on every run, so
 * screenshots compare byte for byte.
 */
final class PlatformerArt {

    enum Piece {
        GROUND, GRASS, BRICK, QUESTION, QUESTION_USED, PIPE_TOP_LEFT, PIPE_TOP_RIGHT, PIPE_LEFT, PIPE_RIGHT,
        CANNON_TOP, CANNON_BODY, COIN, WALKER, RUNNER, FLAG, CLOUD, HILL
    }

    static final int SIZE = 32;

    private static final Color PIPE = Color.valueOf("2f9e44");
    private static final Color PIPE_LIGHT = Color.valueOf("8ce99a");
    private static final Color PIPE_DARK = Color.valueOf("1b5e20");
    private static final Color GOLD = Color.valueOf("f2c14e");
    private static final Color GOLD_DARK = Color.valueOf("a87a1c");
    private static final Color OUTLINE = Color.valueOf("1b1b1b");

    private final Map<Piece, Texture> textures = new EnumMap<>(Piece.class);

    PlatformerArt() {
        Random random = new Random(20_241_124L);
        for (Piece p : Piece.values()) {
            Pixmap pm = new Pixmap(SIZE, SIZE, Pixmap.Format.RGBA8888);
            pm.setBlending(Pixmap.Blending.None);
            pm.setColor(0, 0, 0, 0);
            pm.fill();
            pm.setBlending(Pixmap.Blending.SourceOver);
            switch (p) {
                case GROUND -> ground(pm, random);
                case GRASS -> grass(pm, random);
                case BRICK -> brick(pm);
                case QUESTION -> question(pm);
                case QUESTION_USED -> usedBlock(pm);
                case PIPE_TOP_LEFT -> pipeTop(pm, true);
                case PIPE_TOP_RIGHT -> pipeTop(pm, false);
                case PIPE_LEFT -> pipeBody(pm, true);
                case PIPE_RIGHT -> pipeBody(pm, false);
                case CANNON_TOP -> cannonTop(pm);
                case CANNON_BODY -> cannonBody(pm);
                case COIN -> coin(pm);
                case WALKER -> walker(pm);
                case RUNNER -> runner(pm);
                case FLAG -> flag(pm);
                case CLOUD -> cloud(pm);
                case HILL -> hill(pm);
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

    private static void ground(Pixmap pm, Random r) {
        pm.setColor(Color.valueOf("9a5b34"));
        pm.fill();
        for (int i = 0; i < 60; i++) {
            float shade = 0.75f + 0.4f * r.nextFloat();
            pm.setColor(0.60f * shade, 0.36f * shade, 0.20f * shade, 1f);
            pm.fillRectangle(r.nextInt(SIZE - 1), r.nextInt(SIZE - 1), 2, 2);
        }
        pm.setColor(Color.valueOf("6e3d21"));
        pm.drawRectangle(0, 0, SIZE, SIZE);
        pm.setColor(Color.valueOf("c98a5b"));
        pm.drawLine(1, 1, SIZE - 2, 1);
        pm.drawLine(1, 1, 1, SIZE - 2);
    }

    /** Drawn over the top of a ground tile that has open sky above it. */
    private static void grass(Pixmap pm, Random r) {
        pm.setColor(Color.valueOf("51cf66"));
        pm.fillRectangle(0, 0, SIZE, 7);
        pm.setColor(Color.valueOf("2b8a3e"));
        pm.fillRectangle(0, 7, SIZE, 2);
        for (int x = 0; x < SIZE; x += 3) {
            pm.fillRectangle(x, 8, 2, 2 + r.nextInt(4));
        }
        pm.setColor(Color.valueOf("b2f2bb"));
        pm.drawLine(0, 1, SIZE - 1, 1);
    }

    private static void brick(Pixmap pm) {
        pm.setColor(Color.valueOf("5a2a14"));
        pm.fill();
        for (int row = 0; row < 4; row++) {
            int offset = row % 2 == 0 ? 0 : -8;
            for (int x = offset; x < SIZE; x += 16) {
                pm.setColor(Color.valueOf("c4622d"));
                pm.fillRectangle(x + 1, row * 8 + 1, 14, 6);
                pm.setColor(Color.valueOf("e8915a"));
                pm.drawLine(x + 1, row * 8 + 1, x + 14, row * 8 + 1);
            }
        }
    }

    private static void block(Pixmap pm, Color face, Color dark, Color light) {
        pm.setColor(dark);
        pm.fill();
        pm.setColor(face);
        pm.fillRectangle(2, 2, SIZE - 4, SIZE - 4);
        pm.setColor(light);
        pm.drawLine(2, 2, SIZE - 3, 2);
        pm.drawLine(2, 2, 2, SIZE - 3);
        pm.setColor(dark);
        for (int[] c : new int[][] {{5, 5}, {SIZE - 7, 5}, {5, SIZE - 7}, {SIZE - 7, SIZE - 7}}) {
            pm.fillRectangle(c[0], c[1], 2, 2);
        }
    }

    private static void question(Pixmap pm) {
        block(pm, GOLD, GOLD_DARK, Color.valueOf("fff3bf"));
        pm.setColor(Color.valueOf("7a4f0d"));
        // A question mark in 3-pixel strokes.
        pm.fillRectangle(11, 8, 10, 3);
        pm.fillRectangle(19, 10, 3, 6);
        pm.fillRectangle(14, 15, 7, 3);
        pm.fillRectangle(14, 17, 3, 4);
        pm.fillRectangle(14, 23, 3, 3);
        pm.fillRectangle(10, 10, 3, 3);
    }

    private static void usedBlock(Pixmap pm) {
        block(pm, Color.valueOf("8d6e4a"), Color.valueOf("4e3a26"), Color.valueOf("b39772"));
    }

    /** The lip spans the whole tile; the body below it is inset on the outer side, as {@link #pipeBody}. */
    private static void pipeTop(Pixmap pm, boolean left) {
        pm.setColor(OUTLINE);
        pm.fillRectangle(0, 2, SIZE, 16);
        pm.fillRectangle(left ? 4 : 0, 18, SIZE - 4, SIZE - 18);
        pm.setColor(PIPE);
        pm.fillRectangle(left ? 2 : 0, 4, SIZE - 2, 12);
        pm.fillRectangle(left ? 6 : 0, 18, SIZE - 6, SIZE - 18);
        shade(pm, left, 4, 16);
        shade(pm, left, 18, SIZE);
    }

    private static void pipeBody(Pixmap pm, boolean left) {
        pm.setColor(OUTLINE);
        pm.fillRectangle(left ? 4 : 0, 0, SIZE - 4, SIZE);
        pm.setColor(PIPE);
        pm.fillRectangle(left ? 6 : 0, 0, SIZE - 6, SIZE);
        shade(pm, left, 0, SIZE);
    }

    private static void shade(Pixmap pm, boolean left, int from, int to) {
        if (left) {
            pm.setColor(PIPE_LIGHT);
            pm.fillRectangle(10, from, 4, to - from);
        } else {
            pm.setColor(PIPE_DARK);
            pm.fillRectangle(SIZE - 12, from, 6, to - from);
        }
    }

    private static void cannonTop(Pixmap pm) {
        pm.setColor(Color.valueOf("2b2d31"));
        pm.fillRectangle(2, 4, SIZE - 4, SIZE - 4);
        pm.fillCircle(SIZE / 2, 10, 10);
        pm.setColor(OUTLINE);
        pm.fillCircle(SIZE / 2, 10, 5);
        pm.setColor(Color.valueOf("6c7079"));
        pm.drawLine(4, 6, 4, SIZE - 1);
        pm.setColor(Color.valueOf("d9dce1"));
        pm.fillRectangle(8, 20, 16, 6);
        pm.setColor(OUTLINE);
        pm.fillRectangle(11, 21, 3, 3);
        pm.fillRectangle(18, 21, 3, 3);
    }

    private static void cannonBody(Pixmap pm) {
        pm.setColor(Color.valueOf("3b3e45"));
        pm.fillRectangle(6, 0, SIZE - 12, SIZE);
        pm.setColor(Color.valueOf("6c7079"));
        pm.drawLine(8, 0, 8, SIZE - 1);
        pm.setColor(OUTLINE);
        pm.fillRectangle(4, SIZE - 6, SIZE - 8, 6);
    }

    private static void coin(Pixmap pm) {
        pm.setColor(GOLD_DARK);
        pm.fillRectangle(9, 5, 14, 22);
        pm.fillCircle(16, 8, 7);
        pm.fillCircle(16, 23, 7);
        pm.setColor(GOLD);
        pm.fillRectangle(11, 6, 10, 20);
        pm.fillCircle(16, 9, 5);
        pm.fillCircle(16, 22, 5);
        pm.setColor(Color.valueOf("fff3bf"));
        pm.fillRectangle(13, 8, 2, 14);
    }

    private static void walker(Pixmap pm) {
        pm.setColor(0, 0, 0, 0.3f);
        pm.fillRectangle(6, 29, 20, 3);
        pm.setColor(Color.valueOf("7b3fa0"));
        pm.fillCircle(16, 15, 12);
        pm.fillRectangle(4, 15, 24, 8);
        pm.setColor(Color.valueOf("c08ae0"));
        pm.fillCircle(11, 10, 3);
        pm.setColor(Color.WHITE);
        pm.fillCircle(11, 16, 4);
        pm.fillCircle(21, 16, 4);
        pm.setColor(OUTLINE);
        pm.fillCircle(10, 17, 2);
        pm.fillCircle(20, 17, 2);
        // Frowning brows.
        pm.drawLine(7, 10, 13, 13);
        pm.drawLine(25, 10, 19, 13);
        pm.setColor(Color.valueOf("3d1f50"));
        pm.fillRectangle(5, 24, 9, 6);
        pm.fillRectangle(18, 24, 9, 6);
    }

    /** The player, facing right; flipped when running left. */
    private static void runner(Pixmap pm) {
        pm.setColor(0, 0, 0, 0.3f);
        pm.fillRectangle(8, 29, 16, 3);
        pm.setColor(Color.valueOf("1c7ed6"));
        pm.fillRectangle(10, 15, 12, 9);
        pm.setColor(Color.valueOf("12416b"));
        pm.fillRectangle(9, 24, 6, 6);
        pm.fillRectangle(18, 24, 6, 6);
        pm.setColor(Color.valueOf("f1c7a1"));
        pm.fillCircle(16, 10, 6);
        pm.fillRectangle(22, 16, 4, 4);
        pm.setColor(Color.valueOf("0ca678"));
        pm.fillRectangle(9, 2, 14, 5);
        pm.fillRectangle(18, 5, 9, 2);
        pm.setColor(OUTLINE);
        pm.fillRectangle(18, 9, 2, 3);
        pm.setColor(Color.valueOf("fab005"));
        pm.fillRectangle(10, 19, 12, 2);
    }

    private static void flag(Pixmap pm) {
        pm.setColor(Color.valueOf("e9e4d8"));
        pm.fillRectangle(2, 0, 3, SIZE);
        pm.setColor(Color.valueOf("e0473a"));
        pm.fillTriangle(5, 3, 5, 19, 28, 11);
        pm.setColor(Color.WHITE);
        pm.fillCircle(12, 11, 3);
    }

    private static void cloud(Pixmap pm) {
        pm.setColor(Color.valueOf("f8f9fa"));
        pm.fillCircle(10, 18, 8);
        pm.fillCircle(18, 13, 10);
        pm.fillCircle(25, 19, 6);
        pm.fillRectangle(6, 19, 22, 7);
        pm.setColor(Color.valueOf("d0ebff"));
        pm.fillRectangle(6, 24, 22, 2);
    }

    private static void hill(Pixmap pm) {
        pm.setColor(Color.valueOf("69b86f"));
        pm.fillCircle(16, 32, 16);
        pm.setColor(Color.valueOf("4f9a57"));
        pm.fillRectangle(10, 20, 2, 4);
        pm.fillRectangle(20, 24, 2, 4);
    }
}
