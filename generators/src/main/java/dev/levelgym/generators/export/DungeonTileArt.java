package dev.levelgym.generators.export;

import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws one {@value #SIZE}-pixel tile per Dungeon {@link DungeonTile}, procedurally, in a small pixel-art style. Wall,
 * floor and door are opaque; avatar, key and enemies are sprites on a transparent background, meant to sit on
 * the floor of a terrain layer below them. Enemies carry their level digit in a corner so a designer can tell
 * {@code 1 2 3} apart at a glance.
 *
 * <p>Antialiasing is off: the same JDK draws the same pixels every time, so the tileset written next to
 * generated maps is byte-for-byte stable and an existing identical one can be left alone.
 */
final class DungeonTileArt {

    static final int SIZE = 24;

    private static final Color OUTLINE = new Color(0x1b1420);

    private DungeonTileArt() {
    }

    /** The tile's picture, {@value #SIZE}×{@value #SIZE} ARGB. */
    static BufferedImage draw(DungeonTile tile) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        switch (tile) {
            case WALL -> wall(img);
            case FLOOR -> floor(img);
            case DOOR -> door(g);
            case KEY -> key(g);
            case AVATAR -> avatar(g);
            case ENEMY_QUICK -> quickEnemy(g);
            case ENEMY_NORMAL -> normalEnemy(g);
            case ENEMY_SLOW -> slowEnemy(g);
        }
        g.dispose();
        if (tile != DungeonTile.WALL && tile != DungeonTile.FLOOR && tile != DungeonTile.DOOR) {
            outline(img);
        }
        if (tile.isEnemy()) {
            digit(img, tile.symbol() - '0');
        }
        return img;
    }

    /** Stone bricks in staggered courses, lit from the top left. */
    private static void wall(BufferedImage img) {
        int mortar = 0x2a2230;
        int[] stone = {0x6b5d72, 0x756680, 0x615468};
        for (int y = 0; y < SIZE; y++) {
            int course = y / 6;
            int inCourse = y % 6;
            for (int x = 0; x < SIZE; x++) {
                int shifted = x + (course % 2 == 0 ? 0 : 6);
                int inBrick = shifted % 12;
                int rgb;
                if (inCourse == 5 || inBrick == 11) {
                    rgb = mortar;
                } else {
                    rgb = stone[Math.floorMod(course * 3 + shifted / 12, stone.length)];
                    if (inCourse == 0 || inBrick == 0) {
                        rgb = lighter(rgb);
                    } else if (inCourse == 4 || inBrick == 10) {
                        rgb = darker(rgb);
                    } else if (noise(x, y) % 11 == 0) {
                        rgb = darker(rgb);
                    }
                }
                img.setRGB(x, y, 0xff000000 | rgb);
            }
        }
    }

    /** Worn flagstones: four slabs with faint speckles. */
    private static void floor(BufferedImage img) {
        int base = 0xcdbf98;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = base;
                if (x % 12 == 11 || y % 12 == 11) {
                    rgb = 0xa8997a;
                } else if (x % 12 == 0 || y % 12 == 0) {
                    rgb = 0xddd1ad;
                } else {
                    int n = noise(x, y) % 13;
                    if (n == 0) {
                        rgb = 0xb9ab86;
                    } else if (n == 1) {
                        rgb = 0xd8cba6;
                    }
                }
                img.setRGB(x, y, 0xff000000 | rgb);
            }
        }
    }

    /** An arched wooden door with iron bands and a keyhole, in a stone frame. */
    private static void door(Graphics2D g) {
        g.setColor(new Color(0x4a3f52));
        g.fillRect(0, 0, SIZE, SIZE);
        g.setColor(new Color(0x6b5d72));
        g.fillRect(1, 1, SIZE - 2, SIZE - 2);
        g.setColor(OUTLINE);
        g.fillRect(3, 7, 18, 17);
        g.fillOval(3, 2, 18, 12);
        g.setColor(new Color(0x8a5a2b));
        g.fillRect(4, 8, 16, 16);
        g.fillOval(4, 3, 16, 10);
        g.setColor(new Color(0x6e4520));
        for (int x = 8; x < 20; x += 4) {
            g.fillRect(x, 5, 1, 19);
        }
        g.setColor(new Color(0x3c3c46));
        g.fillRect(4, 9, 16, 2);
        g.fillRect(4, 18, 16, 2);
        g.setColor(new Color(0xf2c230));
        g.fillRect(11, 13, 3, 3);
        g.setColor(OUTLINE);
        g.fillRect(12, 14, 1, 3);
    }

    /** A gold key lying diagonally: ring top left, bit bottom right. */
    private static void key(Graphics2D g) {
        Color gold = new Color(0xf2c230);
        Color shade = new Color(0xc08a16);
        g.setColor(shade);
        g.fillOval(3, 3, 10, 10);
        g.setColor(gold);
        g.fillOval(3, 3, 9, 9);
        g.setComposite(java.awt.AlphaComposite.Clear);
        g.fillOval(6, 6, 4, 4);
        g.setComposite(java.awt.AlphaComposite.SrcOver);
        for (int i = 0; i < 10; i++) {
            g.setColor(shade);
            g.fillRect(11 + i, 11 + i, 3, 2);
            g.setColor(gold);
            g.fillRect(11 + i, 11 + i, 2, 1);
        }
        g.setColor(gold);
        g.fillRect(15, 18, 3, 3);
        g.fillRect(18, 15, 3, 3);
        g.setColor(new Color(0xfff3b0));
        g.fillRect(5, 4, 3, 1);
    }

    /** The hero: green hood and tunic, facing right with a short sword. */
    private static void avatar(Graphics2D g) {
        g.setColor(new Color(0xc9ccd6));
        g.fillRect(17, 11, 2, 8);
        g.setColor(new Color(0x7a5230));
        g.fillRect(15, 16, 6, 2);
        g.setColor(new Color(0x2e8b3e));
        g.fillRect(7, 12, 10, 8);
        g.setColor(new Color(0x246c30));
        g.fillRect(7, 17, 10, 1);
        g.setColor(new Color(0x5a3a20));
        g.fillRect(8, 20, 3, 3);
        g.fillRect(13, 20, 3, 3);
        g.setColor(new Color(0xf1c27d));
        g.fillRect(8, 5, 8, 7);
        g.setColor(new Color(0x2e8b3e));
        g.fillRect(7, 2, 10, 4);
        g.fillRect(6, 4, 2, 5);
        g.setColor(new Color(0x1b1420));
        g.fillRect(13, 7, 1, 2);
        g.fillRect(10, 7, 1, 2);
        g.setColor(new Color(0xf1c27d));
        g.fillRect(5, 13, 2, 4);
    }

    /** A red bat: wide wings, small body. */
    private static void quickEnemy(Graphics2D g) {
        Color red = new Color(0xd62828);
        g.setColor(red);
        g.fillOval(8, 8, 8, 9);
        g.fillPolygon(new int[] {9, 1, 3, 6, 9}, new int[] {10, 6, 14, 12, 15}, 5);
        g.fillPolygon(new int[] {15, 23, 21, 18, 15}, new int[] {10, 6, 14, 12, 15}, 5);
        g.setColor(new Color(0x9d1c1c));
        g.fillRect(9, 15, 6, 1);
        g.setColor(Color.WHITE);
        g.fillRect(10, 11, 2, 2);
        g.fillRect(13, 11, 2, 2);
        g.setColor(OUTLINE);
        g.fillRect(11, 12, 1, 1);
        g.fillRect(14, 12, 1, 1);
    }

    /** A purple slime with a glossy top. */
    private static void normalEnemy(Graphics2D g) {
        g.setColor(new Color(0xb5179e));
        g.fillOval(3, 7, 18, 16);
        g.fillRect(3, 16, 18, 5);
        g.setColor(new Color(0x8a1178));
        g.fillRect(4, 19, 16, 2);
        g.setColor(new Color(0xe77fd6));
        g.fillRect(7, 10, 3, 2);
        g.setColor(Color.WHITE);
        g.fillRect(8, 13, 3, 3);
        g.fillRect(14, 13, 3, 3);
        g.setColor(OUTLINE);
        g.fillRect(9, 14, 2, 2);
        g.fillRect(15, 14, 2, 2);
    }

    /** An orange armoured beetle: heavy shell, six short legs. */
    private static void slowEnemy(Graphics2D g) {
        g.setColor(new Color(0x7a3e00));
        for (int y = 9; y <= 17; y += 4) {
            g.fillRect(2, y, 3, 2);
            g.fillRect(19, y, 3, 2);
        }
        g.setColor(new Color(0xf77f00));
        g.fillOval(4, 6, 16, 16);
        g.setColor(new Color(0xb85e00));
        g.fillRect(11, 9, 2, 13);
        g.setColor(new Color(0xffb25c));
        g.fillRect(7, 9, 3, 2);
        g.setColor(new Color(0x5a2e00));
        g.fillRect(7, 3, 10, 5);
        g.setColor(Color.WHITE);
        g.fillRect(8, 4, 2, 2);
        g.fillRect(14, 4, 2, 2);
    }

    /** Rings every opaque sprite pixel's transparent 4-neighbours with the outline colour. */
    private static void outline(BufferedImage img) {
        boolean[] opaque = new boolean[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                opaque[y * SIZE + x] = (img.getRGB(x, y) >>> 24) != 0;
            }
        }
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (opaque[y * SIZE + x]) {
                    continue;
                }
                boolean edge = (x > 0 && opaque[y * SIZE + x - 1]) || (x < SIZE - 1 && opaque[y * SIZE + x + 1])
                        || (y > 0 && opaque[(y - 1) * SIZE + x]) || (y < SIZE - 1 && opaque[(y + 1) * SIZE + x]);
                if (edge) {
                    img.setRGB(x, y, OUTLINE.getRGB());
                }
            }
        }
    }

    /** 3×5 pixel digits 1–3, drawn white on a dark plate in the bottom-right corner. */
    private static void digit(BufferedImage img, int d) {
        String[] glyph = switch (d) {
            case 1 -> new String[] {".#.", "##.", ".#.", ".#.", "###"};
            case 2 -> new String[] {"##.", "..#", ".#.", "#..", "###"};
            case 3 -> new String[] {"##.", "..#", ".#.", "..#", "##."};
            default -> throw new IllegalArgumentException("no glyph for " + d);
        };
        int x0 = SIZE - 5;
        int y0 = SIZE - 7;
        for (int y = -1; y <= 5; y++) {
            for (int x = -1; x <= 3; x++) {
                boolean on = y >= 0 && y < 5 && x >= 0 && x < 3 && glyph[y].charAt(x) == '#';
                img.setRGB(x0 + x, y0 + y, on ? 0xffffffff : OUTLINE.getRGB());
            }
        }
    }

    /** A fixed pseudo-random number per pixel, so texture is the same on every run. */
    private static int noise(int x, int y) {
        int h = x * 374761393 + y * 668265263;
        h = (h ^ (h >>> 13)) * 1274126177;
        return (h ^ (h >>> 16)) & 0x7fffffff;
    }

    private static int lighter(int rgb) {
        return mix(rgb, 0xffffff, 0.18);
    }

    private static int darker(int rgb) {
        return mix(rgb, 0x000000, 0.18);
    }

    private static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int gr = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return r << 16 | gr << 8 | bl;
    }
}
