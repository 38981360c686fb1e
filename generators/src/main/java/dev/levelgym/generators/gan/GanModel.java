package dev.levelgym.generators.gan;

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
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.io.FileDigests;
import dev.levelgym.nn.Libtorch;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
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
 * A trained GAN generator: latent vectors in, level drafts out (argmax of the unpadded region), in batches. Saved
 * as a directory holding {@code manifest.json} and the generator's weights in DJL's parameter format.
 *
 * <p>Holds native memory: {@link #close()} it. Not thread-safe.
 */
public final class GanModel implements AutoCloseable {

    public static final String MANIFEST_FILE = "manifest.json";
    public static final String GENERATOR_FILE = "generator.params";

    /** Latents per forward pass: large enough to amortise DJL's per-op overhead, small enough for the cache. */
    static final int SAMPLE_CHUNK = 512;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    /** The canonical form the manifest's checksum is taken of: compact JSON, fields in the order written. */
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final String CHECKSUM = "checksum";
    /** A manifest is a few kilobytes; one larger than this is not read into memory. */
    static final int MAX_MANIFEST_BYTES = 1 << 24;
    /** Latent vector length, at most: MarioGAN's is 32. */
    public static final int MAX_LATENT_SIZE = GanConfig.MAX_LATENT_SIZE;

    private final NDManager manager;
    private final Block generator;
    private final ParameterStore parameterStore;
    private final GanManifest manifest;

    GanModel(NDManager manager, Block generator, GanManifest manifest) {
        this.manager = manager;
        this.generator = generator;
        this.parameterStore = new ParameterStore(manager, false);
        this.manifest = manifest;
    }

    public GanManifest manifest() {
        return manifest;
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

    /** The world whose levels the model makes. */
    public GanWorld world() {
        return GanWorld.of(manifest.world(), MANIFEST_FILE);
    }

    /** The latent vector of a seed: independent standard normals from {@link Random}, whose algorithm is fixed. */
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

    /** The raw argmax draft (level text, possibly unplayable or ill-formed) of each latent vector. */
    public List<String> sample(List<float[]> latents) {
        return sample(latents, Decoding.ARGMAX);
    }

    /** The draft of each latent vector under {@code decoding}. */
    public List<String> sample(List<float[]> latents, Decoding decoding) {
        return sample(generator, parameterStore, manager, latents, manifest.latentSize(), manifest.paddedSize(),
                manifest.width(), manifest.height(), world().legend(), decoding);
    }

    static List<String> sample(Block generator, ParameterStore ps, NDManager manager, List<float[]> latents,
                               int latentSize, int size, int width, int height, String legend,
                               Decoding decoding) {
        List<String> drafts = new ArrayList<>(latents.size());
        for (int from = 0; from < latents.size(); from += SAMPLE_CHUNK) {
            int n = Math.min(SAMPLE_CHUNK, latents.size() - from);
            float[] z = new float[n * latentSize];
            for (int i = 0; i < n; i++) {
                float[] v = latents.get(from + i);
                if (v.length != latentSize) {
                    throw new UserInputException("latent vector of length " + v.length + ", the model takes "
                            + latentSize);
                }
                System.arraycopy(v, 0, z, i * latentSize, latentSize);
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray maps = generator.forward(ps, new NDList(scope.create(z, new Shape(n, latentSize))), false)
                        .singletonOrThrow();
                float[] p = maps.toFloatArray();
                int length = legend.length() * size * size;
                for (int i = 0; i < n; i++) {
                    drafts.add(decoding.decode(p, i * length, size, width, height, legend,
                            Decoding.seedOf(latents.get(from + i))));
                }
            }
        }
        return drafts;
    }

    /**
     * Writes the model to {@code dir} atomically: into a temporary directory beside it, then renamed into place
     * (an existing directory is first renamed aside and deleted after), so {@code dir} never holds half a model.
     */
    public void save(Path dir) throws IOException {
        save(dir, temp -> {
        });
    }

    /** Writes extra files (e.g. sample pictures) into the model directory before it is published. */
    @FunctionalInterface
    public interface ExtraFiles {
        void write(Path dir) throws IOException;
    }

    /**
     * {@link #save(Path)}, with {@code extra} adding its files to the directory before the rename. The manifest,
     * written last, records the length and SHA-256 of {@value #GENERATOR_FILE} and its own checksum.
     *
     * @throws IOException naming the file that could not be written
     */
    public void save(Path dir, ExtraFiles extra) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException("cannot save the model to " + dir + ": it is a file");
        }
        AtomicFiles.writeDirectory(dir, temp -> {
            Path weights = temp.resolve(GENERATOR_FILE);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(weights)))) {
                generator.saveParameters(out);
            } catch (IOException e) {
                throw new IOException("cannot write " + dir.resolve(GENERATOR_FILE) + ": " + e.getMessage(), e);
            }
            extra.write(temp);
            SortedMap<String, FileDigests.Digest> digests = new TreeMap<>();
            digests.put(GENERATOR_FILE, FileDigests.of(weights));
            ObjectNode tree = (ObjectNode) JSON.readTree(JSON.writeValueAsBytes(manifest.withFiles(digests)));
            tree.put(CHECKSUM, FileDigests.sha256(COMPACT.writeValueAsBytes(tree)));
            try {
                JSON.writeValue(temp.resolve(MANIFEST_FILE).toFile(), tree);
            } catch (IOException e) {
                throw new IOException("cannot write " + dir.resolve(MANIFEST_FILE) + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Loads a saved model of {@code world}.
     *
     * @throws IllegalArgumentException naming the file when the directory, its manifest or its weights are
     *                                  missing, corrupt, made for another world, or do not fit this build (another
     *                                  legend or format) or each other
     */
    public static GanModel load(Path dir, GanWorld world) {
        GanManifest m = manifest(dir);
        GanWorld actual = GanWorld.of(m.world(), dir.resolve(MANIFEST_FILE));
        if (actual != world) {
            // The env id as the manifest writes it: a platformer model trained before v1 says Platformer-v0.
            throw new UserInputException(dir.resolve(MANIFEST_FILE) + ": a GAN for "
                    + (m.world() == null ? actual.envId() : m.world()) + " levels, not " + world.envId() + " ones");
        }
        return withWeights(dir, m);
    }

    /** Reads and checks a model directory's manifest only (e.g. to see which world the model is for). */
    public static GanManifest manifest(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("no GAN model at " + dir + ": not a directory");
        }
        Path manifestFile = dir.resolve(MANIFEST_FILE);
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(manifestFile)) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing GAN model file " + manifestFile, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifestFile + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new UserInputException("corrupt GAN model file " + manifestFile + ": larger than "
                    + MAX_MANIFEST_BYTES + " bytes, far more than a manifest holds");
        }
        return parseManifest(bytes, manifestFile);
    }

    /**
     * A model manifest's text as read from {@code manifestFile}, checked as {@link #manifest(Path)} checks it.
     *
     * @throws UserInputException naming the file if it is corrupt, of another format or inconsistent
     */
    public static GanManifest parseManifest(byte[] json, Path manifestFile) {
        GanManifest m;
        try {
            // The format is checked before the fields: a model from another format may lack this format's fields.
            JsonNode tree = JSON.readTree(json);
            requireChecksum(tree, manifestFile);
            if (tree == null || !tree.isObject() || tree.path("format").asInt(-1) != GanManifest.FORMAT
                    || !GanManifest.KIND.equals(tree.path("kind").asText(null))) {
                throw new UserInputException(manifestFile + ": not a GAN model of format " + GanManifest.FORMAT
                        + " (kind " + (tree == null ? null : tree.path("kind").asText(null)) + ", format "
                        + (tree == null ? null : tree.path("format").asText(null))
                        + "); models of another format must be trained again with this build");
            }
            if (tree.path("config").isObject()) {
                // Fields added to format 2 later, as the models written before them were trained: the critic saw
                // the soft output (0) and learnt at the generator's rate, and both networks had the Dungeon widths.
                ObjectNode config = (ObjectNode) tree.get("config");
                if (!config.has("gumbelTemperature")) {
                    config.put("gumbelTemperature", 0.0);
                }
                if (!config.has("criticLearningRate") && config.has("learningRate")) {
                    config.set("criticLearningRate", config.get("learningRate"));
                }
                if (!config.has("generatorChannels")) {
                    config.put("generatorChannels", GanConfig.DEFAULT_GENERATOR_CHANNELS);
                }
                if (!config.has("criticChannels")) {
                    config.put("criticChannels", GanConfig.DEFAULT_CRITIC_CHANNELS);
                }
                if (!config.has("diversity")) {
                    config.put("diversity", 0.0);
                }
            }
            m = JSON.treeToValue(tree, GanManifest.class);
        } catch (JsonProcessingException e) {
            throw new UserInputException("corrupt GAN model file " + manifestFile + ": "
                    + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("malformed"), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GanWorld world = GanWorld.of(m.world(), manifestFile);
        if (!world.legend().equals(m.legend())) {
            throw new UserInputException(manifestFile + ": legend '" + m.legend()
                    + "' does not match this build's " + world.envId() + " tiles '" + world.legend() + "'");
        }
        try {
            LevelLimits.requireCells(manifestFile + ": the model's level", m.width(), m.height());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        if (m.width() < 3 || m.height() < 3 || m.paddedSize() != TileMaps.paddedSize(m.width(), m.height())
                || m.latentSize() < 1 || m.config() == null || m.latentSize() != m.config().latentSize()) {
            throw new UserInputException(manifestFile + ": inconsistent sizes (level " + m.width() + "x"
                    + m.height() + ", padded " + m.paddedSize() + ", latent " + m.latentSize() + ")");
        }
        try {
            GanNetworks.requireMemory(SAMPLE_CHUNK, m.paddedSize(), world.channels(), m.config());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(manifestFile + ": " + e.getMessage(), e);
        }
        return m;
    }

    /**
     * Checks the manifest's own checksum (see {@link #save(Path, ExtraFiles)}); a manifest with neither checksum
     * nor file digests is one saved before levelgym recorded them, and passes.
     */
    private static void requireChecksum(JsonNode tree, Path manifestFile) throws JsonProcessingException {
        if (tree == null || !tree.isObject()) {
            return; // refused below as not a GAN model
        }
        ObjectNode object = ((ObjectNode) tree).deepCopy();
        JsonNode checksum = object.remove(CHECKSUM);
        if (checksum == null && !object.has("files")) {
            return;
        }
        String actual = FileDigests.sha256(COMPACT.writeValueAsBytes(object));
        if (checksum == null || !checksum.isTextual() || !checksum.asText().equalsIgnoreCase(actual)) {
            throw new UserInputException("corrupt GAN model file " + manifestFile + ": its checksum does not match "
                    + "its content (it was changed or damaged after it was saved)");
        }
    }

    /** Loads a saved model of whichever world its manifest names (see {@link #load(Path, GanWorld)}). */
    public static GanModel load(Path dir) {
        return withWeights(dir, manifest(dir));
    }

    private static GanModel withWeights(Path dir, GanManifest m) {
        Path manifestFile = dir.resolve(MANIFEST_FILE);
        if (m.files() != null) {
            FileDigests.problem(dir, m.files(), manifestFile).ifPresent(problem -> {
                throw new UserInputException("corrupt GAN model: " + problem);
            });
        }
        NDManager manager = Libtorch.newManager();
        try {
            Block generator = GanNetworks.generator(m.paddedSize(), m.legend().length(),
                    m.config().generatorChannels());
            generator.initialize(manager, DataType.FLOAT32, new Shape(1, m.latentSize()));
            List<Shape> expected = shapes(generator);
            Path weights = dir.resolve(GENERATOR_FILE);
            boolean trailing;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
                generator.loadParameters(manager, in);
                trailing = in.read() != -1;
            } catch (NoSuchFileException e) {
                throw new UserInputException("missing GAN model file " + weights, e);
            } catch (EOFException e) {
                throw new UserInputException("corrupt GAN model file " + weights + ": it ends before the weights "
                        + "do (truncated: " + size(weights) + " bytes)", e);
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw new UserInputException("corrupt GAN model file " + weights + ": "
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
            }
            if (trailing) {
                throw new UserInputException("corrupt GAN model file " + weights
                        + ": trailing bytes after the weights");
            }
            if (!expected.equals(shapes(generator))) {
                throw new UserInputException(weights + " does not match " + manifestFile
                        + ": weight shapes " + shapes(generator) + ", the manifest's sizes need " + expected);
            }
            return new GanModel(manager, generator, m.withFiles(null)); // digests describe the files, not the model
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static String size(Path file) {
        try {
            return Long.toString(Files.size(file));
        } catch (IOException e) {
            return "?";
        }
    }

    private static List<Shape> shapes(Block block) {
        List<Shape> shapes = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            shapes.add(p.getValue().getArray().getShape());
        }
        return shapes;
    }

    @Override
    public void close() {
        manager.close();
    }
}
