package dev.levelgym.generators.gan;

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
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.model.Latents;
import dev.levelgym.nn.Autograd;
import dev.levelgym.nn.Gradients;
import dev.levelgym.nn.Libtorch;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Trains the generator against a critic on one-hot maps of a corpus, one {@link #step()} at a time so callers can
 * show progress and sample in between; {@link #finish()} hands over the generator as a {@link GanModel}.
 *
 * <p>A step: {@code criticSteps} critic updates on a real minibatch (drawn uniformly with replacement) against
 * generated maps with their gradient stopped, then one generator update through the critic. Gradients
 * accumulate in DJL until cleared, so every parameter's gradient is zeroed after each update (the generator's
 * backward also fills the critic's). Every temporary lives in a per-step sub-manager. Minibatches and latents come
 * from our own seeded {@link Random}; DJL's generator is seeded for the initial weights, so a run is repeatable on
 * one machine (CPU kernels may differ in the last bits elsewhere).
 *
 * <p>Holds native memory: {@link #close()} it (after {@link #finish()}, the model stays open).
 */
public final class GanTrainer implements AutoCloseable {

    static final int BOOTSTRAP_SAMPLES = 256;
    /** Mao et al.'s ε, which bounds the mode-seeking term where two maps coincide. */
    static final float MODE_SEEKING_EPSILON = 1e-5f;
    static final int BOOTSTRAP_MIN_DISTANCE = 12;
    static final int BOOTSTRAP_MAX_MULTIPLE = 4;


    private final GanConfig config;
    private final TrainingMaps data;
    private final int size;
    private int corpusCount;
    private float[] maps;
    private final int mapLength;
    /** The training set's levels (maps, then bootstrapped levels) for the novelty test; null without bootstrapping. */
    private final NovelLevels novelty;
    private final DungeonSolver solver = new DungeonSolver();
    private int bootstrapped;
    private final NDManager modelManager;
    private final NDManager criticManager;
    private final Block generator;
    private final Block critic;
    private final ParameterStore parameterStore;
    private final List<Parameter> generatorParameters;
    /** Every generator array (weights and BatchNorm's running statistics) and its moving average, if averaging. */
    private final List<NDArray> generatorArrays;
    private final List<NDArray> averages;
    private final List<Parameter> criticParameters;
    private final Optimizer generatorOptimizer;
    private final Optimizer criticOptimizer;
    private final Random random;
    /** Draws the Gumbel noise of {@link GanConfig#gumbelTemperature()}, apart from {@link #random}'s stream. */
    private final SplittableRandom gumbelRandom;
    private int steps;
    private boolean finished;

    /** Losses of the last step: the critic's (last of its updates) and the generator's. */
    public record Losses(double critic, double generator) {
    }

    /** Trains on a Dungeon corpus, with its mirror images if the config says so. */
    public GanTrainer(DungeonTrainingCorpus corpus, GanConfig config) {
        this(corpus.maps(config.mirror()), config);
    }

    /** Trains on encoded maps of any {@link GanWorld} (the config's {@code mirror} was applied by their maker). */
    public GanTrainer(TrainingMaps data, GanConfig config) {
        this.config = config;
        this.data = data;
        this.size = data.size();
        this.corpusCount = data.count();
        this.mapLength = data.mapLength();
        this.maps = data.maps();
        if (config.bootstrapEvery() > 0 && data.world() != GanWorld.DUNGEON) {
            throw new UserInputException("bootstrapping is implemented for " + GanWorld.DUNGEON.envId()
                    + " GANs, not " + data.world().envId() + " ones: set bootstrapEvery to 0");
        }
        this.novelty = config.bootstrapEvery() > 0 ? new NovelLevels(data, BOOTSTRAP_MIN_DISTANCE) : null;
        this.random = new Random(config.seed());
        this.gumbelRandom = new SplittableRandom(config.seed());
        Engine.getInstance().setRandomSeed((int) (config.seed() ^ (config.seed() >>> 32)));
        GanNetworks.requireMemory(config.batchSize(), size, data.world().channels(), config);
        this.modelManager = Libtorch.newManager();
        this.criticManager = modelManager.newSubManager();
        this.generator = GanNetworks.generator(size, data.world().channels(), config.generatorChannels());
        this.critic = GanNetworks.critic(size, config.criticChannels());
        generator.initialize(modelManager, DataType.FLOAT32, new Shape(1, config.latentSize()));
        critic.initialize(criticManager, DataType.FLOAT32, new Shape(1, data.world().channels(), size, size));
        this.generatorParameters = parameters(generator);
        this.criticParameters = parameters(critic);
        this.generatorArrays = new ArrayList<>();
        this.averages = new ArrayList<>();
        if (config.emaDecay() > 0) {
            for (Pair<String, Parameter> p : generator.getParameters()) {
                NDArray array = p.getValue().getArray();
                generatorArrays.add(array);
                averages.add(array.duplicate());
            }
        }
        this.parameterStore = new ParameterStore(modelManager, false);
        this.generatorOptimizer = adam(config.learningRate());
        this.criticOptimizer = adam(config.criticLearningRate());
    }

    private Optimizer adam(double learningRate) {
        return Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate))
                .optBeta1((float) config.beta1()).build();
    }

    private static List<Parameter> parameters(Block block) {
        List<Parameter> list = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                list.add(p.getValue());
            }
        }
        return list;
    }

    public int steps() {
        return steps;
    }

    public GanConfig config() {
        return config;
    }

    /** One generator update (after {@code criticSteps} critic updates). */
    public Losses step() {
        if (finished) {
            throw new IllegalStateException("training already finished");
        }
        int b = config.batchSize();
        Shape mapShape = new Shape(b, data.world().channels(), size, size);
        Shape latentShape = new Shape(b, config.latentSize());
        double criticLoss = Double.NaN;
        double generatorLoss;
        try (NDManager scope = modelManager.newSubManager()) {
            for (int k = 0; k < config.criticSteps(); k++) {
                NDArray real = scope.create(realBatch(b), mapShape);
                NDArray fake = criticView(forward(generator, scope.create(latents(b), latentShape)).stopGradient(),
                        scope, mapShape);
                criticLoss = Autograd.backward(
                        () -> criticLoss(config.loss(), forward(critic, real), forward(critic, fake)));
                update(criticParameters, criticOptimizer, scope);
                if (config.loss() == GanLoss.WASSERSTEIN_CLIP) {
                    float c = (float) config.clip();
                    for (Parameter p : criticParameters) {
                        NDArray w = p.getArray();
                        NDArray clipped = w.clip(-c, c);
                        clipped.attach(scope);
                        clipped.copyTo(w);
                    }
                }
            }
            NDArray latent = scope.create(latents(b), latentShape);
            generatorLoss = Autograd.backward(() -> {
                NDArray generated = forward(generator, latent);
                NDArray adversarial = forward(critic, criticView(generated, scope, mapShape)).mean().neg();
                return config.diversity() == 0 ? adversarial
                        : adversarial.add(modeSeeking(generated, latent).mul((float) config.diversity()));
            });
            update(generatorParameters, generatorOptimizer, scope);
            average(scope);
            // The generator's backward pass went through the critic too: those gradients must not leak into its
            // next update.
            Gradients.zero(criticParameters, scope);
        }
        steps++;
        if (config.bootstrapEvery() > 0 && 2 * steps >= config.steps() && steps % config.bootstrapEvery() == 0
                && bootstrapped < maxBootstrapped()) {
            bootstrap();
        }
        return new Losses(criticLoss, generatorLoss);
    }

    /** Levels that joined the training set by bootstrapping so far. */
    public int bootstrapped() {
        return bootstrapped;
    }

    /**
     * Generated levels may grow the training set to {@value #BOOTSTRAP_MAX_MULTIPLE} + 1 times its size. Measured on
     * the bundled corpus (3000 steps, 3000 fixed latents, one-each playability at the end): no bootstrapping 78%,
     * at most 1× 87%, 4× 91%, 8× 91%; the hand-made levels keep a fifth of every minibatch.
     */
    private int maxBootstrapped() {
        return BOOTSTRAP_MAX_MULTIPLE * (corpusCount - bootstrapped);
    }

    /**
     * Samples {@value #BOOTSTRAP_SAMPLES} levels as {@code generate} makes them and adds to the training set those
     * the solver wins that differ from every training level in at least {@value #BOOTSTRAP_MIN_DISTANCE} cells
     * (about a tenth of a 13×9 level): playable so the set teaches connectivity, novel so it does not collapse
     * onto copies.
     */
    private void bootstrap() {
        List<float[]> latents = new ArrayList<>(BOOTSTRAP_SAMPLES);
        for (int i = 0; i < BOOTSTRAP_SAMPLES; i++) {
            latents.add(latents(1));
        }
        admit(sample(latents, Decoding.ONE_EACH));
    }

    /** Adds the drafts that are playable and novel to the training set, up to the cap; returns how many. */
    int admit(List<String> drafts) {
        int added = 0;
        for (String draft : drafts) {
            if (bootstrapped >= maxBootstrapped()) {
                break;
            }
            DungeonLevel level = DungeonGan.parseOrNull(draft, "bootstrap-" + (bootstrapped + 1));
            if (level == null || level.width() != data.width() || level.height() != data.height()
                    || !solver.shortest(level).playable()) {
                continue;
            }
            if (!novelty.isNovel(level.toText())) {
                continue;
            }
            novelty.add(level.toText());
            if ((corpusCount + 1) * mapLength > maps.length) {
                maps = java.util.Arrays.copyOf(maps, 2 * maps.length);
            }
            TrainingMaps.encode(data.world(), level.toText().lines().toList(), size, maps, corpusCount * mapLength);
            corpusCount++;
            bootstrapped++;
            added++;
        }
        return added;
    }

    /**
     * Moves the averages towards the current weights. The decay ramps up as {@code (1 + t) / (10 + t)} (as
     * TensorFlow's ExponentialMovingAverage with num_updates) so the first steps' random weights fade quickly.
     */
    private void average(NDManager scope) {
        if (averages.isEmpty()) {
            return;
        }
        float decay = (float) Math.min(config.emaDecay(), (1.0 + steps) / (10.0 + steps));
        for (int i = 0; i < averages.size(); i++) {
            NDArray step = generatorArrays.get(i).sub(averages.get(i)).muli(1 - decay);
            step.attach(scope);
            averages.get(i).addi(step);
        }
    }

    /** Runs {@code action} with the averaged weights in the generator (if averaging), then puts the last back. */
    private <T> T withAverages(java.util.function.Supplier<T> action) {
        if (averages.isEmpty()) {
            return action.get();
        }
        try (NDManager scope = modelManager.newSubManager()) {
            List<NDArray> last = new ArrayList<>();
            for (int i = 0; i < averages.size(); i++) {
                NDArray copy = generatorArrays.get(i).duplicate();
                copy.attach(scope);
                last.add(copy);
                averages.get(i).copyTo(generatorArrays.get(i));
            }
            try {
                return action.get();
            } finally {
                for (int i = 0; i < last.size(); i++) {
                    last.get(i).copyTo(generatorArrays.get(i));
                }
            }
        }
    }

    /**
     * The critic's loss on its scores of a real and a fake batch. The hinge's constants are tensors libtorch
     * allocates (full), not add(1f) and maximum(0f): DJL makes those operands over a Java direct buffer it drops when
     * the op returns, autograd keeps maximum's for the backward pass, and a GC in between would free it under the
     * gradient (see DqnAgent.loss).
     */
    static NDArray criticLoss(GanLoss loss, NDArray realScore, NDArray fakeScore) {
        if (loss != GanLoss.HINGE) {
            return fakeScore.mean().sub(realScore.mean());
        }
        NDManager manager = realScore.getManager();
        NDArray one = manager.full(new Shape(), 1f);
        NDArray zero = manager.full(new Shape(), 0f);
        return realScore.neg().add(one).maximum(zero).mean().add(fakeScore.add(one).maximum(zero).mean());
    }

    /**
     * One tile per cell drawn from {@code probabilities} (batch, tiles, h, w) by the Gumbel-max trick with noise
     * {@code gumbel}, as an exactly one-hot map whose gradient is that of {@code softmax((log p + g) / temperature)}:
     * {@code hard + (soft − stopGradient(soft))}, whose second term is exactly zero in the forward pass.
     */
    static NDArray straightThroughGumbel(NDArray probabilities, NDArray gumbel, double temperature) {
        NDManager manager = probabilities.getManager();
        // log p up to a constant per cell is the logits; the floor keeps a probability that underflowed to 0 finite.
        NDArray perturbed = probabilities.clip(1e-30f, 1f).log().add(gumbel);
        NDArray soft = perturbed.mul(manager.full(new Shape(), (float) (1 / temperature))).softmax(1);
        NDArray hard = perturbed.argMax(1).oneHot((int) probabilities.getShape().get(1)).transpose(0, 3, 1, 2);
        return hard.add(soft.sub(soft.stopGradient()));
    }

    /**
     * A map of {@code width × height} tiles in the top-left corner drawn from the generator's output {@code
     * probabilities} by {@link #straightThroughGumbel}, with the world's padding tile in the padding, as in real
     * maps: a stray tile drawn there would show the critic a fake by cells that decoding never reads.
     */
    static NDArray sampledMap(NDArray probabilities, NDArray gumbel, double temperature, GanWorld world, int width,
                              int height) {
        Shape shape = probabilities.getShape();
        int channels = (int) shape.get(1);
        int size = (int) shape.get(2);
        int plane = size * size;
        float[] level = new float[channels * plane];
        float[] padding = new float[channels * plane];
        for (int cell = 0; cell < plane; cell++) {
            if (cell / size < height && cell % size < width) {
                for (int c = 0; c < channels; c++) {
                    level[c * plane + cell] = 1f;
                }
            } else {
                padding[world.paddingChannel() * plane + cell] = 1f;
            }
        }
        NDManager manager = probabilities.getManager();
        Shape one = new Shape(1, channels, size, size);
        return straightThroughGumbel(probabilities, gumbel, temperature).mul(manager.create(level, one))
                .add(manager.create(padding, one));
    }

    /**
     * The mode-seeking term of Mao et al. 2019 over the minibatch's two halves: {@code 1 / (ratio + ε)} with
     * {@code ratio = mean |G(z1) − G(z2)| / mean |z1 − z2|}, pairing row i of the first half with row i of the
     * second. It falls as the maps of different latents move apart, which the adversarial loss alone does not ask
     * for: a few dozen training levels let the generator cover them with a narrower set of maps.
     */
    static NDArray modeSeeking(NDArray generated, NDArray latent) {
        long half = generated.getShape().get(0) / 2;
        NDArray maps = generated.get("0:" + half).sub(generated.get(half + ":" + 2 * half)).abs().mean();
        NDArray latents = latent.get("0:" + half).sub(latent.get(half + ":" + 2 * half)).abs().mean();
        return maps.div(latents).add(MODE_SEEKING_EPSILON).pow(-1f);
    }

    /** What the critic sees of generated maps: the tile probabilities, or under a Gumbel temperature sampled maps. */
    private NDArray criticView(NDArray generated, NDManager scope, Shape mapShape) {
        if (config.gumbelTemperature() == 0) {
            return generated;
        }
        return sampledMap(generated, gumbel(scope, mapShape), config.gumbelTemperature(), data.world(), data.width(),
                data.height());
    }

    /** Standard Gumbel noise of {@code shape}, −log(−log u), u uniform in (0, 1) from {@link #gumbelRandom}. */
    private NDArray gumbel(NDManager scope, Shape shape) {
        float[] u = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < u.length; i++) {
            u[i] = ((gumbelRandom.nextInt() >>> 9) + 0.5f) * 0x1p-23f;
        }
        return scope.create(u, shape).log().neg().log().neg();
    }

    private NDArray forward(Block block, NDArray input) {
        return block.forward(parameterStore, new NDList(input), true).singletonOrThrow();
    }

    private static void update(List<Parameter> parameters, Optimizer optimizer, NDManager scope) {
        Gradients.apply(parameters, Gradients.of(parameters, scope), optimizer, 1.0);
    }

    private float[] realBatch(int b) {
        float[] batch = new float[b * mapLength];
        for (int i = 0; i < b; i++) {
            System.arraycopy(maps, random.nextInt(corpusCount) * mapLength, batch, i * mapLength, mapLength);
        }
        return batch;
    }

    private float[] latents(int b) {
        return Latents.gaussians(random, b * config.latentSize());
    }

    /**
     * Drafts of the model as it is now (the averaged weights if averaging; inference mode), e.g. for a progress
     * picture.
     */
    public List<String> sample(List<float[]> latents) {
        return sample(latents, Decoding.ARGMAX);
    }

    /** {@link #sample(List)} under {@code decoding}. */
    public List<String> sample(List<float[]> latents, Decoding decoding) {
        return withAverages(() -> GanModel.sample(generator, parameterStore, modelManager, latents,
                config.latentSize(), size, data.width(), data.height(), data.world().legend(), decoding));
    }

    /** Ends training and returns the generator as a model; the trainer's critic is freed by {@link #close()}. */
    public GanModel finish() {
        finished = true;
        for (int i = 0; i < averages.size(); i++) {
            averages.get(i).copyTo(generatorArrays.get(i));
        }
        GanManifest manifest = new GanManifest(GanManifest.FORMAT, GanManifest.KIND, data.world().legend(),
                data.width(), data.height(), size, config.latentSize(), data.sourceHash(), data.sourceLevels(),
                steps, config, levelgymVersion(), Engine.getDjlVersion(),
                Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion(), data.world().envId(),
                null, null);
        return new GanModel(modelManager, generator, manifest);
    }

    @Override
    public void close() {
        criticManager.close();
        if (!finished) {
            modelManager.close();
        }
    }

    /** The levelgym version of this build, as model manifests record it ("development" outside a release). */
    public static String levelgymVersion() {
        try (InputStream in = GanTrainer.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            return v.isEmpty() || v.startsWith("${") ? "development" : v;
        } catch (IOException e) {
            return "development";
        }
    }
}
