package dev.levelgym.agents.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.networks.ImpalaCnn;
import dev.levelgym.agents.networks.ValuePropagationBlock;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.nn.Initialization;
import dev.levelgym.nn.MemoryBudget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PPO's actor-critic as DJL blocks: policy logits and a state value for a batch of observations, from
 * {@link PolicyNetwork#MLP} (separate actor and critic, CleanRL's {@code ppo.py}) or {@link PolicyNetwork#IMPALA}
 * (a shared IMPALA CNN trunk, Procgen's baseline). Also deterministic initialisation, saving and loading, and a
 * plain-Java copy of an MLP's weights, so acting on small batches skips DJL's per-op overhead.
 *
 * <p>Owns its {@link NDManager}: closing the network frees its native memory.
 */
final class ActorCritic implements AutoCloseable {

    /**
     * Batches an MLP acts on in Java (the mirror) rather than through DJL. A DJL forward costs ~200 µs of per-op
     * overhead whatever the batch, the mirror ~10 µs an observation (the JIT does not vectorise its 64-wide loops
     * well): one env, or an evaluation's few, act in Java; 64 copies in one DJL call, which on CartPole-v1 took PPO
     * from 35k to 50k env steps/s (docs/agents.md#results).
     */
    static final int MIRROR_BELOW = 16;
    private static final double HIDDEN_GAIN = Math.sqrt(2);
    private static final double POLICY_GAIN = 0.01;
    private static final double VALUE_GAIN = 1.0;

    private final NDManager manager;
    private final PolicyNetwork type;
    private final Block block;
    /** Initialisation groups: the trunk (IMPALA only), the actor and the critic. */
    private final Block trunk;
    private final Block actor;
    private final Block critic;
    private final ParameterStore parameterStore;
    private final List<Parameter> parameters = new ArrayList<>();
    /** The shape of one input as the network takes it: (size) for an MLP, (H, W, C) for IMPALA. */
    private final long[] inputShape;
    private final int inputSize;
    /** IMPALA: the observation's (C, H, W), which {@link #input} turns into channels-last rows; null otherwise. */
    private final int[] planes;
    private final int numActions;

    /** MLP weights in Java arrays, [layer][in * out] transposed to [i * out + o], actor then critic; null for IMPALA. */
    private float[][] actorWeights;
    private float[][] actorBiases;
    private float[][] criticWeights;
    private float[][] criticBiases;

    ActorCritic(NDManager parent, int[] observationShape, int numActions, PpoConfig config) {
        requireParameters(observationShape, numActions, config);
        this.manager = parent.newSubManager();
        this.type = config.network();
        this.numActions = numActions;
        int size = 1;
        for (int d : observationShape) {
            size *= d;
        }
        this.inputSize = size;
        if (type == PolicyNetwork.IMPALA) {
            if (observationShape.length != 3) {
                throw new UserInputException("the IMPALA network needs a Box observation of shape (C, H, W), got "
                        + Arrays.toString(observationShape));
            }
            planes = observationShape.clone();
            inputShape = new long[] {observationShape[1], observationShape[2], observationShape[0]};
            trunk = ImpalaCnn.trunk(config.convDepths(), config.residualBlocks(), List.of(config.hiddenSize()),
                    true);
            actor = Linear.builder().setUnits(numActions).build();
            critic = Linear.builder().setUnits(1).build();
            block = new SequentialBlock().add(trunk).add(heads(actor, critic));
        } else if (type == PolicyNetwork.VALUE_PROPAGATION) {
            if (observationShape.length != 3) {
                throw new UserInputException("the VALUE_PROPAGATION network needs a Box observation of shape "
                        + "(C, H, W), got " + Arrays.toString(observationShape));
            }
            for (int plane : config.agentPlanes()) {
                if (plane < 0 || plane >= observationShape[0]) {
                    throw new UserInputException("agentPlanes names plane " + plane + ", but the observation has "
                            + observationShape[0] + " planes");
                }
            }
            inputShape = new long[] {observationShape[0], observationShape[1], observationShape[2]};
            planes = null;
            trunk = null;
            actor = new ValuePropagationBlock(config.convDepths(), config.planChannels(), config.planIterations(),
                    config.agentPlanes(), config.hiddenSizes(), numActions + 1, true);
            critic = null;
            // One head for both: its first outputs are the logits, its last the value.
            block = new SequentialBlock().add(actor).add(list -> new NDList(
                    list.singletonOrThrow().get(":, 0:" + numActions),
                    list.singletonOrThrow().get(":, " + numActions + ":")));
        } else {
            inputShape = new long[] {size};
            planes = null;
            trunk = null;
            actor = mlp(config.hiddenSizes(), numActions);
            critic = mlp(config.hiddenSizes(), 1);
            block = heads(actor, critic);
        }
        block.initialize(manager, DataType.FLOAT32, batchShape(1));
        for (Pair<String, Parameter> p : block.getParameters()) {
            parameters.add(p.getValue());
        }
        parameterStore = new ParameterStore(manager, false);
    }

    /** Refuses, before any is allocated, a network with more parameters than {@link MemoryBudget} allows. */
    private static void requireParameters(int[] observationShape, int numActions, PpoConfig config) {
        String what;
        String fix;
        if (config.network() == PolicyNetwork.IMPALA && observationShape.length == 3) {
            what = "ppo config: an IMPALA network of convDepths " + config.convDepths() + ", residualBlocks "
                    + config.residualBlocks() + " and hiddenSize " + config.hiddenSize() + " on "
                    + observationShape[0] + "x" + observationShape[1] + "x" + observationShape[2] + " observations";
            fix = "lower convDepths, residualBlocks or hiddenSize";
        } else {
            what = "ppo config: an MLP of hiddenSizes " + config.hiddenSizes() + " on "
                    + Arrays.stream(observationShape).mapToLong(d -> d).reduce(1, (a, b) -> a * b) + "-float "
                    + "observations";
            fix = "lower hiddenSizes";
        }
        MemoryBudget.requireParameters(what, parameterCount(observationShape, numActions, config), fix);
    }

    /** The parameters (weights and biases) of the network {@code config} builds for these spaces. */
    static long parameterCount(int[] observationShape, int numActions, PpoConfig config) {
        long count = 0;
        if (config.network() == PolicyNetwork.IMPALA && observationShape.length == 3) {
            long in = observationShape[0];
            long h = observationShape[1];
            long w = observationShape[2];
            for (int depth : config.convDepths()) {
                count += in * depth * 9 + depth;
                // 3x3 max-pooling, stride 2, padding 1
                h = (h - 1) / 2 + 1;
                w = (w - 1) / 2 + 1;
                count += (long) config.residualBlocks() * 2 * ((long) depth * depth * 9 + depth);
                in = depth;
            }
            long hidden = config.hiddenSize();
            count += in * h * w * hidden + hidden;
            return count + hidden * numActions + numActions + hidden + 1;
        }
        if (config.network() == PolicyNetwork.VALUE_PROPAGATION && observationShape.length == 3) {
            long planes = observationShape[0];
            long in = 2 * planes; // the planes and their map-wide maxima
            for (int channels : config.convDepths()) {
                count += in * channels + channels;
                in = channels;
            }
            count += in * 2 + 2; // the goal and cost maps
            count += planes * 9 * config.planChannels() + config.planChannels(); // the 3x3 local features
            long readout = config.planChannels() + 4 + 2; // features, move preferences, plan values
            for (int units : config.hiddenSizes()) {
                count += readout * units + units;
                readout = units;
            }
            return count + readout * (numActions + 1) + numActions + 1;
        }
        long size = 1;
        for (int d : observationShape) {
            size *= d;
        }
        for (int outputs : new int[] {numActions, 1}) {
            long in = size;
            for (int units : config.hiddenSizes()) {
                count += in * units + units;
                in = units;
            }
            count += in * outputs + outputs;
        }
        return count;
    }

    /** Both heads on one input: the output list is [logits (B, A), values (B, 1)]. */
    private static Block heads(Block actor, Block critic) {
        return new ParallelBlock(outputs -> new NDList(outputs.get(0).singletonOrThrow(),
                outputs.get(1).singletonOrThrow()), List.of(actor, critic));
    }

    private static SequentialBlock mlp(List<Integer> hidden, int outputs) {
        SequentialBlock net = new SequentialBlock();
        for (int units : hidden) {
            net.add(Linear.builder().setUnits(units).build());
            net.add(Activation.tanhBlock());
        }
        net.add(Linear.builder().setUnits(outputs).build());
        return net;
    }

    Shape batchShape(int batch) {
        long[] dims = new long[inputShape.length + 1];
        dims[0] = batch;
        System.arraycopy(inputShape, 0, dims, 1, inputShape.length);
        return new Shape(dims);
    }

    List<Parameter> parameters() {
        return parameters;
    }

    NDManager manager() {
        return manager;
    }

    int inputSize() {
        return inputSize;
    }

    /**
     * Sets the weights as CleanRL's {@code layer_init}: orthogonal fully connected weights with gain √2 for hidden
     * layers, 0.01 for the policy head and 1 for the value head, zero biases; convolutions keep PyTorch's default
     * (uniform in ±1/√fan_in, weights and biases), as CleanRL's Procgen PPO leaves them. Drawn from PCG64, so the
     * network is a pure function of {@code seed}.
     */
    void initialize(long seed) {
        Pcg64 random = Pcg64.seeded(seed);
        if (trunk != null) {
            initializeGroup(trunk, HIDDEN_GAIN, HIDDEN_GAIN, random);
        }
        initializeGroup(actor, HIDDEN_GAIN, POLICY_GAIN, random);
        if (critic != null) {
            initializeGroup(critic, HIDDEN_GAIN, VALUE_GAIN, random);
        }
        refreshMirror();
    }

    private static void initializeGroup(Block group, double hiddenGain, double lastGain, Pcg64 random) {
        List<Parameter> all = new ArrayList<>();
        for (Pair<String, Parameter> p : group.getParameters()) {
            all.add(p.getValue());
        }
        int lastWeight = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).getType() == Parameter.Type.WEIGHT) {
                lastWeight = i;
            }
        }
        long fanIn = 1;
        boolean convLayer = false;
        for (int i = 0; i < all.size(); i++) {
            NDArray array = all.get(i).getArray();
            long[] shape = array.getShape().getShape();
            if (all.get(i).getType() == Parameter.Type.WEIGHT) {
                convLayer = shape.length == 4;
                fanIn = array.size() / shape[0];
                if (convLayer) {
                    Initialization.pytorchDefault(array, fanIn, random);
                } else {
                    Initialization.orthogonal(array, i == lastWeight ? lastGain : hiddenGain, random);
                }
            } else if (convLayer) {
                Initialization.pytorchDefault(array, fanIn, random);
            } else {
                Initialization.zeros(array);
            }
        }
    }

    /**
     * The first {@code n} observations of a flat batch (as the env lays them out, C×H×W for IMPALA) as the
     * network's input, owned by {@code scope}.
     */
    NDArray input(NDManager scope, float[] observations, int n) {
        if (planes == null) {
            float[] rows = observations.length == n * inputSize ? observations
                    : Arrays.copyOf(observations, n * inputSize);
            return scope.create(rows, batchShape(n));
        }
        int c = planes[0];
        int plane = planes[1] * planes[2];
        float[] channelsLast = new float[n * inputSize];
        for (int i = 0; i < n; i++) {
            int base = i * inputSize;
            for (int ch = 0; ch < c; ch++) {
                int from = base + ch * plane;
                for (int cell = 0; cell < plane; cell++) {
                    channelsLast[base + cell * c + ch] = observations[from + cell];
                }
            }
        }
        return scope.create(channelsLast, batchShape(n));
    }

    /** [logits (B, A), values (B, 1)]; gradients are recorded when called inside a gradient collector. */
    NDList forward(NDArray observations, boolean training) {
        return block.forward(parameterStore, new NDList(observations), training);
    }

    /**
     * Logits ({@code n × A}) and values ({@code n}) of the first {@code n} observations of a flat batch, into
     * {@code logits} and {@code values}: the Java mirror for an MLP's batches below {@link #MIRROR_BELOW}, one DJL
     * forward otherwise. With {@code values} null the mirror skips the critic (acting greedily or in an evaluation
     * needs only the policy).
     */
    void evaluate(float[] observations, int n, float[] logits, float[] values) {
        if (type == PolicyNetwork.MLP && n < MIRROR_BELOW) {
            mirror(actorWeights, actorBiases, observations, n, logits);
            if (values != null) {
                mirror(criticWeights, criticBiases, observations, n, values);
            }
            return;
        }
        try (NDManager scope = manager.newSubManager()) {
            NDList out = forward(input(scope, observations, n), false);
            float[] l = out.get(0).toFloatArray();
            System.arraycopy(l, 0, logits, 0, n * numActions);
            if (values != null) {
                System.arraycopy(out.get(1).toFloatArray(), 0, values, 0, n);
            }
        }
    }

    /** Copies an MLP's weights into Java arrays for {@link #evaluate}; call after the weights change. */
    void refreshMirror() {
        if (type != PolicyNetwork.MLP) {
            return;
        }
        try (NDManager scope = manager.newSubManager()) {
            float[][][] a = mirrorOf(actor, scope);
            actorWeights = a[0];
            actorBiases = a[1];
            float[][][] c = mirrorOf(critic, scope);
            criticWeights = c[0];
            criticBiases = c[1];
        }
    }

    private static float[][][] mirrorOf(Block mlp, NDManager scope) {
        List<Parameter> ps = new ArrayList<>();
        for (Pair<String, Parameter> p : mlp.getParameters()) {
            ps.add(p.getValue());
        }
        int layers = ps.size() / 2;
        float[][] weights = new float[layers][];
        float[][] biases = new float[layers][];
        for (int l = 0; l < layers; l++) {
            // Transposed to [in][out], so the inner loop is an axpy over outputs, which the JIT vectorises.
            NDArray transposed = ps.get(2 * l).getArray().transpose();
            transposed.attach(scope);
            weights[l] = transposed.toFloatArray();
            biases[l] = ps.get(2 * l + 1).getArray().toFloatArray();
        }
        return new float[][][] {weights, biases};
    }

    /**
     * An MLP (tanh between layers) on each of the first {@code n} observations of {@code input}, its outputs side by
     * side in {@code output}. Two scratch rows of the widest layer serve every observation: no allocation per step.
     */
    private void mirror(float[][] weights, float[][] biases, float[] input, int n, float[] output) {
        int widest = 0;
        for (float[] b : biases) {
            widest = Math.max(widest, b.length);
        }
        float[] h = new float[widest];
        float[] next = new float[widest];
        int last = weights.length - 1;
        int outputWidth = biases[last].length;
        for (int s = 0; s < n; s++) {
            float[] in = input;
            int start = s * inputSize;
            int length = inputSize;
            for (int l = 0; l <= last; l++) {
                float[] w = weights[l];
                int width = biases[l].length;
                float[] out = l == last ? output : next;
                int base = l == last ? s * outputWidth : 0;
                System.arraycopy(biases[l], 0, out, base, width);
                for (int i = 0; i < length; i++) {
                    float x = in[start + i];
                    int row = i * width;
                    for (int o = 0; o < width; o++) {
                        out[base + o] += w[row + o] * x;
                    }
                }
                if (l < last) {
                    for (int o = 0; o < width; o++) {
                        out[o] = tanh(out[o]);
                    }
                    float[] swap = h;
                    h = next;
                    next = swap;
                    in = h;
                    start = 0;
                    length = width;
                }
            }
        }
    }

    /**
     * tanh from one {@link Math#exp} (a JIT intrinsic): {@link Math#tanh} is not one on Java 17 and took most of an
     * MLP's acting time. Exact to float precision (within an ulp of the float {@code Math.tanh} gives); below
     * 1e-4 the series {@code x − x³/3}, where {@code e − 1} would lose digits; saturated beyond 20.
     */
    static float tanh(float x) {
        float a = Math.abs(x);
        if (a < 1e-4f) {
            return x - x * x * x / 3;
        }
        if (a > 20f) {
            return Math.copySign(1f, x);
        }
        double e = Math.exp(2.0 * a);
        return Math.copySign((float) ((e - 1) / (e + 1)), x);
    }

    /** DJL's own parameter format ({@link Checkpoints#saveParameters}). */
    void save(Path file) throws IOException {
        Checkpoints.saveParameters(block, file);
    }

    /** @throws dev.levelgym.agents.checkpoint.CheckpointException naming the file if it is missing or corrupt */
    void load(Path file) {
        parameters.clear();
        parameters.addAll(Checkpoints.loadParameters(block, manager, file));
        refreshMirror();
    }

    @Override
    public void close() {
        manager.close();
    }
}
