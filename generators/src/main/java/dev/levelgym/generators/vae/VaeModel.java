package dev.levelgym.generators.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.generators.gan.Decoding;
import dev.levelgym.generators.gan.GanModel;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.gan.TileMaps;
import dev.levelgym.generators.gan.TrainingMaps;
import dev.levelgym.generators.model.Latents;
import dev.levelgym.generators.model.ModelDirectory;
import dev.levelgym.nn.Autograd;
import dev.levelgym.nn.Gradients;
import dev.levelgym.nn.Libtorch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A trained VAE: levels in (their latent mean), latent vectors out (level drafts under a {@link Decoding}). Saved as a
 * directory holding {@value #MANIFEST_FILE}, the encoder's then the decoder's weights in one
 * {@value #WEIGHTS_FILE} (DJL's parameter format), and the held-out levels under {@value #HELD_OUT_DIR}/; loading
 * checks the manifest's checksum and the weights' SHA-256 before reading them.
 *
 * <p>Holds native memory: {@link #close()} it. Not thread-safe.
 */
public final class VaeModel implements AutoCloseable {

    public static final String MANIFEST_FILE = ModelDirectory.MANIFEST_FILE;
    public static final String WEIGHTS_FILE = "vae.params";
    private static final ModelDirectory DIRECTORY = new ModelDirectory("VAE", WEIGHTS_FILE);
    public static final String HELD_OUT_DIR = "held-out";

    /** Maps per forward pass, as the GAN samples. */
    static final int CHUNK = 512;
    /** Refinement steps a caller may ask for (each a decoder forward and backward pass per level). */
    public static final int MAX_REFINE_STEPS = 10_000;
    /**
     * Refinement steps a level file is taken in with unless told otherwise ({@code generate --like/--between},
     * {@code vae evaluate}, the studio's variations): over the Dungeon corpus held out fold by fold, 30 steps bring
     * 37–39 of 41 levels back within 10% of their cells (2.3–2.8% wrong on average, against 7.2% from the encoder's
     * mean in seed 0) and, with the wall margin, the samples around them are 92–94% playable (docs/vae.md, seventh
     * round).
     */
    public static final int DEFAULT_REFINE_STEPS = 30;
    /** Adam's rate for refining a latent (see {@link #encode(List, int)}): latents here are of order 1. */
    static final float REFINE_RATE = 0.05f;

    private final NDManager manager;
    private final Block encoder;
    private final Block decoder;
    private final ParameterStore parameterStore;
    private final VaeManifest manifest;
    private final GanWorld world;
    /** {@link #tileWeights} of the model's wall margin, once: every decode (a search's every candidate) uses it. */
    private final float[] decodingWeights;

    VaeModel(NDManager manager, Block encoder, Block decoder, VaeManifest manifest) {
        this.manager = manager;
        this.encoder = encoder;
        this.decoder = decoder;
        this.parameterStore = new ParameterStore(manager, false);
        this.manifest = manifest;
        this.world = world(manifest.world(), MANIFEST_FILE);
        this.decodingWeights = tileWeights(world, manifest.config().wallMargin());
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
        return Latents.gaussians(new Random(seed), manifest.latentSize());
    }


    /** The encoder's latent mean of each level text: {@link #encode(List, int)} without refinement. */
    public List<float[]> encode(List<String> levels) {
        return encode(levels, 0);
    }

    /**
     * The latent each level text encodes to (rows of legend characters, exactly the model's width × height; check
     * that first, the message names the file): the encoder's mean, then {@code refineSteps} Adam steps on the
     * latent alone that lower the level's reconstruction loss under the decoder (the training loss with the latent
     * as the only unknown: the cross-entropy of the level's cells plus β·½‖z‖², the prior's part of the KL), keeping
     * the best point met. An encoder that saw 33 levels is only an approximation of the decoder's inverse on a level
     * it never saw (the amortisation gap; Kim et al. 2018, semi-amortised VAEs): the refined latent decodes closer
     * to the level. It lies off the means the decoder was trained around: decoded without a wall margin, samples
     * around it were less often playable; with the Dungeon default's margin they are as playable as around the mean
     * (docs/vae.md measures both).
     */
    public List<float[]> encode(List<String> levels, int refineSteps) {
        if (refineSteps < 0 || refineSteps > MAX_REFINE_STEPS) {
            throw new UserInputException("--refine must be in 0.." + MAX_REFINE_STEPS + ", got " + refineSteps);
        }
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
            float[] mu = means(encoder, parameterStore, manager, maps, n, world.channels(), size, latent);
            float[] refined = refineSteps == 0 ? mu : refine(maps, mu, n, refineSteps);
            for (int i = 0; i < n; i++) {
                means.add(Arrays.copyOfRange(refined, i * latent, (i + 1) * latent));
            }
        }
        return means;
    }

    /**
     * The encoder's latent means of {@code n} one-hot maps (each channels × size × size), one forward pass in
     * inference mode, row after row: the encoder gives each map its mean, then its log-variance.
     */
    static float[] means(Block encoder, ParameterStore parameterStore, NDManager manager, float[] maps, int n,
                         int channels, int size, int latent) {
        float[] mu = new float[n * latent];
        try (NDManager scope = manager.newSubManager()) {
            float[] stats = encoder.forward(parameterStore,
                    new NDList(scope.create(maps, new Shape(n, channels, size, size))), false).singletonOrThrow()
                    .toFloatArray();
            for (int i = 0; i < n; i++) {
                System.arraycopy(stats, i * 2 * latent, mu, i * latent, latent);
            }
        }
        return mu;
    }

    private float[] refine(float[] maps, float[] start, int n, int steps) {
        int size = manifest.paddedSize();
        int plane = size * size;
        int latent = manifest.latentSize();
        // The target is minus the one-hot map on the level's cells (the padding is constant and left out), so that
        // the sum of target × log p over a map is its cross-entropy.
        float[] target = new float[maps.length];
        for (int i = 0; i < maps.length; i++) {
            int cell = i % plane;
            target[i] = cell / size < height() && cell % size < width() ? -maps[i] : 0f;
        }
        float[] z = start.clone();
        float[] best = start.clone();
        float[] bestLoss = new float[n];
        Arrays.fill(bestLoss, Float.POSITIVE_INFINITY);
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(REFINE_RATE)).build();
        Shape mapShape = new Shape(n, world.channels(), size, size);
        try (NDManager scope = manager.newSubManager()) {
            NDArray t = scope.create(target, mapShape);
            NDArray halfBeta = scope.full(new Shape(), (float) (0.5 * manifest.config().beta()));
            NDArray weights = scope.create(z, new Shape(n, latent));
            for (int step = 0; step <= steps; step++) {
                try (NDManager stepScope = scope.newSubManager()) {
                    NDArray leaf = stepScope.create(z, new Shape(n, latent));
                    leaf.setRequiresGradient(true);
                    float[][] losses = new float[1][];
                    Autograd.backward(() -> {
                        NDArray p = decoder.forward(parameterStore, new NDList(leaf), false).singletonOrThrow();
                        NDArray perMap = t.mul(p.clip(VaeTrainer.MIN_PROBABILITY, 1f).log()).sum(new int[] {1, 2, 3})
                                .add(leaf.square().sum(new int[] {1}).mul(halfBeta));
                        losses[0] = perMap.toFloatArray();
                        return perMap.sum();
                    });
                    for (int i = 0; i < n; i++) {
                        if (losses[0][i] < bestLoss[i]) {
                            bestLoss[i] = losses[0][i];
                            System.arraycopy(z, i * latent, best, i * latent, latent);
                        }
                    }
                    if (step == steps) {
                        break;
                    }
                    adam.update("latent", weights, leaf.getGradient());
                    z = weights.toFloatArray();
                }
            }
        }
        // The backward passes went through the decoder's weights too: a model fresh from training has gradient
        // arrays there (a loaded one does not); leave nothing behind in them.
        List<Parameter> parameters = new ArrayList<>();
        for (Pair<String, Parameter> p : decoder.getParameters()) {
            if (p.getValue().isInitialized() && p.getValue().getArray().hasGradient()) {
                parameters.add(p.getValue());
            }
        }
        try (NDManager scope = manager.newSubManager()) {
            Gradients.zero(parameters, scope);
        }
        return best;
    }

    /**
     * The draft (level text, possibly ill-formed or unplayable) of each latent vector under {@code decoding}, the
     * wall's probability divided by the model's {@link VaeConfig#wallMargin()} first.
     *
     * @throws IllegalArgumentException for a latent vector of another length than the model's
     */
    public List<String> decode(List<float[]> latents, Decoding decoding) {
        return GanModel.sample(decoder, parameterStore, manager, latents, manifest.latentSize(),
                manifest.paddedSize(), width(), height(), world.legend(), decoding, decodingWeights);
    }

    /**
     * The weights the decoder's tile probabilities are decoded with ({@link GanModel#sample(Block, ParameterStore,
     * NDManager, List, int, int, int, int, String, Decoding, float[])}): the wall's 1 / {@code wallMargin}, every
     * other tile's 1; null for a margin of 1 (plain decoding).
     */
    static float[] tileWeights(GanWorld world, double wallMargin) {
        if (wallMargin == 1) {
            return null;
        }
        float[] weights = new float[world.channels()];
        Arrays.fill(weights, 1f);
        weights[DungeonTile.WALL.ordinal()] = (float) (1 / wallMargin);
        return weights;
    }

    /**
     * Writes the model to {@code dir} atomically (see {@link ModelDirectory#save}), {@code extra}'s files included;
     * the manifest, written last, records the length and SHA-256 of {@value #WEIGHTS_FILE} and its own checksum.
     */
    public void save(Path dir, ModelDirectory.ExtraFiles extra) throws IOException {
        DIRECTORY.save(dir, List.of(encoder, decoder), extra, manifest::withFiles);
    }

    /**
     * Reads and checks a model directory's manifest (its checksum, format, legend and sizes), not the weights.
     *
     * @throws UserInputException naming the file
     */
    public static VaeManifest manifest(Path dir) {
        byte[] bytes = DIRECTORY.readManifest(dir);
        Path file = dir.resolve(MANIFEST_FILE);
        VaeManifest m = DIRECTORY.parse(bytes, file, VaeManifest.class, tree -> {
            if (tree == null || !tree.isObject() || !VaeManifest.KIND.equals(tree.path("kind").asText(null))) {
                throw new UserInputException(file + ": not a VAE model (kind "
                        + (tree == null ? null : tree.path("kind").asText(null)) + "); a GAN is used as gan:DIR");
            }
            DIRECTORY.requireChecksum((ObjectNode) tree, file);
            if (tree.path("format").asInt(-1) != VaeManifest.FORMAT) {
                throw new UserInputException(file + ": a VAE model of format " + tree.path("format").asText()
                        + ", this build reads format " + VaeManifest.FORMAT + "; train it again with this build");
            }
            if (tree.path("config") instanceof ObjectNode config) {
                // Written before these were configurable: a 4x4 grid, every cell weighing 1.
                config.putIfAbsent("grid", IntNode.valueOf(4));
                config.putIfAbsent("rareWeight", DoubleNode.valueOf(1));
                config.putIfAbsent("routeWeight", DoubleNode.valueOf(1));
                config.putIfAbsent("bootstrapEvery", IntNode.valueOf(0));
                config.putIfAbsent("wallMargin", DoubleNode.valueOf(1));
                config.putIfAbsent("fold", IntNode.valueOf(0));
            }
        });
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
        if (world != GanWorld.DUNGEON && m.config().wallMargin() != 1) {
            throw new UserInputException(file + ": a wall margin of " + m.config().wallMargin() + " for a "
                    + world.envId() + " model; only Dungeon-v0 models decode with one (1 otherwise)");
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
        DIRECTORY.requireFiles(dir, m.files());
        GanWorld world = world(m.world(), dir.resolve(MANIFEST_FILE));
        NDManager manager = Libtorch.newManager();
        try {
            Block encoder = VaeNetworks.encoder(m.paddedSize(), m.config());
            Block decoder = VaeNetworks.decoder(m.paddedSize(), world.channels(), m.config());
            encoder.initialize(manager, DataType.FLOAT32, new Shape(1, world.channels(), m.paddedSize(),
                    m.paddedSize()));
            decoder.initialize(manager, DataType.FLOAT32, new Shape(1, m.latentSize()));
            DIRECTORY.loadWeights(dir, manager, encoder, decoder);
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

    @Override
    public void close() {
        manager.close();
    }
}
