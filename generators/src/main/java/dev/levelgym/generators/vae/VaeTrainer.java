package dev.levelgym.generators.vae;

import ai.djl.engine.Engine;
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
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.gan.Decoding;
import dev.levelgym.generators.gan.DungeonGan;
import dev.levelgym.generators.gan.GanModel;
import dev.levelgym.generators.gan.GanTrainer;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.gan.NovelLevels;
import dev.levelgym.generators.gan.TrainingMaps;
import dev.levelgym.generators.model.Latents;
import dev.levelgym.nn.Autograd;
import dev.levelgym.nn.Gradients;
import dev.levelgym.nn.Libtorch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains a VAE on one-hot maps (Kingma and Welling 2014), one {@link #step()} at a time; {@link #finish()} hands
 * over the model.
 *
 * <p>A step: a minibatch drawn uniformly with replacement; the encoder gives each map a latent mean μ and
 * log-variance; a latent is drawn as μ + σ·ε (the reparameterisation, ε from our seeded {@link Random}); the decoder
 * gives tile probabilities; the loss per map is the cross-entropy of the level's cells (not the padding, which is
 * constant) plus β times the KL divergence of the latent's distribution from the standard normal prior; one Adam
 * update of both networks. With {@link VaeConfig#bootstrapEvery()}, the second half of training also adds the
 * model's own playable, novel samples around training levels to the training set ({@link #bootstrap()}). Constants
 * in the loss are libtorch-allocated tensors (see GanTrainer.criticLoss for why). Every temporary lives in a
 * per-step sub-manager. DJL's generator is seeded for the initial weights, so a run is repeatable on one machine.
 *
 * <p>Holds native memory: {@link #close()} it (after {@link #finish()}, the model stays open).
 */
public final class VaeTrainer implements AutoCloseable {

    /** The smallest probability the cross-entropy takes the log of: a cell the decoder rules out costs log(1e-7). */
    static final float MIN_PROBABILITY = 1e-7f;
    /** Samples drawn at each bootstrapping step. */
    static final int BOOTSTRAP_SAMPLES = 256;
    /**
     * How far from its training level a bootstrap sample is drawn: μ + 1·ε, twice the studio's variations (0.5),
     * so that enough of them differ from every training level by {@value #BOOTSTRAP_MIN_DISTANCE} cells (at 0.5
     * and the GAN's 12 cells, 16–24 levels joined in a whole run, and the samples around held-out levels did not
     * change; docs/vae.md).
     */
    static final double BOOTSTRAP_SPREAD = 1.0;
    /** Cells by which an admitted level differs from every training level (about 7% of a 13×9 level). */
    static final int BOOTSTRAP_MIN_DISTANCE = 8;
    /**
     * Bootstrapped levels may grow the training set to this many times its size (the corpus's maps: 130 on the bundled
     * corpus with 8 held out). Against 4 (the GAN's), 8 brought one more held-out level within 10% and samples 1–2
     * points more playable over three seeds.
     */
    static final int BOOTSTRAP_MAX_MULTIPLE = 8;

    private final VaeConfig config;
    private final TrainingMaps data;
    private final int corpusLevels;
    private final String corpusHash;
    private final List<String> heldOut;
    private final int size;
    private final int channels;
    /** 1 on the level's cells, 0 on the padding, per cell of a map's plane. */
    private final float[] levelCells;
    /** Per training map, per cell of its plane: routeWeight on its winning route, else 1; null when all are 1. */
    private float[] routeCells;
    private final NDManager manager;
    private final Block encoder;
    private final Block decoder;
    private final ParameterStore parameterStore;
    private final List<Parameter> parameters;
    private final Optimizer optimizer;
    private final Random random;
    private int steps;
    private boolean finished;
    /** The training maps: the corpus's, then the bootstrapped levels' ({@link #admit}). */
    private float[] maps;
    private int count;
    private final int corpusCount;
    /** The training set's levels for the novelty test of bootstrap candidates; null without bootstrapping. */
    private final NovelLevels novelty;
    private final DungeonSolver solver = new DungeonSolver();
    private int bootstrapped;

    /** The last step's loss parts, per map: cross-entropy of the cells (nats) and KL divergence (nats). */
    public record Losses(double reconstruction, double kl) {
    }

    /** Trains on the corpus's training maps; the manifest records the corpus and the levels held out of it. */
    public VaeTrainer(VaeCorpus corpus, VaeConfig config) {
        this.config = config;
        this.data = corpus.maps();
        this.corpusHash = corpus.corpusHash();
        this.corpusLevels = corpus.corpusLevels();
        this.heldOut = corpus.heldOut().stream().map(VaeCorpus.HeldOut::id).toList();
        this.size = data.size();
        this.channels = data.world().channels();
        this.levelCells = new float[size * size];
        for (int y = 0; y < data.height(); y++) {
            for (int x = 0; x < data.width(); x++) {
                levelCells[y * size + x] = 1f;
            }
        }
        // Never written to: admitting a level copies the array into a larger one first.
        this.maps = data.maps();
        this.count = data.count();
        this.corpusCount = data.count();
        if (config.bootstrapEvery() > 0 && data.world() != GanWorld.DUNGEON) {
            throw new UserInputException("--bootstrap-every applies to Dungeon-v0 levels only (a platformer "
                    + "window's sample is not checked whole)");
        }
        if (config.wallMargin() != 1 && data.world() != GanWorld.DUNGEON) {
            throw new UserInputException("--wall-margin applies to Dungeon-v0 levels only (a platformer has no wall "
                    + "tile closing a passage)");
        }
        this.novelty = config.bootstrapEvery() > 0 ? new NovelLevels(data, BOOTSTRAP_MIN_DISTANCE) : null;
        this.routeCells = config.routeWeight() == 1 ? null : routeCells(data, (float) config.routeWeight());
        VaeNetworks.requireMemory(config.batchSize(), size, channels, config);
        this.random = new Random(config.seed());
        Engine.getInstance().setRandomSeed((int) (config.seed() ^ (config.seed() >>> 32)));
        this.manager = Libtorch.newManager();
        this.encoder = VaeNetworks.encoder(size, config);
        this.decoder = VaeNetworks.decoder(size, channels, config);
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, channels, size, size));
        decoder.initialize(manager, DataType.FLOAT32, new Shape(1, config.latentSize()));
        this.parameters = new ArrayList<>();
        for (Block block : List.of(encoder, decoder)) {
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    parameters.add(p.getValue());
                }
            }
        }
        this.parameterStore = new ParameterStore(manager, false);
        this.optimizer = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                .build();
    }

    public int steps() {
        return steps;
    }

    /** One Adam update on a minibatch. */
    public Losses step() {
        if (finished) {
            throw new IllegalStateException("training already finished");
        }
        int b = config.batchSize();
        int latent = config.latentSize();
        int length = data.mapLength();
        int plane = size * size;
        float[] batch = new float[b * length];
        // The target, scaled so that the sum of target × log p over the batch is minus the mean cross-entropy of a
        // map's level cells (rare tiles', channels 2 and up, times rareWeight): no scalar operand enters the graph.
        float[] target = new float[b * length];
        float scale = -1f / b;
        float rare = scale * (float) config.rareWeight();
        for (int i = 0; i < b; i++) {
            int map = random.nextInt(count);
            int from = map * length;
            System.arraycopy(maps, from, batch, i * length, length);
            for (int c = 0; c < length; c++) {
                float route = routeCells == null ? 1f : routeCells[map * plane + c % plane];
                target[i * length + c] = maps[from + c] * levelCells[c % plane] * route
                        * (c < 2 * plane ? scale : rare);
            }
        }
        float[] noise = Latents.gaussians(random, b * latent);
        Shape mapShape = new Shape(b, channels, size, size);
        float[] parts = new float[2];
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(batch, mapShape);
            NDArray t = scope.create(target, mapShape);
            NDArray epsilon = scope.create(noise, new Shape(b, latent));
            NDArray half = scope.full(new Shape(), 0.5f);
            NDArray klScale = scope.full(new Shape(), (float) (0.5 * config.beta() / b));
            Autograd.backward(() -> {
                NDList stats = forward(encoder, x).split(2, 1);
                // A spatial latent comes as (batch, channels, side, side): the noise and the decoder take it flat.
                NDArray mu = stats.get(0).reshape(b, latent);
                NDArray logVariance = stats.get(1).reshape(b, latent);
                NDArray z = mu.add(logVariance.mul(half).exp().mul(epsilon));
                NDArray p = forward(decoder, z);
                NDArray reconstruction = t.mul(p.clip(MIN_PROBABILITY, 1f).log()).sum();
                // KL(N(μ, σ²) ‖ N(0, 1)) = ½ Σ (μ² + σ² − log σ² − 1); the −1 is a constant, added below.
                NDArray kl = mu.square().add(logVariance.exp()).sub(logVariance).sum().mul(klScale);
                parts[0] = reconstruction.getFloat();
                parts[1] = kl.getFloat();
                return reconstruction.add(kl);
            });
            Gradients.apply(parameters, Gradients.of(parameters, scope), optimizer, 1.0);
        }
        steps++;
        if (config.bootstrapEvery() > 0 && 2 * steps >= config.steps() && steps % config.bootstrapEvery() == 0
                && bootstrapped < BOOTSTRAP_MAX_MULTIPLE * corpusCount) {
            bootstrap();
        }
        double kl = config.beta() == 0 ? Double.NaN : parts[1] / config.beta() - 0.5 * latent;
        return new Losses(parts[0], kl);
    }

    /**
     * The route weights of every training map: each map decoded back to its Dungeon level (the maps are exact
     * one-hot), solved, and the cells of the solver's shortest winning route weighted. A map the solver cannot win
     * keeps weight 1 everywhere.
     */
    static float[] routeCells(TrainingMaps data, float weight) {
        if (data.world() != GanWorld.DUNGEON) {
            throw new UserInputException("--route-weight applies to Dungeon-v0 levels only (a platformer has no "
                    + "single route to keep open)");
        }
        int size = data.size();
        int plane = size * size;
        int w = data.width();
        float[] weights = new float[data.count() * plane];
        DungeonSolver solver = new DungeonSolver();
        for (int m = 0; m < data.count(); m++) {
            // A training map is exact one-hot, so its argmax decoding is the level it was made of.
            String text = Decoding.ARGMAX.decode(data.maps(), m * data.mapLength(), size, w, data.height(),
                    data.world().legend(), 0);
            DungeonLevel level = DungeonParser.parse(text, "map-" + m);
            weighRoute(weights, m, size, level, solver.shortest(level), weight);
        }
        return weights;
    }

    /**
     * Map {@code map}'s plane of {@code weights}: {@code weight} on the cells of the solution's route through the
     * level, 1 elsewhere (everywhere for a level the solver cannot win: its route is empty).
     */
    private static void weighRoute(float[] weights, int map, int size, DungeonLevel level, DungeonSolution solution,
                                   float weight) {
        int plane = size * size;
        Arrays.fill(weights, map * plane, (map + 1) * plane, 1f);
        for (int cell : solution.route(level)) {
            weights[map * plane + (cell / level.width()) * size + cell % level.width()] = weight;
        }
    }

    /** Levels that joined the training set by bootstrapping so far. */
    public int bootstrapped() {
        return bootstrapped;
    }

    /**
     * Draws {@value #BOOTSTRAP_SAMPLES} samples around corpus maps picked at random, as {@code generate --like}
     * draws them (the encoder's mean plus {@value #BOOTSTRAP_SPREAD}·ε, decoded one-each), and {@link #admit}s them.
     * Around a level it never saw, a VAE trained on a few dozen levels redraws a corridor as wall often enough that a
     * tenth to a fifth of its samples are lost; its own playable variations of the training levels teach it which
     * changes keep the way through (docs/vae.md measures it on held-out levels).
     */
    private void bootstrap() {
        int latent = config.latentSize();
        int length = data.mapLength();
        int n = BOOTSTRAP_SAMPLES;
        float[] x = new float[n * length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(maps, random.nextInt(corpusCount) * length, x, i * length, length);
        }
        float[] noise = Latents.gaussians(random, n * latent);
        float[] mu = VaeModel.means(encoder, parameterStore, manager, x, n, channels, size, latent);
        List<float[]> latents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] z = new float[latent];
            for (int k = 0; k < latent; k++) {
                z[k] = (float) (mu[i * latent + k] + BOOTSTRAP_SPREAD * noise[i * latent + k]);
            }
            latents.add(z);
        }
        // Plain one-each decoding, not the model's wall margin: the training set takes the drafts the decoder wins
        // on its own, so it keeps the corpus's walls (bootstrapping the margin's more open drafts left samples with
        // 1 point fewer walls, 2 moves shorter solutions and a larger tile-pattern KL; docs/vae.md, seventh round).
        List<String> drafts = GanModel.sample(decoder, parameterStore, manager, latents, latent, size, data.width(),
                data.height(), data.world().legend(), Decoding.ONE_EACH);
        admit(drafts);
    }

    /**
     * Adds to the training set the drafts that are Dungeon levels of the corpus's size, that the solver wins and that
     * differ from every training level (corpus, mirror images, earlier additions) in at least
     * {@value #BOOTSTRAP_MIN_DISTANCE} cells, up to the cap; returns how many. An added level's route is weighted as
     * a corpus level's is.
     */
    int admit(List<String> drafts) {
        int length = data.mapLength();
        int plane = size * size;
        int added = 0;
        for (String draft : drafts) {
            if (bootstrapped >= BOOTSTRAP_MAX_MULTIPLE * corpusCount) {
                break;
            }
            DungeonLevel level = DungeonGan.parseOrNull(draft, "bootstrap-" + (bootstrapped + 1));
            if (level == null || level.width() != data.width() || level.height() != data.height()) {
                continue;
            }
            DungeonSolution solution = solver.shortest(level);
            if (!solution.playable() || !novelty.isNovel(level.toText())) {
                continue;
            }
            novelty.add(level.toText());
            if ((count + 1) * length > maps.length) {
                maps = Arrays.copyOf(maps, 2 * maps.length);
            }
            TrainingMaps.encode(data.world(), level.toText().lines().toList(), size, maps, count * length);
            if (routeCells != null) {
                if ((count + 1) * plane > routeCells.length) {
                    routeCells = Arrays.copyOf(routeCells, 2 * routeCells.length);
                }
                weighRoute(routeCells, count, size, level, solution, (float) config.routeWeight());
            }
            count++;
            bootstrapped++;
            added++;
        }
        return added;
    }

    private NDArray forward(Block block, NDArray input) {
        return block.forward(parameterStore, new NDList(input), true).singletonOrThrow();
    }

    /** Ends training and returns the model (the trainer's arrays are now the model's). */
    public VaeModel finish() {
        finished = true;
        GanWorld world = data.world();
        VaeManifest manifest = new VaeManifest(VaeManifest.FORMAT, VaeManifest.KIND, world.envId(), world.legend(),
                data.width(), data.height(), size, config.latentSize(), corpusHash, corpusLevels, heldOut, steps,
                config, GanTrainer.levelgymVersion(), Engine.getDjlVersion(),
                Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion(), null, null);
        return new VaeModel(manager, encoder, decoder, manifest);
    }

    @Override
    public void close() {
        if (!finished) {
            manager.close();
        }
    }
}
