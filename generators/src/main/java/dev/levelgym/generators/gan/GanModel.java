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
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

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

    /** {@link #save(Path)}, with {@code extra} adding its files to the directory before the rename. */
    public void save(Path dir, ExtraFiles extra) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UserInputException("cannot save the model to " + dir + ": it is a file");
        }
        Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            JSON.writeValue(temp.resolve(MANIFEST_FILE).toFile(), manifest);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(temp.resolve(GENERATOR_FILE))))) {
                generator.saveParameters(out);
            }
            extra.write(temp);
            if (Files.exists(target)) {
                Path old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-");
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                deleteRecursively(old);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            if (Files.exists(temp)) {
                deleteRecursively(temp);
            }
        }
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
        GanManifest m;
        try {
            // The format is checked before the fields: a model from another format may lack this format's fields.
            JsonNode tree = JSON.readTree(manifestFile.toFile());
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
            }
            m = JSON.treeToValue(tree, GanManifest.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new UserInputException("missing GAN model file " + manifestFile, e);
        } catch (JsonProcessingException e) {
            throw new UserInputException("corrupt GAN model file " + manifestFile + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GanWorld world = GanWorld.of(m.world(), manifestFile);
        if (!world.legend().equals(m.legend())) {
            throw new UserInputException(manifestFile + ": legend '" + m.legend()
                    + "' does not match this build's " + world.envId() + " tiles '" + world.legend() + "'");
        }
        if (m.width() < 3 || m.height() < 3 || m.paddedSize() != TileMaps.paddedSize(m.width(), m.height())
                || m.latentSize() < 1 || m.config() == null || m.latentSize() != m.config().latentSize()) {
            throw new UserInputException(manifestFile + ": inconsistent sizes (level " + m.width() + "x"
                    + m.height() + ", padded " + m.paddedSize() + ", latent " + m.latentSize() + ")");
        }
        return m;
    }

    /** Loads a saved model of whichever world its manifest names (see {@link #load(Path, GanWorld)}). */
    public static GanModel load(Path dir) {
        return withWeights(dir, manifest(dir));
    }

    private static GanModel withWeights(Path dir, GanManifest m) {
        Path manifestFile = dir.resolve(MANIFEST_FILE);
        NDManager manager = NDManager.newBaseManager();
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
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw new UserInputException("corrupt GAN model file " + weights + ": " + e.getMessage(), e);
            }
            if (trailing) {
                throw new UserInputException("corrupt GAN model file " + weights
                        + ": trailing bytes after the weights");
            }
            if (!expected.equals(shapes(generator))) {
                throw new UserInputException(weights + " does not match " + manifestFile
                        + ": weight shapes " + shapes(generator) + ", the manifest's sizes need " + expected);
            }
            return new GanModel(manager, generator, m);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static List<Shape> shapes(Block block) {
        List<Shape> shapes = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            shapes.add(p.getValue().getArray().getShape());
        }
        return shapes;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
