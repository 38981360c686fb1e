package dev.levelgym.generators.vae;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.io.FileDigests;
import dev.levelgym.generators.gan.Decoding;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.gan.TileMaps;
import dev.levelgym.generators.gan.TrainingMaps;
import dev.levelgym.nn.Libtorch;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A trained VAE: levels in (their latent mean), latent vectors out (level drafts under a {@link Decoding}). Saved as a
 * directory holding {@value #MANIFEST_FILE}, the encoder's then the decoder's weights in one
 * {@value #WEIGHTS_FILE} (DJL's parameter format), and the held-out levels under {@value #HELD_OUT_DIR}/; loading
 * checks the manifest's checksum and the weights' SHA-256 before reading them.
 *
 * <p>Holds native memory: {@link #close()} it. Not thread-safe.
 */
public final class VaeModel implements AutoCloseable {

    public static final String MANIFEST_FILE = "manifest.json";
    public static final String WEIGHTS_FILE = "vae.params";
    public static final String HELD_OUT_DIR = "held-out";

    /** Maps per forward pass, as the GAN samples. */
    static final int CHUNK = 512;
    static final int MAX_MANIFEST_BYTES = 1 << 24;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    /** The canonical form the checksum is taken of: compact JSON, fields in the order written. */
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final String CHECKSUM = "checksum";

    private final NDManager manager;
    private final Block encoder;
    private final Block decoder;
    private final ParameterStore parameterStore;
    private final VaeManifest manifest;
    private final GanWorld world;

    VaeModel(NDManager manager, Block encoder, Block decoder, VaeManifest manifest) {
        this.manager = manager;
        this.encoder = encoder;
        this.decoder = decoder;
        this.parameterStore = new ParameterStore(manager, false);
        this.manifest = manifest;
        this.world = world(manifest.world(), MANIFEST_FILE);
    }

    public VaeManifest manifest() {
        return manifest;
    }

    public GanWorld world() {
        return world;
    }

    public int width() {
        return manifest.width();
    }

    public int height() {
        return manifest.height();
    }

    public int latentSize() {
        return manifest.latentSize();
    }

    /** The prior's latent vector of a seed: independent standard normals from {@link Random}. */
    public float[] latent(long seed) {
        return gaussians(new Random(seed), manifest.latentSize());
    }

    static float[] gaussians(Random random, int n) {
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }

    /**
     * The latent mean the encoder gives each level text (rows of legend characters, exactly the model's width ×
     * height; check that first, the message names the file).
     */
    public List<float[]> encode(List<String> levels) {
        int size = manifest.paddedSize();
        int length = world.channels() * size * size;
        int latent = manifest.latentSize();
        List<float[]> means = new ArrayList<>(levels.size());
        for (int from = 0; from < levels.size(); from += CHUNK) {
            int n = Math.min(CHUNK, levels.size() - from);
            float[] maps = new float[n * length];
            for (int i = 0; i < n; i++) {
                List<String> rows = levels.get(from + i).lines().toList();
                if (rows.size() != height() || rows.stream().anyMatch(r -> r.length() != width())) {
                    throw new IllegalArgumentException("not a " + width() + "x" + height() + " level");
                }
                TrainingMaps.encode(world, rows, size, maps, i * length);
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray stats = encoder.forward(parameterStore,
                        new NDList(scope.create(maps, new Shape(n, world.channels(), size, size))), false)
                        .singletonOrThrow();
                float[] s = stats.toFloatArray();
                for (int i = 0; i < n; i++) {
                    float[] mu = new float[latent];
                    System.arraycopy(s, i * 2 * latent, mu, 0, latent);
                    means.add(mu);
                }
            }
        }
        return means;
    }

    /** The draft (level text, possibly ill-formed or unplayable) of each latent vector under {@code decoding}. */
    public List<String> decode(List<float[]> latents, Decoding decoding) {
        int size = manifest.paddedSize();
        int latentSize = manifest.latentSize();
        int length = world.channels() * size * size;
        List<String> drafts = new ArrayList<>(latents.size());
        for (int from = 0; from < latents.size(); from += CHUNK) {
            int n = Math.min(CHUNK, latents.size() - from);
            float[] z = new float[n * latentSize];
            for (int i = 0; i < n; i++) {
                float[] v = latents.get(from + i);
                if (v.length != latentSize) {
                    throw new IllegalArgumentException("latent vector of length " + v.length + ", the model takes "
                            + latentSize);
                }
                System.arraycopy(v, 0, z, i * latentSize, latentSize);
            }
            try (NDManager scope = manager.newSubManager()) {
                float[] p = decoder.forward(parameterStore, new NDList(scope.create(z, new Shape(n, latentSize))),
                        false).singletonOrThrow().toFloatArray();
                for (int i = 0; i < n; i++) {
                    drafts.add(decoding.decode(p, i * length, size, width(), height(), world.legend(), 0));
                }
            }
        }
        return drafts;
    }

    /** Writes extra files (the held-out levels) into the model directory before it is published. */
    @FunctionalInterface
    public interface ExtraFiles {
        void write(Path dir) throws IOException;
    }

    /**
     * Writes the model to {@code dir} atomically (a temporary directory renamed into place, see
     * {@link AtomicFiles#writeDirectory}), {@code extra}'s files included; the manifest, written last, records the
     * length and SHA-256 of {@value #WEIGHTS_FILE} and its own checksum.
     */
    public void save(Path dir, ExtraFiles extra) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException("cannot save the model to " + dir + ": it is a file");
        }
        AtomicFiles.writeDirectory(dir, temp -> {
            Path weights = temp.resolve(WEIGHTS_FILE);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(weights)))) {
                encoder.saveParameters(out);
                decoder.saveParameters(out);
            } catch (IOException e) {
                throw new IOException("cannot write " + dir.resolve(WEIGHTS_FILE) + ": " + e.getMessage(), e);
            }
            extra.write(temp);
            SortedMap<String, FileDigests.Digest> digests = new TreeMap<>();
            digests.put(WEIGHTS_FILE, FileDigests.of(weights));
            ObjectNode tree = (ObjectNode) JSON.readTree(JSON.writeValueAsBytes(manifest.withFiles(digests)));
            tree.put(CHECKSUM, FileDigests.sha256(COMPACT.writeValueAsBytes(tree)));
            JSON.writeValue(temp.resolve(MANIFEST_FILE).toFile(), tree);
        });
    }

    /**
     * Reads and checks a model directory's manifest (its checksum, format, legend and sizes), not the weights.
     *
     * @throws UserInputException naming the file
     */
    public static VaeManifest manifest(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("no VAE model at " + dir + ": not a directory");
        }
        Path file = dir.resolve(MANIFEST_FILE);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing VAE model file " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new UserInputException("corrupt VAE model file " + file + ": larger than " + MAX_MANIFEST_BYTES
                    + " bytes, far more than a manifest holds");
        }
        VaeManifest m;
        try {
            JsonNode tree = JSON.readTree(bytes);
            if (tree == null || !tree.isObject() || !VaeManifest.KIND.equals(tree.path("kind").asText(null))) {
                throw new UserInputException(file + ": not a VAE model (kind "
                        + (tree == null ? null : tree.path("kind").asText(null)) + "); a GAN is used as gan:DIR");
            }
            ObjectNode object = ((ObjectNode) tree).deepCopy();
            JsonNode checksum = object.remove(CHECKSUM);
            if (checksum == null || !checksum.isTextual()
                    || !checksum.asText().equalsIgnoreCase(FileDigests.sha256(COMPACT.writeValueAsBytes(object)))) {
                throw new UserInputException("corrupt VAE model file " + file + ": its checksum does not match its "
                        + "content (it was changed or damaged after it was saved)");
            }
            if (tree.path("format").asInt(-1) != VaeManifest.FORMAT) {
                throw new UserInputException(file + ": a VAE model of format " + tree.path("format").asText()
                        + ", this build reads format " + VaeManifest.FORMAT + "; train it again with this build");
            }
            if (tree.path("config") instanceof ObjectNode config) {
                // Written before these were configurable: a 4x4 grid, every cell weighing 1.
                config.putIfAbsent("grid", IntNode.valueOf(4));
                config.putIfAbsent("rareWeight", DoubleNode.valueOf(1));
            }
            m = JSON.treeToValue(tree, VaeManifest.class);
        } catch (JsonProcessingException e) {
            throw new UserInputException("corrupt VAE model file " + file + ": "
                    + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("malformed"), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GanWorld world = world(m.world(), file);
        if (!world.legend().equals(m.legend())) {
            throw new UserInputException(file + ": legend '" + m.legend() + "' does not match this build's "
                    + world.envId() + " tiles '" + world.legend() + "'");
        }
        try {
            LevelLimits.requireCells(file + ": the model's level", m.width(), m.height());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        if (m.config() == null || m.files() == null || m.width() < 3 || m.height() < 3
                || m.paddedSize() != TileMaps.paddedSize(m.width(), m.height())
                || m.latentSize() != m.config().latentSize()) {
            throw new UserInputException(file + ": inconsistent sizes (level " + m.width() + "x" + m.height()
                    + ", padded " + m.paddedSize() + ", latent " + m.latentSize() + ") or no config or file digests");
        }
        try {
            VaeNetworks.requireMemory(CHUNK, m.paddedSize(), world.channels(), m.config());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage(), e);
        }
        return m;
    }

    /**
     * Loads a saved model, of whichever world its manifest names.
     *
     * @throws UserInputException naming the file when the directory, its manifest or its weights are missing,
     *                            changed since they were saved, or do not fit this build or each other
     */
    public static VaeModel load(Path dir) {
        VaeManifest m = manifest(dir);
        Path manifestFile = dir.resolve(MANIFEST_FILE);
        FileDigests.problem(dir, m.files(), manifestFile).ifPresent(problem -> {
            throw new UserInputException("corrupt VAE model: " + problem);
        });
        GanWorld world = world(m.world(), manifestFile);
        NDManager manager = Libtorch.newManager();
        try {
            Block encoder = VaeNetworks.encoder(m.paddedSize(), m.config());
            Block decoder = VaeNetworks.decoder(m.paddedSize(), world.channels(), m.config());
            encoder.initialize(manager, DataType.FLOAT32, new Shape(1, world.channels(), m.paddedSize(),
                    m.paddedSize()));
            decoder.initialize(manager, DataType.FLOAT32, new Shape(1, m.latentSize()));
            List<Shape> expected = shapes(encoder, decoder);
            Path weights = dir.resolve(WEIGHTS_FILE);
            boolean trailing;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
                encoder.loadParameters(manager, in);
                decoder.loadParameters(manager, in);
                trailing = in.read() != -1;
            } catch (NoSuchFileException e) {
                throw new UserInputException("missing VAE model file " + weights, e);
            } catch (EOFException e) {
                throw new UserInputException("corrupt VAE model file " + weights + ": it ends before the weights do",
                        e);
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw new UserInputException("corrupt VAE model file " + weights + ": "
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
            }
            if (trailing) {
                throw new UserInputException("corrupt VAE model file " + weights + ": trailing bytes after the "
                        + "weights");
            }
            if (!expected.equals(shapes(encoder, decoder))) {
                throw new UserInputException(weights + " does not match " + manifestFile + ": weight shapes "
                        + shapes(encoder, decoder) + ", the manifest's sizes need " + expected);
            }
            return new VaeModel(manager, encoder, decoder, m.withFiles(null));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The world a manifest names, refusing an unknown one. */
    static GanWorld world(String envId, Object source) {
        for (GanWorld w : GanWorld.values()) {
            if (w.names(envId)) {
                return w;
            }
        }
        throw new UserInputException(source + ": a VAE for an unknown world '" + envId + "'");
    }

    private static List<Shape> shapes(Block... blocks) {
        List<Shape> shapes = new ArrayList<>();
        for (Block block : blocks) {
            for (Pair<String, Parameter> p : block.getParameters()) {
                shapes.add(p.getValue().getArray().getShape());
            }
        }
        return shapes;
    }

    @Override
    public void close() {
        manager.close();
    }
}
