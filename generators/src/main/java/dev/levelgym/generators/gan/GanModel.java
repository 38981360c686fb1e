package dev.levelgym.generators.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.generators.model.Latents;
import dev.levelgym.generators.model.ModelDirectory;
import dev.levelgym.nn.Libtorch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A trained GAN generator: latent vectors in, level drafts out (argmax of the unpadded region), in batches. Saved
 * as a directory holding {@code manifest.json} and the generator's weights in DJL's parameter format.
 *
 * <p>Holds native memory: {@link #close()} it. Not thread-safe.
 */
public final class GanModel implements AutoCloseable {

    public static final String MANIFEST_FILE = ModelDirectory.MANIFEST_FILE;
    public static final String GENERATOR_FILE = "generator.params";
    private static final ModelDirectory DIRECTORY = new ModelDirectory("GAN", GENERATOR_FILE);

    /** Latents per forward pass: large enough to amortise DJL's per-op overhead, small enough for the cache. */
    static final int SAMPLE_CHUNK = 512;

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
        return Latents.gaussians(new Random(seed), manifest.latentSize());
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

    /**
     * The drafts of {@code latents} through {@code generator} (a GAN's generator, a VAE's decoder: latent vectors in,
     * one channel of size × size tile probabilities per {@code legend} character out), decoded by {@code decoding}
     * ({@link Decoding#SAMPLED} with each latent's own seed), in forward passes of {@value #SAMPLE_CHUNK}.
     *
     * @throws UserInputException for a latent vector of another length than {@code latentSize}
     */
    public static List<String> sample(Block generator, ParameterStore ps, NDManager manager, List<float[]> latents,
                                      int latentSize, int size, int width, int height, String legend,
                                      Decoding decoding) {
        return sample(generator, ps, manager, latents, latentSize, size, width, height, legend, decoding, null);
    }

    /**
     * {@link #sample(Block, ParameterStore, NDManager, List, int, int, int, int, String, Decoding)} with each tile's
     * probabilities multiplied by its weight in {@code tileWeights} (one per {@code legend} character; null: all 1)
     * before decoding: the decision that costs least when drawing another tile where tile t belongs costs
     * {@code tileWeights[t]}.
     */
    public static List<String> sample(Block generator, ParameterStore ps, NDManager manager, List<float[]> latents,
                                      int latentSize, int size, int width, int height, String legend,
                                      Decoding decoding, float[] tileWeights) {
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
                if (tileWeights != null) {
                    int plane = size * size;
                    for (int i = 0; i < p.length; i++) {
                        p[i] *= tileWeights[(i % length) / plane];
                    }
                }
                for (int i = 0; i < n; i++) {
                    drafts.add(decoding.decode(p, i * length, size, width, height, legend,
                            Decoding.seedOf(latents.get(from + i))));
                }
            }
        }
        return drafts;
    }

    /**
     * Writes the model to {@code dir} atomically (see {@link ModelDirectory#save}): {@value #GENERATOR_FILE} and
     * the manifest, which records its length and SHA-256 and its own checksum.
     */
    public void save(Path dir) throws IOException {
        save(dir, temp -> {
        });
    }

    /**
     * {@link #save(Path)}, with {@code extra} adding its files to the directory before the rename.
     *
     * @throws IOException naming the file that could not be written
     */
    public void save(Path dir, ModelDirectory.ExtraFiles extra) throws IOException {
        DIRECTORY.save(dir, List.of(generator), extra, manifest::withFiles);
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
        return parseManifest(DIRECTORY.readManifest(dir), dir.resolve(MANIFEST_FILE));
    }

    /**
     * A model manifest's text as read from {@code manifestFile}, checked as {@link #manifest(Path)} checks it.
     *
     * @throws UserInputException naming the file if it is corrupt, of another format or inconsistent
     */
    public static GanManifest parseManifest(byte[] json, Path manifestFile) {
        GanManifest m = DIRECTORY.parse(json, manifestFile, GanManifest.class, tree -> {
            // The format is checked before the fields: a model from another format may lack this format's fields.
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
        });
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
     * Checks the manifest's own checksum (see {@link ModelDirectory}); a manifest with neither checksum nor file
     * digests is one saved before levelgym recorded them, and passes.
     */
    private static void requireChecksum(JsonNode tree, Path manifestFile) throws JsonProcessingException {
        if (tree == null || !tree.isObject()) {
            return; // refused below as not a GAN model
        }
        if (tree.has(ModelDirectory.CHECKSUM) || tree.has("files")) {
            DIRECTORY.requireChecksum((ObjectNode) tree, manifestFile);
        }
    }

    /** Loads a saved model of whichever world its manifest names (see {@link #load(Path, GanWorld)}). */
    public static GanModel load(Path dir) {
        return withWeights(dir, manifest(dir));
    }

    private static GanModel withWeights(Path dir, GanManifest m) {
        if (m.files() != null) {
            DIRECTORY.requireFiles(dir, m.files());
        }
        NDManager manager = Libtorch.newManager();
        try {
            Block generator = GanNetworks.generator(m.paddedSize(), m.legend().length(),
                    m.config().generatorChannels());
            generator.initialize(manager, DataType.FLOAT32, new Shape(1, m.latentSize()));
            DIRECTORY.loadWeights(dir, manager, generator);
            return new GanModel(manager, generator, m.withFiles(null)); // digests describe the files, not the model
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
