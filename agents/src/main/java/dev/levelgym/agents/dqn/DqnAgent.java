package dev.levelgym.agents.dqn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deep Q-learning (Mnih et al. 2015) with a replay buffer and a target network, as Stable-Baselines3's {@code DQN}
 * and CleanRL's {@code dqn.py}, on DJL's PyTorch engine. Box observations (flat, or C×H×W for the CONV network),
 * Discrete actions.
 *
 * <p>The loop, per env step: act ε-greedily (uniformly at random for the first {@code learningStarts} steps), store
 * the transition, every {@code targetUpdateInterval} steps update the target network, and every {@code trainFreq}
 * steps (once past {@code learningStarts}) take {@code gradientSteps} gradient steps on batches drawn from the
 * buffer. The TD target is {@code r + γ (1 − terminated) max_a' Q_target(s', a')}: it bootstraps on truncation (a
 * time limit does not make the state's value zero) and not on termination. With {@code nSteps} n &gt; 1 the
 * transitions are n-step ones ({@link NStepWindow}): the n rewards discounted and summed, bootstrapping with γ^n.
 *
 * <p>Trains on the shared {@link TrainingLoop}, over one or N env copies with one batched forward pass for the
 * copies that act greedily. Every schedule counts env steps (N per vector step): ε, {@code learningStarts},
 * {@code trainFreq} and {@code targetUpdateInterval} fall on the same env steps whatever N is.
 *
 * <p>Determinism: one generator (PCG64, seeded by the run's seed) draws exploration and the replay samples; the
 * loop draws the episodes' seeds; the network's initial weights are drawn from PCG64 too, and DJL's engine is
 * seeded with the same seed. On CPU two runs with the same seed gave identical results in our tests (see
 * {@code DqnAgentTest}).
 *
 * <p>Checkpoints hold the config, counters, both networks, the replay buffer, the generator, the n-step windows of
 * the episodes in progress, the loop's state (which rebuilds the envs on resume), and Adam's state: its step count
 * (through DJL's public {@code optBeginNumUpdate}) and its moment estimates (which DJL keeps private; see
 * {@link AdamMoments}). Training on after a load is therefore the same run, bit for bit on CPU, as an
 * uninterrupted call (see {@code DqnResumeTest}).
 *
 * <p>Holds native memory: {@link #close()} it when done.
 */
public final class DqnAgent implements Learner<float[]>, AutoCloseable {

    public static final String KIND = "dqn";

    private static final String STATE_FILE = "agent.json";
    private static final String ONLINE_FILE = "q-network.params";
    private static final String TARGET_FILE = "target-network.params";
    private static final String BUFFER_FILE = "replay-buffer.bin";
    private static final String ADAM_FILE = "adam-moments.ndlist";

    private final String envId;
    private final Box observationSpace;
    private final Discrete actionSpace;
    private final DqnConfig config;
    private final int numActions;

    private final NDManager manager;
    private final QNetwork online;
    private final QNetwork target;
    private Optimizer optimizer;
    private final ReplayBuffer buffer;
    private final ReplayBuffer.Batch batch;
    /** One n-step window per env copy. */
    private NStepWindow[] windows = new NStepWindow[0];

    /** Seeded 0 only so that {@code act(o, true)} works before training; the run's seed reseeds it. */
    private Pcg64 random = Pcg64.seeded(0);
    private TrainingLoop loop = new TrainingLoop();
    private long updates;
    /** The loop's step count when {@link #update} last ran (not saved: a checkpoint is always taken after it). */
    private long checkedSteps;
    /** True when the online network changed since the target last copied it (a hard copy is skipped otherwise). */
    private boolean targetStale;
    /** Wall time spent in gradient steps by this object (not saved), for throughput numbers. */
    private long updateNanos;
    private int[] greedyRows = new int[0];
    private int[] greedyActions = new int[0];

    private DqnAgent(String envId, Box observationSpace, Discrete actionSpace, DqnConfig config) {
        this.envId = Objects.requireNonNull(envId, "envId");
        this.observationSpace = Objects.requireNonNull(observationSpace, "observationSpace");
        this.actionSpace = Objects.requireNonNull(actionSpace, "actionSpace");
        this.config = Objects.requireNonNull(config, "config");
        this.numActions = actionSpace.n();
        requireMemory(config, observationSpace);
        this.buffer = new ReplayBuffer(config.bufferSize(), observationSpace.size());
        this.batch = new ReplayBuffer.Batch(config.batchSize(), observationSpace.size());
        this.manager = Libtorch.newManager();
        try {
            this.online = new QNetwork(manager, observationSpace.shape(), numActions, config);
            this.target = new QNetwork(manager, observationSpace.shape(), numActions, config);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        initializeNetworks(0);
        this.optimizer = newOptimizer(config, 0);
    }

    /** Refuses a config whose buffer or batches could not fit, before any is allocated (see {@link DqnConfig}). */
    private static void requireMemory(DqnConfig config, Box observationSpace) {
        long floats = observationSpace.size();
        long transition = MemoryBudget.times(floats, 8) + 12; // two observations, action, reward, discount
        MemoryBudget.requireHeap("dqn config: a replay buffer of bufferSize " + config.bufferSize()
                        + " transitions of " + floats + "-float observations (and a batch of batchSize "
                        + config.batchSize() + ")",
                MemoryBudget.times(transition, (long) config.bufferSize() + config.batchSize()),
                "lower bufferSize");
        MemoryBudget.requireActivations("dqn config: batchSize " + config.batchSize() + " x an observation of "
                + floats + " floats", MemoryBudget.times(config.batchSize(), floats), "lower batchSize");
        int[] shape = observationSpace.shape();
        long cells = shape.length == 3 ? (long) shape[1] * shape[2] : 1;
        long widest = 0;
        for (int w : config.hiddenSizes()) {
            widest = Math.max(widest, w);
        }
        if (config.networkType() != NetworkType.MLP) {
            for (int c : config.convChannels()) {
                widest = Math.max(widest, c * cells);
            }
        }
        if (config.networkType() == NetworkType.VALUE_ITERATION
                || config.networkType() == NetworkType.VALUE_PROPAGATION) {
            widest = Math.max(widest, config.planChannels() * cells);
        }
        MemoryBudget.requireActivations("dqn config: batchSize " + config.batchSize() + " x the widest layer's "
                + widest + " outputs", MemoryBudget.times(config.batchSize(), widest), "lower batchSize or the "
                + "layer widths");
    }

    /**
     * An untrained agent for {@code env}: reads the observation Box (its shape decides the network's input) and
     * the Discrete action space.
     *
     * @throws IllegalArgumentException if the spaces are not a Box and a Discrete, or CONV is asked of a Box that
     *                                  is not C×H×W
     */
    public static DqnAgent create(String envId, Env<float[], Integer> env, DqnConfig config) {
        if (!(env.observationSpace() instanceof Box box)) {
            throw new UserInputException("DQN needs a Box observation space, got " + env.observationSpace());
        }
        if (!(env.actionSpace() instanceof Discrete discrete)) {
            throw new UserInputException("DQN needs a Discrete action space, got " + env.actionSpace());
        }
        return new DqnAgent(envId, box, discrete, config);
    }

    /** @param updatesDone Adam steps already taken (its bias-correction count), non-zero when resuming */
    private static Optimizer newOptimizer(DqnConfig config, long updatesDone) {
        // Fixed learning rate and PyTorch's Adam defaults (β 0.9/0.999, ε 1e-8), as SB3. DJL's clipGrad clips each
        // element, not the norm, so norm clipping is done by hand in applyGradients.
        return Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                .optBeginNumUpdate(Math.toIntExact(updatesDone)).build();
    }

    private void initializeNetworks(long networkSeed) {
        online.initialize(networkSeed);
        target.copyFrom(online);
        targetStale = false;
    }

    public DqnConfig config() {
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

    /** Gradient steps taken so far, over the agent's life. */
    @Override
    public long updates() {
        return updates;
    }

    /** Transitions in the replay buffer. */
    public int bufferSize() {
        return buffer.size();
    }

    /** Seconds this object has spent in gradient steps (not carried across save and load). */
    public double updateSeconds() {
        return updateNanos / 1e9;
    }

    /** Native arrays held by the agent's managers (networks, optimizer state), to check for leaks. */
    int nativeArrays() {
        return manager.getManagedArrays().size();
    }

    /** The online network's Q-values for one observation. */
    public float[] qValues(float[] observation) {
        requireObservation(observation);
        return online.qValues(observation);
    }

    @Override
    public Integer act(float[] observation, boolean explore) {
        requireObservation(observation);
        int index;
        if (explore) {
            // Always draw u, so the stream's position does not depend on ε or on the warm-up.
            double u = random.nextDouble();
            index = warmingUp() || u < epsilon() ? random.nextInt(numActions) : online.greedyAction(observation);
        } else {
            index = online.greedyAction(observation);
        }
        return actionSpace.start() + index;
    }

    private void requireObservation(float[] observation) {
        if (observation.length != observationSpace.size()) {
            throw new IllegalArgumentException("observation has " + observation.length + " floats, the agent's "
                    + observationSpace + " has " + observationSpace.size());
        }
    }

    private double epsilon() {
        return config.epsilon(loop.steps(), loop.totalSteps());
    }

    private boolean warmingUp() {
        return loop.steps() < config.learningStarts();
    }

    /**
     * ε-greedy (uniform before {@code learningStarts}) for each copy: one uniform draw per copy, in copy order, then
     * one forward pass for the copies that act greedily.
     */
    @Override
    public void actBatch(float[] observations, boolean explore, int[] actions) {
        int n = actions.length;
        int size = observationSpace.size();
        if (observations.length != n * size) {
            throw new IllegalArgumentException(n + " observations of " + observationSpace + " need " + n * size
                    + " floats, got " + observations.length);
        }
        if (greedyRows.length < n) {
            greedyRows = new int[n];
            greedyActions = new int[n];
        }
        int count = 0;
        double epsilon = epsilon();
        boolean uniform = warmingUp();
        for (int i = 0; i < n; i++) {
            if (explore) {
                double u = random.nextDouble();
                if (uniform || u < epsilon) {
                    actions[i] = actionSpace.start() + random.nextInt(numActions);
                    continue;
                }
            }
            greedyRows[count++] = i;
        }
        online.greedyActions(observations, size, greedyRows, count, greedyActions);
        for (int k = 0; k < count; k++) {
            actions[greedyRows[k]] = actionSpace.start() + greedyActions[k];
        }
    }

    @Override
    public TrainingLoop loop() {
        return loop;
    }

    /** Seeds the generator, DJL's engine and the initial weights from {@code seed}. */
    @Override
    public void beginRun(VectorEnv env, long seed) {
        requireSpaces(env);
        random = Pcg64.seeded(seed);
        // Nothing we run draws from the engine's generator (weights come from PCG64), but seed it so that anything
        // added later is reproducible too.
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        initializeNetworks(random.nextLong() >>> 1);
        windows = newWindows(env.numEnvs());
        checkedSteps = 0;
    }

    private NStepWindow[] newWindows(int count) {
        NStepWindow[] w = new NStepWindow[count];
        for (int i = 0; i < count; i++) {
            w[i] = new NStepWindow(config.nSteps(), config.gamma(), observationSpace.size());
        }
        return w;
    }

    @Override
    public void requireSpaces(VectorEnv env) {
        if (!observationSpace.equals(env.singleObservationSpace())) {
            throw new UserInputException("agent observes " + observationSpace
                    + " but the env's observation space is " + env.singleObservationSpace());
        }
        TrainingArguments.requireActionSpace(actionSpace, env.singleActionSpace());
    }

    /**
     * Stores the copies' transitions through their n-step windows. On truncation the next observation is the
     * episode's last real state (the autoreset comes a step later), so s' is right and the target bootstraps.
     */
    @Override
    public void observe(Transitions t) {
        for (int i = 0; i < t.numEnvs(); i++) {
            if (!t.valid(i)) {
                windows[i].clear();
                continue;
            }
            windows[i].step(t.observations(), t.offset(i), t.action(i) - actionSpace.start(), (float) t.reward(i),
                    t.nextObservations(), t.offset(i), t.terminated(i), t.truncated(i), buffer);
        }
    }

    /**
     * For every env step since the last call, in order: a target update every {@code targetUpdateInterval} steps,
     * and past {@code learningStarts} a training phase every {@code trainFreq} steps.
     */
    @Override
    public void update() {
        long now = loop.steps();
        for (long s = checkedSteps + 1; s <= now; s++) {
            if (s % config.targetUpdateInterval() == 0) {
                updateTarget();
            }
            if (s > config.learningStarts() && s % config.trainFreq() == 0) {
                trainPhase();
            }
        }
        checkedSteps = now;
    }

    /** SB3's polyak_update: a copy when τ = 1 (skipped if the online network has not changed), else a mix. */
    private void updateTarget() {
        if (config.tau() >= 1.0) {
            if (targetStale) {
                target.copyFrom(online);
                targetStale = false;
            }
        } else {
            target.mixFrom(online, (float) config.tau());
        }
    }

    private void trainPhase() {
        long start = System.nanoTime();
        for (int i = 0; i < config.gradientSteps(); i++) {
            gradientStep();
        }
        // act() reads the Java copy of the weights; refreshing once per phase keeps acting off DJL.
        online.refreshMirror();
        targetStale = true;
        updateNanos += System.nanoTime() - start;
    }

    /** One Adam step on the TD loss of a sampled batch. */
    private void gradientStep() {
        buffer.sample(random, batch);
        int n = config.batchSize();
        // Every temporary of the step lives in this scope: without it native memory grows without bound.
        try (NDManager scope = manager.newSubManager()) {
            NDArray observations = scope.create(batch.observations, online.batchShape(n));
            NDArray nextObservations = scope.create(batch.nextObservations, online.batchShape(n));
            NDArray actions = scope.create(batch.actions);
            NDArray rewards = scope.create(batch.rewards);
            NDArray discounts = scope.create(batch.discounts);

            NDArray targets;
            if (bootstraps(batch.discounts)) {
                NDArray nextQTarget = target.forward(nextObservations, false);
                NDArray nextQOnline = config.doubleDqn() ? online.forward(nextObservations, false) : null;
                targets = tdTargets(rewards, discounts, nextQTarget, nextQOnline).stopGradient();
            } else {
                // Every transition ended in a termination, or γ is 0: r + 0 · Q(s') is r, bit for bit, and the two
                // forward passes over s' would be most of the step's cost (a VIN at γ = 0 skips them always).
                targets = rewards;
            }

            NDArray oneHot = actions.oneHot(numActions);
            Autograd.backward(() -> {
                NDArray q = online.forward(observations, true);
                return loss(q.mul(oneHot).sum(new int[] {1}), targets, config.loss());
            });
            applyGradients(scope);
        }
        updates++;
    }

    private static boolean bootstraps(float[] discounts) {
        for (float d : discounts) {
            if (d != 0f) {
                return true;
            }
        }
        return false;
    }

    /**
     * TD targets {@code r + d Q_target(s', a*)}, with {@code a*} the argmax of the target network (DQN) or, when
     * {@code nextQOnline} is given, of the online network (Double DQN).
     *
     * @param rewards     the (n-step discounted) reward sums
     * @param discounts   d per transition: 0 after a termination, γ^k after k steps otherwise, so truncated
     *                    transitions bootstrap
     * @param nextQTarget target network's Q(s', ·), shape (batch, actions)
     * @param nextQOnline online network's Q(s', ·) for Double DQN, or null
     */
    static NDArray tdTargets(NDArray rewards, NDArray discounts, NDArray nextQTarget, NDArray nextQOnline) {
        NDArray nextValue;
        if (nextQOnline == null) {
            nextValue = nextQTarget.max(new int[] {1});
        } else {
            int actions = Math.toIntExact(nextQTarget.getShape().get(1));
            NDArray best = nextQOnline.argMax(1).oneHot(actions);
            nextValue = nextQTarget.mul(best).sum(new int[] {1});
        }
        return rewards.add(nextValue.mul(discounts));
    }

    /** The batch mean of Huber (δ = 1, PyTorch's smooth_l1_loss) or squared error. */
    static NDArray loss(NDArray prediction, NDArray target, LossFunction loss) {
        NDArray error = prediction.sub(target);
        if (loss == LossFunction.MSE) {
            return error.square().mean();
        }
        // Huber without a branch: with m = min(|e|, 1), 0.5 m² + (|e| − m) is 0.5 e² inside and |e| − 0.5 outside.
        // The constants are tensors libtorch allocates (full), not minimum(1f) and mul(0.5f): DJL makes those
        // operands over a Java direct buffer it drops when the op returns, autograd keeps them for the backward
        // pass, and a GC in between frees the buffer, so the gradient read freed memory (docs/determinism.md).
        NDManager manager = prediction.getManager();
        NDArray one = manager.full(new Shape(), 1f);
        NDArray half = manager.full(new Shape(), 0.5f);
        NDArray absolute = error.abs();
        NDArray inside = absolute.minimum(one);
        return inside.square().mul(half).add(absolute.sub(inside)).mean();
    }

    /** Clips the global gradient norm as PyTorch's clip_grad_norm_, steps Adam, and clears the gradients. */
    private void applyGradients(NDManager scope) {
        List<Parameter> parameters = online.parameters();
        List<NDArray> gradients = Gradients.of(parameters, scope);
        double norm = Gradients.globalNorm(gradients);
        if (!Double.isFinite(norm)) {
            // Applying it would turn every weight into NaN; stop while the network and checkpoints are still good.
            throw new TrainingDivergedException("DQN loss diverged (gradient norm " + norm + ") at env step "
                    + loop.steps() + ", gradient step " + updates + "; training stopped before the update, so the "
                    + "last checkpoint is intact. Check the env's rewards, or lower learningRate or maxGradNorm");
        }
        Gradients.apply(parameters, gradients, optimizer, Gradients.clipFactor(norm, config.maxGradNorm()));
    }

    @Override
    public void save(Path dir, Checkpoints.DirectoryWriter runFiles) {
        JsonNode hyperparameters = Checkpoints.JSON.valueToTree(config);
        List<NStepWindow.Pending> pending = new ArrayList<>();
        for (NStepWindow w : windows) {
            pending.add(w.pending());
        }
        State state = new State(observationSpace.shape(), observationSpace.low(), observationSpace.high(),
                actionSpace.n(), actionSpace.start(), updates, random.state(), pending, Engine.getDjlVersion(),
                Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        Manifest manifest = Manifest.of(KIND, envId, loop.steps(), loop.episodes(), hyperparameters);
        Checkpoints.writeAtomically(dir, manifest, tmp -> {
            Checkpoints.writeJson(tmp.resolve(STATE_FILE), state);
            online.save(tmp.resolve(ONLINE_FILE));
            target.save(tmp.resolve(TARGET_FILE));
            buffer.write(tmp.resolve(BUFFER_FILE));
            AdamMoments.write(optimizer, online.parameters(), tmp.resolve(ADAM_FILE));
            loop.write(tmp);
            runFiles.write(tmp);
        });
    }

    /**
     * The agent saved at {@code dir}, ready to act or to resume training exactly where it stopped.
     *
     * @throws CheckpointException naming the file if a file is missing or corrupt
     */
    public static DqnAgent load(Path dir) {
        Manifest manifest = Checkpoints.readManifest(dir, KIND);
        Path stateFile = dir.resolve(STATE_FILE);
        DqnConfig config = Checkpoints.readHyperparameters(dir, manifest, DqnConfig.class);
        State state = Checkpoints.readJson(stateFile, State.class);
        TrainingLoop loop = TrainingLoop.read(dir, manifest.steps(), manifest.episodes());
        DqnAgent agent = Checkpoints.fromFile(stateFile, () -> new DqnAgent(manifest.envId(),
                new Box(state.low(), state.high(), state.observationShape()),
                new Discrete(state.actions(), state.actionStart()), config));
        try {
            agent.random = Pcg64.restore(state.rng());
            agent.online.load(dir.resolve(ONLINE_FILE));
            agent.target.load(dir.resolve(TARGET_FILE));
            agent.buffer.read(dir.resolve(BUFFER_FILE));
            agent.optimizer = newOptimizer(config, state.updates());
            AdamMoments.read(dir.resolve(ADAM_FILE), agent.optimizer, agent.online.parameters(),
                    agent.online.manager());
            agent.updates = state.updates();
            agent.loop = loop;
            agent.checkedSteps = loop.steps();
            agent.targetStale = true;
            List<NStepWindow.Pending> pending = state.windows() == null ? List.of() : state.windows();
            if (loop.seed() != null && pending.size() != loop.numEnvs()) {
                throw new CheckpointException("corrupt checkpoint file " + stateFile + ": " + pending.size()
                        + " n-step windows for " + loop.numEnvs() + " env copies");
            }
            agent.windows = agent.newWindows(pending.size());
            for (int i = 0; i < pending.size(); i++) {
                for (int a : pending.get(i).actions()) {
                    if (a < 0 || a >= agent.numActions) {
                        throw new CheckpointException("corrupt checkpoint file " + stateFile + ": action " + a
                                + " out of range");
                    }
                }
                agent.windows[i].restore(pending.get(i));
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



    /** Frees the networks' native memory. The agent cannot be used afterwards. */
    @Override
    public void close() {
        manager.close();
    }

    /**
     * {@code agent.json}: what the manifest does not hold. The two versions are informational; the fields of
     * checkpoints written before the training loop (their episode in progress) are ignored.
     */
    @JsonIgnoreProperties({"seed", "scheduleSteps", "episode"})
    private record State(int[] observationShape, float[] low, float[] high, int actions, int actionStart,
                         long updates, long[] rng, List<NStepWindow.Pending> windows, String djlVersion,
                         String engine) {
    }
}
