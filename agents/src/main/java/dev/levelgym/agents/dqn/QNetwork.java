package dev.levelgym.agents.dqn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.networks.ImpalaCnn;
import dev.levelgym.agents.networks.ValueIterationBlock;
import dev.levelgym.agents.networks.ValuePropagationBlock;
import dev.levelgym.envs.random.Pcg64;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Q-network as a DJL block, with the plumbing DQN needs around it: deterministic initialisation, batched
 * forward, copying into a target network, saving, and a plain-Java copy of an MLP's weights for fast acting.
 *
 * <p>Owns its own {@link NDManager}: closing the network frees its native memory.
 */
final class QNetwork implements AutoCloseable {

    private final NDManager manager;
    private final Block block;
    private final ParameterStore parameterStore;
    private final List<Parameter> parameters = new ArrayList<>();
    /** (C, H, W) for a convolutional or planning network, (size) for MLP; the batch dimension is added in front. */
    private final long[] inputShape;
    private final int numActions;
    /** CONV, IMPALA or a planning network: a C×H×W input, and acting goes through DJL (no Java mirror). */
    private final boolean conv;

    /** Weights of an MLP in Java arrays, [layer][i * out + o] (transposed) and [layer][o]; null for CONV. */
    private float[][] mirrorWeights;
    private float[][] mirrorBiases;

    QNetwork(NDManager parent, int[] observationShape, int numActions, DqnConfig config) {
        this.manager = parent.newSubManager();
        this.numActions = numActions;
        this.conv = config.networkType() != NetworkType.MLP;
        int size = 1;
        for (int d : observationShape) {
            size *= d;
        }
        if (conv) {
            if (observationShape.length != 3) {
                throw new IllegalArgumentException("networkType " + config.networkType() + " needs a Box of shape "
                        + "(C, H, W), got " + java.util.Arrays.toString(observationShape));
            }
            for (int plane : config.agentPlanes()) {
                if (plane >= observationShape[0]) {
                    throw new IllegalArgumentException("agentPlanes names plane " + plane + ", but the observation "
                            + "has " + observationShape[0] + " planes");
                }
            }
            inputShape = new long[] {observationShape[0], observationShape[1], observationShape[2]};
        } else {
            inputShape = new long[] {size};
        }
        this.block = config.networkType() == NetworkType.VALUE_ITERATION
                ? new ValueIterationBlock(config.convChannels(), config.planChannels(), config.planIterations(),
                        config.agentPlanes(), config.hiddenSizes(), numActions)
                : config.networkType() == NetworkType.VALUE_PROPAGATION
                ? new ValuePropagationBlock(config.convChannels(), config.planChannels(), config.planIterations(),
                        config.agentPlanes(), config.hiddenSizes(), numActions)
                : sequential(config, numActions);
        block.initialize(manager, DataType.FLOAT32, batchShape(1));
        for (Pair<String, Parameter> p : block.getParameters()) {
            parameters.add(p.getValue());
        }
        parameterStore = new ParameterStore(manager, false);
    }

