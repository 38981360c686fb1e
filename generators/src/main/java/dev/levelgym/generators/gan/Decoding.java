package dev.levelgym.generators.gan;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.util.SplittableRandom;

/** How the generator's per-cell tile probabilities become a map of tiles. */
public enum Decoding {
    /** Every cell takes its most probable tile (MarioGAN's decoding). Avatar, key and door counts are free. */
    ARGMAX,
    /**
     * The legend's unique pieces (avatar, key, door: exactly one each in every corpus level) each go to the one
     * cell inside the border (where every corpus level has them: its border is wall) whose probability for that
     * piece is highest, the most confident piece first and on distinct cells; every
     * other cell takes its most probable non-piece tile. Argmax under the constraint that a level is well formed,
     * so it differs from {@link #ARGMAX} only where the argmax map has no or several of a piece.
     */
    ONE_EACH,
    /**
     * Every cell draws its tile from the generator's probabilities for that cell (a categorical draw, as a
     * language model samples its next token, e.g. MarioGPT), cells in row order, from a {@link SplittableRandom}
     * seeded with the latent vector's bits: the same latent always gives the same map. Where the generator is sure
     * this is argmax; where it hesitates (a rare tile at 20 % beside sky at 80 %) the rare tile appears at that rate
     * instead of never, which is what a pattern-frequency measure such as the tile-pattern KL rewards. It looks at
     * nothing but the generator's output.
     */
    SAMPLED;

    private static final int[] PIECES = {DungeonTile.AVATAR.ordinal(), DungeonTile.KEY.ordinal(), DungeonTile.DOOR.ordinal()};

    /**
     * DungeonLevel text of one sample: {@code p} holds channels × size × size probabilities from {@code offset}, one
     * channel per {@code legend} character; the level is the top-left width × height. {@link #ONE_EACH} is for
     * Dungeon-v0's legend only; {@link #SAMPLED} draws with {@code seed}, which the others ignore.
     */
    public String decode(float[] p, int offset, int size, int width, int height, String legend, long seed) {
        if (this == ONE_EACH && !legend.equals(TileMaps.LEGEND)) {
            throw new UserInputException("one-each decoding places Dungeon-v0 pieces; the model's legend is '"
                    + legend + "'");
        }
        int plane = size * size;
        if (this == SAMPLED) {
            return sampled(p, offset, size, width, height, legend, new SplittableRandom(seed));
        }
        char[] tiles = new char[width * height];
        boolean[] taken = new boolean[width * height];
        if (this == ONE_EACH) {
            boolean[] placed = new boolean[PIECES.length];
            for (int round = 0; round < PIECES.length; round++) {
                int bestPiece = -1;
                int bestCell = -1;
                float best = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < PIECES.length; k++) {
                    if (placed[k]) {
                        continue;
                    }
                    for (int c = 0; c < tiles.length; c++) {
                        if (border(c, width, height)) {
                            continue;
                        }
                        float v = p[offset + PIECES[k] * plane + (c / width) * size + c % width];
                        if (!taken[c] && v > best) {
                            best = v;
                            bestPiece = k;
                            bestCell = c;
                        }
                    }
                }
                placed[bestPiece] = true;
                taken[bestCell] = true;
                tiles[bestCell] = TileMaps.LEGEND.charAt(PIECES[bestPiece]);
            }
        }
        for (int c = 0; c < tiles.length; c++) {
            if (taken[c]) {
                continue;
            }
            int at = offset + (c / width) * size + c % width;
            int best = -1;
            for (int ch = 0; ch < legend.length(); ch++) {
                if (this == ONE_EACH && isPiece(ch)) {
                    continue;
                }
                if (best < 0 || p[at + ch * plane] > p[at + best * plane]) {
                    best = ch;
                }
            }
            tiles[c] = legend.charAt(best);
        }
        StringBuilder sb = new StringBuilder((width + 1) * height);
        for (int y = 0; y < height; y++) {
            sb.append(tiles, y * width, width).append('\n');
        }
        return sb.toString();
    }

    private static String sampled(float[] p, int offset, int size, int width, int height, String legend,
                                  SplittableRandom random) {
        int plane = size * size;
        StringBuilder sb = new StringBuilder((width + 1) * height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = offset + y * size + x;
                double total = 0;
                for (int ch = 0; ch < legend.length(); ch++) {
                    total += p[at + ch * plane];
                }
                // The softmax sums to 1 up to rounding; drawing against its actual sum keeps the last tile from
                // taking the rounding error.
                double u = random.nextDouble() * total;
                int tile = legend.length() - 1;
                for (int ch = 0; ch < legend.length(); ch++) {
                    u -= p[at + ch * plane];
                    if (u < 0) {
                        tile = ch;
                        break;
                    }
                }
                sb.append(legend.charAt(tile));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The seed {@link #SAMPLED} draws a latent vector's map with: a hash of its bits. */
    static long seedOf(float[] latent) {
        long h = 0x9E3779B97F4A7C15L;
        for (float v : latent) {
            h = (h ^ Float.floatToIntBits(v)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }

    private static boolean border(int cell, int width, int height) {
        int x = cell % width;
        int y = cell / width;
        return x == 0 || y == 0 || x == width - 1 || y == height - 1;
    }

    private static boolean isPiece(int channel) {
        for (int piece : PIECES) {
            if (piece == channel) {
                return true;
            }
        }
        return false;
    }
}
