package dev.levelgym.generators.gan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

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

    /** DJL's PyTorch engine allows one open GradientCollector per process. */
    private static final Object GRADIENT_COLLECTOR_LOCK = new Object();

    private final GanConfig config;
    private final TrainingMaps data;
    private final int size;
    private final int corpusCount;
    private final float[] maps;
    private final int mapLength;
    private final NDManager modelManager;
    private final NDManager criticManager;
    private final Block generator;
    private final Block critic;
    private final ParameterStore parameterStore;
    private final List<Parameter> generatorParameters;
    private final List<Parameter> criticParameters;
    private final Optimizer generatorOptimizer;
    private final Optimizer criticOptimizer;
    private final Random random;
    private int steps;
    private boolean finished;

    /** Losses of the last step: the critic's (last of its updates) and the generator's. */
    public record Losses(double critic, double generator) {
    }

    /** Trains on a Dungeon corpus, with its mirror images if the config says so. */
    public GanTrainer(TrainingCorpus corpus, GanConfig config) {
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
        this.random = new Random(config.seed());
        Engine.getInstance().setRandomSeed((int) (config.seed() ^ (config.seed() >>> 32)));
        this.modelManager = NDManager.newBaseManager();
        this.criticManager = modelManager.newSubManager();
        this.generator = GanNetworks.generator(size, data.world().channels());
        this.critic = GanNetworks.critic(size);
        generator.initialize(modelManager, DataType.FLOAT32, new Shape(1, config.latentSize()));
        critic.initialize(criticManager, DataType.FLOAT32, new Shape(1, data.world().channels(), size, size));
        this.generatorParameters = parameters(generator);
        this.criticParameters = parameters(critic);
        this.parameterStore = new ParameterStore(modelManager, false);
        this.generatorOptimizer = adam();
        this.criticOptimizer = adam();
    }

    private Optimizer adam() {
        return Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
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
                NDArray fake = forward(generator, scope.create(latents(b), latentShape)).stopGradient();
                synchronized (GRADIENT_COLLECTOR_LOCK) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray realScore = forward(critic, real);
                        NDArray fakeScore = forward(critic, fake);
                        NDArray loss = config.loss() == GanLoss.HINGE
                                ? realScore.neg().add(1f).maximum(0f).mean()
                                        .add(fakeScore.add(1f).maximum(0f).mean())
                                : fakeScore.mean().sub(realScore.mean());
                        collector.backward(loss);
                        criticLoss = loss.getFloat();
                    }
                }
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
            synchronized (GRADIENT_COLLECTOR_LOCK) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray fake = forward(generator, scope.create(latents(b), latentShape));
                    NDArray loss = forward(critic, fake).mean().neg();
                    collector.backward(loss);
                    generatorLoss = loss.getFloat();
                }
            }
            update(generatorParameters, generatorOptimizer, scope);
            // The generator's backward pass went through the critic too: those gradients must not leak into its
            // next update.
            zeroGradients(criticParameters, scope);
        }
        steps++;
        return new Losses(criticLoss, generatorLoss);
    }

    private NDArray forward(Block block, NDArray input) {
        return block.forward(parameterStore, new NDList(input), true).singletonOrThrow();
    }

    private void update(List<Parameter> parameters, Optimizer optimizer, NDManager scope) {
        for (Parameter p : parameters) {
            NDArray gradient = p.getArray().getGradient();
            gradient.attach(scope);
            optimizer.update(p.getId(), p.getArray(), gradient);
            gradient.subi(gradient);
        }
    }

    private static void zeroGradients(List<Parameter> parameters, NDManager scope) {
        for (Parameter p : parameters) {
            NDArray gradient = p.getArray().getGradient();
            gradient.attach(scope);
            gradient.subi(gradient);
        }
    }

    private float[] realBatch(int b) {
        float[] batch = new float[b * mapLength];
        for (int i = 0; i < b; i++) {
            System.arraycopy(maps, random.nextInt(corpusCount) * mapLength, batch, i * mapLength, mapLength);
        }
        return batch;
    }

    private float[] latents(int b) {
        return GanModel.gaussians(random, b * config.latentSize());
    }

    /** Drafts of the generator as it is now (inference mode), e.g. for a progress picture. */
    public List<String> sample(List<float[]> latents) {
        return GanModel.sample(generator, parameterStore, modelManager, latents, config.latentSize(), size,
                data.width(), data.height(), data.world().legend(), Decoding.ARGMAX);
    }

    /** Ends training and returns the generator as a model; the trainer's critic is freed by {@link #close()}. */
    public GanModel finish() {
        finished = true;
        GanManifest manifest = new GanManifest(GanManifest.FORMAT, GanManifest.KIND, data.world().legend(),
                data.width(), data.height(), size, config.latentSize(), data.sourceHash(), data.sourceLevels(),
                steps, config, levelgymVersion(), Engine.getDjlVersion(),
                Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion(), data.world().envId());
        return new GanModel(modelManager, generator, manifest);
    }

    @Override
    public void close() {
        criticManager.close();
        if (!finished) {
            modelManager.close();
        }
    }

    static String levelgymVersion() {
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
