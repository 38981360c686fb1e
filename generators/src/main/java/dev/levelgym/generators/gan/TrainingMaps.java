package dev.levelgym.generators.gan;

import dev.levelgym.envs.UserInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a {@link GanTrainer} trains on: {@code count} one-hot maps of one world, each {@code channels × size × size}
 * (row-major, the level of {@code width × height} in the top-left corner, the padding one-hot in the world's padding
 * tile), plus what the manifest records about where they came from.
 */
public final class TrainingMaps {

    private final GanWorld world;
    private final int width;
    private final int height;
    private final int size;
    private final int count;
    private final float[] maps;
    private final String sourceHash;
    private final int sourceLevels;

    /**
     * @param maps         the encoded maps, {@code count × channels × size × size}; not copied (they are large)
     * @param sourceHash   identifies the source levels (see {@link #hash(List)})
     * @param sourceLevels how many source levels the maps were made of (before mirroring or windowing)
     */
    TrainingMaps(GanWorld world, int width, int height, float[] maps, String sourceHash, int sourceLevels) {
        this.world = world;
        this.width = width;
        this.height = height;
        this.size = TileMaps.paddedSize(width, height);
        int length = world.channels() * size * size;
        if (maps.length == 0 || maps.length % length != 0) {
            throw new UserInputException("training maps of " + maps.length + " floats are not a whole number"
                    + " of " + world.channels() + "x" + size + "x" + size + " maps");
        }
        this.count = maps.length / length;
        this.maps = maps;
        this.sourceHash = sourceHash;
        this.sourceLevels = sourceLevels;
    }

    public GanWorld world() {
        return world;
    }

    /** Width of the levels (or windows) the maps hold. */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Side of the square maps: the smallest power of two holding both sides. */
    public int size() {
        return size;
    }

    /** Number of maps. */
    public int count() {
        return count;
    }

    /** Floats per map. */
    public int mapLength() {
        return world.channels() * size * size;
    }

    /** The encoded maps themselves, not a copy: read them, do not change them. */
    public float[] maps() {
        return maps;
    }

    public String sourceHash() {
        return sourceHash;
    }

    public int sourceLevels() {
        return sourceLevels;
    }

    /** Writes the one-hot map of {@code rows} (level text rows of legend characters) at {@code offset} of out. */
    public static void encode(GanWorld world, List<String> rows, int size, float[] out, int offset) {
        int plane = size * size;
        String legend = world.legend();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int channel = y < rows.size() && x < rows.get(y).length()
                        ? legend.indexOf(rows.get(y).charAt(x)) : world.paddingChannel();
                out[offset + channel * plane + y * size + x] = 1f;
            }
        }
    }

    /** SHA-256 (hex) over level texts in order, each followed by a zero byte. */
    static String hash(List<String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String t : texts) {
                sha.update(t.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