    private SequentialBlock sequential(DqnConfig config, int numActions) {
        if (config.networkType() == NetworkType.IMPALA) {
            return ImpalaCnn.trunk(config.convChannels(), 0, config.hiddenSizes(), false)
                    .add(Linear.builder().setUnits(numActions).build());
        }
        SequentialBlock net = new SequentialBlock();
        if (conv) {
            for (int channels : config.convChannels()) {
                net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(channels).build());
                net.add(Activation.reluBlock());
            }
            net.add(Blocks.batchFlattenBlock());
        }
        for (int units : config.hiddenSizes()) {
            net.add(Linear.builder().setUnits(units).build());
            net.add(Activation.reluBlock());
        }
        net.add(Linear.builder().setUnits(numActions).build());
        return net;
    }

    Shape batchShape(int batch) {
        long[] dims = new long[inputShape.length + 1];
        dims[0] = batch;
        System.arraycopy(inputShape, 0, dims, 1, inputShape.length);
        return new Shape(dims);
    }

    /** The DJL block, for tests that read a network's inner values. */
    Block block() {
        return block;
    }

    NDManager manager() {
        return manager;
    }

    List<Parameter> parameters() {
        return parameters;
    }

    int numActions() {
        return numActions;
    }

    /**
     * Sets every parameter as PyTorch's default for {@code nn.Linear} and {@code nn.Conv2d} does (which SB3's DQN
     * keeps): uniform in ±1/√fan_in for weights and biases alike. Drawn from our own PCG64 rather than the engine's
     * generator, so the initial network is a pure function of {@code seed}, whatever DJL does with its seed.
     */
    void initialize(long seed) {
        Pcg64 random = Pcg64.seeded(seed);
        long fanIn = 1;
        for (Parameter parameter : parameters) {
            NDArray array = parameter.getArray();
            long[] shape = array.getShape().getShape();
            if (parameter.getType() == Parameter.Type.WEIGHT) {
                fanIn = 1;
                for (int i = 1; i < shape.length; i++) {
                    fanIn *= shape[i];
                }
            }
            double bound = 1.0 / Math.sqrt(fanIn);
            float[] values = new float[Math.toIntExact(array.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.uniform(-bound, bound);
            }
            array.set(FloatBuffer.wrap(values));
        }
        refreshMirror();
    }

    /** Q-values of a batch; gradients are recorded when called inside a gradient collector. */
    NDArray forward(NDArray observations, boolean training) {
        return block.forward(parameterStore, new NDList(observations), training).singletonOrThrow();
    }

    /** Makes this network's parameters equal to {@code source}'s (a hard target update). */
    void copyFrom(QNetwork source) {
        for (int i = 0; i < parameters.size(); i++) {
            source.parameters.get(i).getArray().copyTo(parameters.get(i).getArray());
        }
    }

    /** θ ← τ θ_source + (1 − τ) θ, SB3's {@code polyak_update}. */
    void mixFrom(QNetwork source, float tau) {
        try (NDManager scope = manager.newSubManager()) {
            for (int i = 0; i < parameters.size(); i++) {
                NDArray target = parameters.get(i).getArray();
                NDArray mixed = source.parameters.get(i).getArray().mul(tau);
                mixed.attach(scope);
                target.muli(1f - tau).addi(mixed);
            }
        }
    }

    /** Copies an MLP's weights into Java arrays for {@link #greedyAction}; call after the weights change. */
    void refreshMirror() {
        if (conv) {
            return;
        }
        int layers = parameters.size() / 2;
        mirrorWeights = new float[layers][];
        mirrorBiases = new float[layers][];
        // The transposes (and the contiguous copies toFloatArray makes of them) would otherwise live as long as the
        // network, a leak of several arrays per training phase.
        try (NDManager scope = manager.newSubManager()) {
            for (int l = 0; l < layers; l++) {
                NDArray weight = parameters.get(2 * l).getArray();
                // Transposed to [in][out], so the forward's inner loop is an axpy over outputs, which the JIT
                // vectorises; a dot product per output (a float reduction) it does not, and ran 2× slower than DJL.
                NDArray transposed = weight.transpose();
                transposed.attach(scope);
                mirrorWeights[l] = transposed.toFloatArray();
                mirrorBiases[l] = parameters.get(2 * l + 1).getArray().toFloatArray();
            }
        }
    }

    /**
     * Q-values of one observation. For an MLP this is plain Java on the mirrored weights (measured for the default
     * 4-256-256-2 net: ≈ 16 µs against ≈ 23–33 µs for a batch-1 DJL forward, whose per-op overhead dominates);
     * CONV goes through DJL.
     */
    float[] qValues(float[] observation) {
        if (conv) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = scope.create(observation, batchShape(1));
                return forward(x, false).toFloatArray();
            }
        }
        return mirrorQValues(observation, 0, observation.length);
    }

    /** An MLP's Q-values of the {@code size} floats at {@code offset}, in plain Java on the mirrored weights. */
    private float[] mirrorQValues(float[] observations, int offset, int size) {
        float[] h = observations;
        int start = offset;
        int length = size;
        for (int l = 0; l < mirrorWeights.length; l++) {
            float[] w = mirrorWeights[l];
            float[] out = mirrorBiases[l].clone();
            int width = out.length;
            for (int i = 0; i < length; i++) {
                float x = h[start + i];
                if (x == 0f) {
                    continue; // ReLU zeros, about half the hidden units
                }
                int row = i * width;
                for (int o = 0; o < width; o++) {
                    out[o] += w[row + o] * x;
                }
            }
            if (l < mirrorWeights.length - 1) {
                for (int o = 0; o < width; o++) {
                    out[o] = Math.max(out[o], 0f);
                }
            }
            h = out;
            start = 0;
            length = width;
        }
        return h;
    }

    /**
     * The greedy action of each of {@code count} observations of a flat batch, the rows {@code rows[0..count)}
     * ({@code size} floats each), into {@code actions[k]} for row {@code rows[k]}; ties to the lowest. One DJL
     * forward for the whole batch (MLPs: the Java mirror per row, which is faster at these sizes).
     */
    void greedyActions(float[] observations, int size, int[] rows, int count, int[] actions) {
        if (count == 0) {
            return;
        }
        if (!conv) {
            for (int k = 0; k < count; k++) {
                actions[k] = argmax(mirrorQValues(observations, rows[k] * size, size), 0, numActions);
            }
            return;
        }
        float[] batch = new float[count * size];
        for (int k = 0; k < count; k++) {
            System.arraycopy(observations, rows[k] * size, batch, k * size, size);
        }
        float[] q;
        try (NDManager scope = manager.newSubManager()) {
            q = forward(scope.create(batch, batchShape(count)), false).toFloatArray();
        }
        for (int k = 0; k < count; k++) {
            actions[k] = argmax(q, k * numActions, numActions);
        }
    }

    private static int argmax(float[] values, int offset, int length) {
        int best = 0;
        for (int a = 1; a < length; a++) {
            if (values[offset + a] > values[offset + best]) {
                best = a;
            }
        }
        return best;
    }

    /** The action with the largest Q-value, ties to the lowest. */
    int greedyAction(float[] observation) {
        float[] q = qValues(observation);
        int best = 0;
        for (int a = 1; a < q.length; a++) {
            if (q[a] > q[best]) {
                best = a;
            }
        }
        return best;
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
