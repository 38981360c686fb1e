package dev.levelgym.agents.ppo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.Learner;
import dev.levelgym.agents.TrainingArguments;
import dev.levelgym.agents.TrainingDivergedException;
import dev.levelgym.agents.TrainingLoop;
import dev.levelgym.agents.Transitions;
import dev.levelgym.agents.checkpoint.AdamMoments;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.checkpoint.Manifest;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.vector.VectorEnv;
import dev.levelgym.nn.Autograd;
import dev.levelgym.nn.Gradients;
import dev.levelgym.nn.Libtorch;
import dev.levelgym.nn.MemoryBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Proximal Policy Optimization (Schulman et al. 2017) with a clipped objective, generalized advantage estimation,
 * advantage normalization, a (clipped) value loss, an entropy bonus, minibatch epochs, learning-rate annealing and
 * global-norm gradient clipping, as CleanRL's {@code ppo.py} (and, with {@link PpoConfig#procgen()}, Procgen's
 * baseline), on DJL's PyTorch engine. Box observations, Discrete actions.
 *
 * <p>The loop: the shared {@link TrainingLoop} steps the N env copies; each step the agent samples the N actions
 * from its policy in one batch (a Java copy of an MLP's weights, one DJL forward for the IMPALA CNN) and stores the
 * transitions with their log-probabilities and values. After {@code numSteps} steps (a rollout of
 * {@code numSteps × N} rows) it computes the advantages and takes {@code updateEpochs} passes of
 * {@code numMinibatches} shuffled minibatches over the rollout's transitions, one Adam step each. Rows where a copy
 * autoreset are no transitions and take no part. Training pauses only between rollouts
 * ({@link #atBoundary()}), so a checkpoint never holds half a rollout.
 *
 * <p>Determinism: one generator (PCG64, seeded by the run's seed) draws the initial weights, the sampled actions and
 * the minibatch shuffles; the loop draws the episodes' seeds. Checkpoints hold the network, Adam's state (step count
 * and moments, see {@link AdamMoments}), the generator, the counters and the loop's state, so training on after a
 * load is the same run, bit for bit on CPU, as an uninterrupted one (see {@code PpoAgentTest}).
 *
 * <p>Holds native memory: {@link #close()} it when done.
 */
public final class PpoAgent implements Learner<float[]>, AutoCloseable {

    public static final String KIND = "ppo";
    private static final String STATE_FILE = "agent.json";
    private static final String NETWORK_FILE = "policy.params";
    private static final String ADAM_FILE = "adam-moments.ndlist";

    private final String envId;
    private final Box observationSpace;
    private final Discrete actionSpace;
    private final PpoConfig config;
    private final int numActions;
    private final NDManager manager;
    private final ActorCritic network;
    private final MutableRate learningRate = new MutableRate();
    private Optimizer optimizer;

    /** Seeded 0 only so that {@code act(o, true)} works before training; the run's seed reseeds it. */
    private Pcg64 random = Pcg64.seeded(0);
    private TrainingLoop loop = new TrainingLoop();
    private Rollout rollout;
    /** Gradient steps, over the run. */
    private long updates;
    /** Rollouts learned from, over the run (CleanRL's iterations), for the learning-rate schedule. */
    private long iterations;
    private Statistics statistics;

    // Per step of acting: the batch's logits and values, and the sampled actions' log-probabilities.
    private float[] logits = new float[0];
    private float[] values = new float[0];
    private float[] logProbs = new float[0];
    /** The observations after the last step observed, for the bootstrap values at the end of a rollout. */
    private float[] lastNextObservations;

    private PpoAgent(String envId, Box observationSpace, Discrete actionSpace, PpoConfig config) {
        this.envId = Objects.requireNonNull(envId, "envId");
        this.observationSpace = Objects.requireNonNull(observationSpace, "observationSpace");
        this.actionSpace = Objects.requireNonNull(actionSpace, "actionSpace");
        this.config = Objects.requireNonNull(config, "config");
        this.numActions = actionSpace.n();
        this.manager = Libtorch.newManager();
        try {
            this.network = new ActorCritic(manager, observationSpace.shape(), numActions, config);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        network.initialize(0);
        this.optimizer = newOptimizer(0);
    }

    /**
     * An untrained agent for {@code env}'s spaces.
     *
     * @throws UserInputException if the spaces are not a Box and a Discrete, or IMPALA is asked of a Box that is not
     *                            C×H×W
     */
    public static PpoAgent create(String envId, Env<?, ?> env, PpoConfig config) {
        if (!(env.observationSpace() instanceof Box box)) {
            throw new UserInputException("PPO needs a Box observation space, got " + env.observationSpace());
        }
        if (!(env.actionSpace() instanceof Discrete discrete)) {
            throw new UserInputException("PPO needs a Discrete action space, got " + env.actionSpace());
        }
        return new PpoAgent(envId, box, discrete, config);
    }

    /** Adam with CleanRL's ε; the learning rate is read from {@link #learningRate} at every update. */
    private Optimizer newOptimizer(long updatesDone) {
        return Optimizer.adam().optLearningRateTracker(learningRate).optEpsilon((float) config.adamEpsilon())
                .optBeginNumUpdate(Math.toIntExact(updatesDone)).build();
    }

    public PpoConfig config() {
        return config;
    }

    public String envId() {
        return envId;
    }

    public Box observationSpace() {
        return observationSpace;
    }

    public Discrete actionSpace() {
        return actionSpace;
    }

    /** Gradient steps so far, over the run. */
    @Override
    public long updates() {
        return updates;
    }

    /** Rollouts learned from so far. */
    public long iterations() {
        return iterations;
    }

    /** What the last rollout's update measured, or null before the first. */
    public Statistics statistics() {
        return statistics;
    }

    /**
     * Diagnostics of one rollout's update, means over its minibatches (CleanRL's charts).
     *
     * @param learningRate      the rate the update used
     * @param explainedVariance {@code 1 − Var(returns − values) / Var(returns)} over the rollout
     */
    public record Statistics(double learningRate, double policyLoss, double valueLoss, double entropy,
                             double approxKl, double clipFraction, double explainedVariance) {
    }

    @Override
    public TrainingLoop loop() {
        return loop;
    }

    @Override
    public Integer act(float[] observation, boolean explore) {
        int[] action = new int[1];
        actBatch(observation, explore, action);
        return action[0];
    }

    /**
     * Samples each copy's action from the policy (exploring) or takes its most likely action (greedy, ties to the
     * lowest), from one evaluation of the network for the batch.
     */
    @Override
    public void actBatch(float[] observations, boolean explore, int[] actions) {
        act(observations, actions, explore ? Sampling.TRAINING : Sampling.GREEDY, null);
    }

    /** Samples each copy's action from the policy with its own generator (an evaluation's). */
    @Override
    public void sampleBatch(float[] observations, RandomGenerator[] generators, int[] actions) {
        act(observations, actions, Sampling.GIVEN, generators);
    }

    private enum Sampling { GREEDY, TRAINING, GIVEN }

    /**
     * One evaluation of the network for the batch, then per copy the most likely action (ties to the lowest) or one
     * drawn from the softmax, from the training generator (recording its log-probability for the rollout) or from
     * the copy's own.
     */
    private void act(float[] observations, int[] actions, Sampling sampling, RandomGenerator[] generators) {
        int n = actions.length;
        if (observations.length != n * network.inputSize()) {
            throw new IllegalArgumentException(n + " observations of " + observationSpace + " need "
                    + n * network.inputSize() + " floats, got " + observations.length);
        }
        if (logits.length < n * numActions) {
            logits = new float[n * numActions];
            values = new float[n];
            logProbs = new float[n];
        }
        network.evaluate(observations, n, logits, sampling == Sampling.TRAINING ? values : null);
        for (int i = 0; i < n; i++) {
            int offset = i * numActions;
            int best = 0;
            float max = logits[offset];
            for (int a = 1; a < numActions; a++) {
                if (logits[offset + a] > max) {
                    max = logits[offset + a];
                    best = a;
                }
            }
            if (sampling == Sampling.GREEDY) {
                actions[i] = actionSpace.start() + best;
                continue;
            }
            double sum = 0;
            for (int a = 0; a < numActions; a++) {
                sum += Math.exp(logits[offset + a] - max);
            }
            RandomGenerator draw = sampling == Sampling.TRAINING ? random : generators[i];
            double u = draw.nextDouble() * sum;
            int chosen = numActions - 1;
            double cumulative = 0;
            for (int a = 0; a < numActions; a++) {
                cumulative += Math.exp(logits[offset + a] - max);
                if (u < cumulative) {
                    chosen = a;
                    break;
                }
            }
            if (sampling == Sampling.TRAINING) {
                logProbs[i] = (float) (logits[offset + chosen] - max - Math.log(sum));
            }
            actions[i] = actionSpace.start() + chosen;
        }
    }

    /** Seeds the generator, DJL's engine and the initial weights from {@code seed}, and sizes the rollout. */
    @Override
    public void beginRun(VectorEnv env, long seed) {
        requireSpaces(env);
        random = Pcg64.seeded(seed);
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        network.initialize(random.nextLong() >>> 1);
        requireMinibatchMemory(env.numEnvs());
        rollout = new Rollout(config.numSteps(), env.numEnvs(), network.inputSize());
    }

    /** Refuses, before the rollout is allocated, minibatches whose activations could not fit (see MemoryBudget). */
    private void requireMinibatchMemory(int numEnvs) {
        long rows = (long) config.numSteps() * numEnvs;
        long minibatch = Math.max(1, rows / config.numMinibatches());
        int[] shape = observationSpace.shape();
        long cells = shape.length == 3 ? (long) shape[1] * shape[2] : 1;
        long widest = observationSpace.size();
        for (int w : config.hiddenSizes()) {
            widest = Math.max(widest, w);
        }
        if (config.network() == PolicyNetwork.IMPALA) {
            widest = Math.max(widest, config.hiddenSize());
            for (int depth : config.convDepths()) {
                widest = Math.max(widest, depth * cells);
            }
        }
        MemoryBudget.requireActivations("ppo config: minibatches of numSteps " + config.numSteps() + " x " + numEnvs
                + " env copies / numMinibatches " + config.numMinibatches() + " = " + minibatch + " rows x the "
                + "widest layer's " + widest + " outputs", MemoryBudget.times(minibatch, widest),
                "raise numMinibatches, or lower numSteps or --num-envs");
    }

    @Override
    public void requireSpaces(VectorEnv env) {
        if (!observationSpace.equals(env.singleObservationSpace())) {
            throw new UserInputException("agent observes " + observationSpace
                    + " but the env's observation space is " + env.singleObservationSpace());
        }
        TrainingArguments.requireActionSpace(actionSpace, env.singleActionSpace());
    }

    /** Stores one vector step of the rollout, with the log-probabilities and values of the last exploring act. */
    @Override
    public void observe(Transitions t) {
        Rollout r = rollout;
        int n = t.numEnvs();
        int base = r.position * n;
        System.arraycopy(t.observations(), 0, r.observations, base * r.observationSize, n * r.observationSize);
        for (int i = 0; i < n; i++) {
            int row = base + i;
            r.actions[row] = t.action(i) - actionSpace.start();
            r.logProbs[row] = logProbs[i];
            r.values[row] = values[i];
            r.rewards[row] = (float) t.reward(i);
            r.terminated[row] = t.terminated(i);
            r.truncated[row] = t.truncated(i);
            r.valid[row] = t.valid(i);
        }
        r.position++;
        lastNextObservations = t.nextObservations();
    }

    /** Learns from the rollout once it is full. */
    @Override
    public void update() {
        if (!rollout.full()) {
            return;
        }
        int n = rollout.numEnvs;
        float[] nextValues = new float[n];
        float[] ignored = new float[n * numActions];
        network.evaluate(lastNextObservations, n, ignored, nextValues);
        rollout.computeAdvantages(nextValues, config.gamma(), config.gaeLambda());
        learn();
        rollout.position = 0;
        iterations++;
        network.refreshMirror();
    }

    @Override
    public boolean atBoundary() {
        return rollout == null || rollout.position == 0;
    }

    /** CleanRL's schedule: the rate falls linearly from the configured one to 0 over the run's rollouts. */
    private double currentLearningRate() {
        if (!config.annealLr()) {
            return config.learningRate();
        }
        long perRollout = (long) config.numSteps() * rollout.numEnvs;
        long total = Math.max(1, (loop.totalSteps() + perRollout - 1) / perRollout);
        return config.learningRate() * Math.max(0.0, 1.0 - (double) iterations / total);
    }

    private void learn() {
        Rollout r = rollout;
        int[] rows = new int[r.rows()];
        int count = 0;
        for (int row = 0; row < r.rows(); row++) {
            if (r.valid[row]) {
                rows[count++] = row;
            }
        }
        double rate = currentLearningRate();
        learningRate.value = (float) rate;
        int size = r.observationSize;
        int minibatch = Math.max(1, (count + config.numMinibatches() - 1) / config.numMinibatches());
        double[] sums = new double[5];
        int minibatches = 0;
        for (int epoch = 0; epoch < config.updateEpochs(); epoch++) {
            for (int i = count - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = rows[i];
                rows[i] = rows[j];
                rows[j] = swap;
            }
            for (int start = 0; start < count; start += minibatch) {
                int b = Math.min(minibatch, count - start);
                float[] obs = new float[b * size];
                float[] actions = new float[b];
                float[] oldLogProbs = new float[b];
                float[] advantages = new float[b];
                float[] returns = new float[b];
                float[] oldValues = new float[b];
                for (int k = 0; k < b; k++) {
                    int row = rows[start + k];
                    System.arraycopy(r.observations, row * size, obs, k * size, size);
                    actions[k] = r.actions[row];
                    oldLogProbs[k] = r.logProbs[row];
                    advantages[k] = r.advantages[row];
                    returns[k] = r.returns[row];
                    oldValues[k] = r.values[row];
                }
                if (config.normAdv()) {
                    normalize(advantages);
                }
                double[] terms = gradientStep(obs, actions, oldLogProbs, advantages, returns, oldValues, b);
                for (int k = 0; k < sums.length; k++) {
                    sums[k] += terms[k];
                }
                minibatches++;
            }
        }
        statistics = new Statistics(rate, sums[0] / minibatches, sums[1] / minibatches, sums[2] / minibatches,
                sums[3] / minibatches, sums[4] / minibatches, explainedVariance(r, rows, count));
    }

    /** CleanRL's {@code (a − mean) / (std + 1e-8)}, with PyTorch's unbiased standard deviation. */
    static void normalize(float[] values) {
        if (values.length < 2) {
            return;
        }
        double mean = 0;
        for (float v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (float v : values) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / (values.length - 1));
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((values[i] - mean) / (std + 1e-8));
        }
    }

    private static double explainedVariance(Rollout r, int[] rows, int count) {
        double meanReturn = 0;
        double meanError = 0;
        for (int k = 0; k < count; k++) {
            meanReturn += r.returns[rows[k]];
            meanError += r.returns[rows[k]] - r.values[rows[k]];
        }
        meanReturn /= Math.max(1, count);
        meanError /= Math.max(1, count);
        double varReturn = 0;
        double varError = 0;
        for (int k = 0; k < count; k++) {
            int row = rows[k];
            varReturn += Math.pow(r.returns[row] - meanReturn, 2);
            varError += Math.pow(r.returns[row] - r.values[row] - meanError, 2);
        }
        return varReturn == 0 ? Double.NaN : 1 - varError / varReturn;
    }

    /** One Adam step on a minibatch; returns [policy loss, value loss, entropy, approx KL, clip fraction]. */
    private double[] gradientStep(float[] obs, float[] actions, float[] oldLogProbs, float[] advantages,
                                  float[] returns, float[] oldValues, int b) {
        double[] out = new double[5];
        // Every temporary of the step lives in this scope: without it native memory grows without bound.
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = network.input(scope, obs, b);
            NDArray a = scope.create(actions);
            NDArray oldLogP = scope.create(oldLogProbs);
            NDArray adv = scope.create(advantages);
            NDArray ret = scope.create(returns);
            NDArray oldV = scope.create(oldValues);
            PpoLoss.Terms[] terms = new PpoLoss.Terms[1];
            Autograd.backward(() -> {
                NDList output = network.forward(x, true);
                terms[0] = PpoLoss.compute(output.get(0), output.get(1).reshape(b), a, oldLogP, adv, ret, oldV,
                        config);
                return terms[0].loss();
            });
            List<Parameter> parameters = network.parameters();
            List<NDArray> gradients = Gradients.of(parameters, scope);
            double norm = Gradients.globalNorm(gradients);
            if (!Double.isFinite(norm)) {
                throw new TrainingDivergedException("PPO loss diverged (gradient norm " + norm + ") at env step "
                        + loop.steps() + ", gradient step " + updates + "; training stopped before the update, so "
                        + "the last checkpoint is intact. Check the env's rewards, or lower learningRate");
            }
            Gradients.apply(parameters, gradients, optimizer, Gradients.clipFactor(norm, config.maxGradNorm()));
            PpoLoss.Terms t = terms[0];
            out[0] = t.policyLoss().getFloat();
            out[1] = t.valueLoss().getFloat();
            out[2] = t.entropy().getFloat();
            out[3] = t.approxKl().getFloat();
            out[4] = t.clipFraction().getFloat();
        }
        updates++;
        return out;
    }

    /** Saves between rollouts only (where the loop pauses), so the checkpoint holds no half rollout. */
    @Override
    public void save(Path dir, Checkpoints.DirectoryWriter runFiles) {
        if (!atBoundary()) {
            throw new IllegalStateException("PPO saves between rollouts; the rollout is at step " + rollout.position);
        }
        JsonNode hyperparameters = Checkpoints.JSON.valueToTree(config);
        State state = new State(observationSpace.shape(), observationSpace.low(), observationSpace.high(),
                actionSpace.n(), actionSpace.start(), updates, iterations, random.state(), Engine.getDjlVersion(),
                Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        Manifest manifest = Manifest.of(KIND, envId, loop.steps(), loop.episodes(), hyperparameters);
        Checkpoints.writeAtomically(dir, manifest, tmp -> {
            Checkpoints.writeJson(tmp.resolve(STATE_FILE), state);
            network.save(tmp.resolve(NETWORK_FILE));
            AdamMoments.write(optimizer, network.parameters(), tmp.resolve(ADAM_FILE));
            loop.write(tmp);
            runFiles.write(tmp);
        });
    }

    /**
     * The agent saved at {@code dir}, ready to act or to resume training where it stopped.
     *
     * @throws CheckpointException naming the file if a file is missing or corrupt
     */
    public static PpoAgent load(Path dir) {
        Manifest manifest = Checkpoints.readManifest(dir, KIND);
        Path stateFile = dir.resolve(STATE_FILE);
        PpoConfig config = Checkpoints.readHyperparameters(dir, manifest, PpoConfig.class);
        State state = Checkpoints.readJson(stateFile, State.class);
        TrainingLoop loop = TrainingLoop.read(dir, manifest.steps(), manifest.episodes());
        PpoAgent agent = Checkpoints.fromFile(stateFile, () -> new PpoAgent(manifest.envId(),
                new Box(state.low(), state.high(), state.observationShape()),
                new Discrete(state.actions(), state.actionStart()), config));
        try {
            agent.random = Pcg64.restore(state.rng());
            agent.network.load(dir.resolve(NETWORK_FILE));
            agent.optimizer = agent.newOptimizer(state.updates());
            AdamMoments.read(dir.resolve(ADAM_FILE), agent.optimizer, agent.network.parameters(),
                    agent.network.manager());
            agent.updates = state.updates();
            agent.iterations = state.iterations();
            agent.loop = loop;
            if (loop.seed() != null) {
                agent.requireMinibatchMemory(loop.numEnvs());
                agent.rollout = new Rollout(config.numSteps(), loop.numEnvs(), agent.network.inputSize());
            }
            return agent;
        } catch (RuntimeException e) {
            agent.close();
            if (e instanceof CheckpointException) {
                throw e;
            }
            throw new CheckpointException("corrupt checkpoint in " + dir + ": " + Checkpoints.rootMessage(e), e);
        }
    }


    /** Frees the network's native memory. The agent cannot be used afterwards. */
    @Override
    public void close() {
        manager.close();
    }

    /** A learning rate the agent sets before each rollout's update (DJL's trackers are fixed schedules). */
    private static final class MutableRate implements Tracker {
        float value;

        @Override
        public float getNewValue(int numUpdate) {
            return value;
        }
    }

    /** {@code agent.json}: what the manifest does not hold. The two versions are informational. */
    private record State(int[] observationShape, float[] low, float[] high, int actions, int actionStart,
                         long updates, long iterations, long[] rng, String djlVersion, String engine) {
    }
}
