package dev.levelgym.agents.dqn;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.Episode;
import dev.levelgym.agents.EpisodeListener;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.TrainingDivergedException;
import dev.levelgym.agents.TrainingArguments;
import dev.levelgym.agents.TrainingResult;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.checkpoint.Manifest;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Determinism: one generator (PCG64, seeded by {@code train}'s seed) draws exploration, every episode's reset
 * seed and the replay samples; the network's initial weights are drawn from PCG64 too, and DJL's engine is seeded
 * with the same seed. On CPU two runs with the same seed gave identical results in our tests (see
 * {@code DqnAgentTest}).
 *
 * <p>Checkpoints hold the config, counters, both networks, the replay buffer, the generator and the episode in
 * progress (rebuilt on resume by resetting with its seed and replaying its actions, as {@code QLearningAgent}
 * does), and Adam's state: its step count (through DJL's public {@code optBeginNumUpdate}) and its moment estimates
 * (which DJL keeps private; see {@link AdamMoments}). Training on after a load is therefore the same run, bit for
 * bit on CPU, as an uninterrupted call (see {@code DqnResumeTest}).
 *
 * <p>Holds native memory: {@link #close()} it when done.
 */
public final class DqnAgent implements TrainableAgent<float[]>, AutoCloseable {

    public static final String KIND = "dqn";

    /**
     * DJL's PyTorch engine allows one open GradientCollector per process ("A PtGradientCollector is already
     * collecting"), so agents training in parallel threads (a benchmark grid) take turns for the backward pass.
     * Each agent's arithmetic is unchanged, so results stay the same per seed.
     */
    private static final Object GRADIENT_COLLECTOR_LOCK = new Object();
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
    private final NStepWindow window;

    /** Seeded 0 only so that {@code act(o, true)} works before training; the first {@code train} reseeds it. */
    private Pcg64 random = Pcg64.seeded(0);
    /** The seed of the training run, null before the first {@code train}. */
    private Long seed;
    private long scheduleSteps;
    private long steps;
    private long updates;
    private long episodes;
    /** True when the online network changed since the target last copied it (a hard copy is skipped otherwise). */
    private boolean targetStale;
    /** The episode in progress, or null between episodes. */
    private EpisodeProgress current;
    /** Wall time spent in gradient steps by this object (not saved), for throughput numbers. */
    private long updateNanos;

    private DqnAgent(String envId, Box observationSpace, Discrete actionSpace, DqnConfig config) {
        this.envId = Objects.requireNonNull(envId, "envId");
        this.observationSpace = Objects.requireNonNull(observationSpace, "observationSpace");
        this.actionSpace = Objects.requireNonNull(actionSpace, "actionSpace");
        this.config = Objects.requireNonNull(config, "config");
        this.numActions = actionSpace.n();
        this.buffer = new ReplayBuffer(config.bufferSize(), observationSpace.size());
        this.batch = new ReplayBuffer.Batch(config.batchSize(), observationSpace.size());
        this.window = new NStepWindow(config.nSteps(), config.gamma(), observationSpace.size());
        this.manager = NDManager.newBaseManager(Device.cpu());
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

    @Override
    public long steps() {
        return steps;
    }

    /** Gradient steps taken so far, over the agent's life. */
    @Override
    public long updates() {
        return updates;
    }

    public long episodes() {
        return episodes;
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
        int index = explore ? epsilonGreedy(observation, config.epsilon(steps, scheduleSteps), false)
                : online.greedyAction(observation);
        return actionSpace.start() + index;
    }

    private void requireObservation(float[] observation) {
        if (observation.length != observationSpace.size()) {
            throw new UserInputException("observation has " + observation.length + " floats, the agent's "
                    + observationSpace + " has " + observationSpace.size());
        }
    }

    /** Trains until the step counter reaches {@code totalSteps}; see the other overload. */
    public TrainingResult train(Env<float[], Integer> env, long totalSteps, long seed, EpisodeListener listener) {
        return train(env, totalSteps, seed, totalSteps, listener);
    }

    /**
     * Trains on {@code env} until the step counter reaches {@code stopAt} (at most {@code totalSteps}). ε follows
     * the linear schedule over {@code totalSteps}, so a run split into calls with the same {@code totalSteps}
     * follows the same schedule as one call.
     *
     * @param env  built as the one of earlier calls (same id and options); it is reset here
     * @param seed seeds the agent on its first call (generator, initial weights, DJL's engine); later calls must
     *             pass the same seed
     */
    @Override
    public TrainingResult train(Env<float[], Integer> env, long totalSteps, long seed, long stopAt,
                                EpisodeListener listener) {
        TrainingArguments.requireRun(totalSteps, stopAt, seed);
        if (!observationSpace.equals(env.observationSpace())) {
            throw new UserInputException("agent observes " + observationSpace
                    + " but the env's observation space is " + env.observationSpace());
        }
        TrainingArguments.requireActionSpace(actionSpace, env.actionSpace());
        TrainingArguments.requireSameSeed(this.seed, seed);
        if (this.seed == null) {
            this.seed = seed;
            random = Pcg64.seeded(seed);
            // Nothing we run draws from the engine's generator (weights come from PCG64), but seed it so that
            // anything added later is reproducible too.
            Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
            initializeNetworks(random.nextLong() >>> 1);
        }
        scheduleSteps = totalSteps;
        long limit = Math.min(stopAt, totalSteps);
        long finishedBefore = episodes;
        double returns = 0.0;

        float[] observation = current == null ? null : replay(env);
        while (steps < limit) {
            if (current == null) {
                current = new EpisodeProgress(random.nextLong() >>> 1);
                observation = env.reset(current.seed).observation();
                window.clear();
            }
            boolean warmingUp = steps < config.learningStarts();
            int action = epsilonGreedy(observation, config.epsilon(steps, totalSteps), warmingUp);
            StepResult<float[]> result = env.step(actionSpace.start() + action);
            steps++;
            current.record(action, result.reward());
            // On truncation the step's observation is the last real state (no auto-reset here), so s' is right.
            window.step(observation, action, (float) result.reward(), result.observation(), result.terminated(),
                    result.truncated(), buffer);

            if (steps % config.targetUpdateInterval() == 0) {
                updateTarget();
            }
            if (steps > config.learningStarts() && steps % config.trainFreq() == 0) {
                trainPhase();
            }

            if (result.done()) {
                Episode episode = new Episode(episodes, steps, current.totalReturn, current.length,
                        result.terminated());
                episodes++;
                returns += current.totalReturn;
                current = null;
                listener.onEpisode(episode);
            } else {
                observation = result.observation();
            }
        }
        long finished = episodes - finishedBefore;
        return new TrainingResult(steps, episodes, finished, finished == 0 ? Double.NaN : returns / finished);
    }

    /**
     * Brings a freshly reset env to the middle of the current episode, and the n-step window to where it was;
     * returns the current observation.
     */
    private float[] replay(Env<float[], Integer> env) {
        float[] observation = env.reset(current.seed).observation();
        window.clear();
        for (int i = 0; i < current.length; i++) {
            StepResult<float[]> result = env.step(actionSpace.start() + current.actions[i]);
            if (result.done()) {
                throw new UserInputException("replaying the interrupted episode ended it after " + (i + 1)
                        + " of " + current.length + " steps: the env is not the one this agent was trained on");
            }
            window.replayStep(observation, current.actions[i], (float) result.reward());
            observation = result.observation();
        }
        return observation;
    }

    private int epsilonGreedy(float[] observation, double epsilon, boolean uniform) {
        // Always draw u, so the stream's position does not depend on ε or on the warm-up.
        double u = random.nextDouble();
        return uniform || u < epsilon ? random.nextInt(numActions) : online.greedyAction(observation);
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

            synchronized (GRADIENT_COLLECTOR_LOCK) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray q = online.forward(observations, true);
                    NDArray qTaken = q.mul(actions.oneHot(numActions)).sum(new int[] {1});
                    collector.backward(loss(qTaken, targets, config.loss()));
                }
            }
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
        List<NDArray> gradients = new ArrayList<>(parameters.size());
        NDArray squaredNorm = null;
        for (Parameter parameter : parameters) {
            NDArray gradient = parameter.getArray().getGradient();
            // getGradient() makes a new handle on the weight's manager; scope it so it is freed with the step.
            gradient.attach(scope);
            gradients.add(gradient);
            NDArray sum = gradient.square().sum();
            squaredNorm = squaredNorm == null ? sum : squaredNorm.add(sum);
        }
        double norm = Math.sqrt(squaredNorm.getFloat());
        if (!Double.isFinite(norm)) {
            // Applying it would turn every weight into NaN; stop while the network and checkpoints are still good.
            throw new TrainingDivergedException("DQN loss diverged (gradient norm " + norm + ") at env step "
                    + steps + ", gradient step " + updates + "; training stopped before the update, so the last "
                    + "checkpoint is intact. Check the env's rewards, or lower learningRate or maxGradNorm");
        }
        double clip = config.maxGradNorm() / (norm + 1e-6);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray gradient = gradients.get(i);
            if (clip < 1.0) {
                gradient.muli((float) clip);
            }
            Parameter parameter = parameters.get(i);
            optimizer.update(parameter.getId(), parameter.getArray(), gradient);
            // PyTorch adds each backward() into .grad; zero it for the next step.
            gradient.subi(gradient);
        }
    }

    @Override
    public void save(Path dir) {
        JsonNode hyperparameters = Checkpoints.JSON.valueToTree(config);
        State state = new State(observationSpace.shape(), observationSpace.low(), observationSpace.high(),
                actionSpace.n(), actionSpace.start(), seed, scheduleSteps, updates, random.state(),
                current == null ? null : new SavedEpisode(current.seed,
                        Arrays.copyOf(current.actions, current.length), current.totalReturn),
                Engine.getDjlVersion(), Engine.getInstance().getEngineName() + " "
                        + Engine.getInstance().getVersion());
        Checkpoints.writeAtomically(dir, tmp -> {
            Checkpoints.writeManifest(tmp, Manifest.of(KIND, envId, steps, episodes, hyperparameters));
            Checkpoints.writeJson(tmp.resolve(STATE_FILE), state);
            online.save(tmp.resolve(ONLINE_FILE));
            target.save(tmp.resolve(TARGET_FILE));
            buffer.write(tmp.resolve(BUFFER_FILE));
            AdamMoments.write(optimizer, online.parameters(), tmp.resolve(ADAM_FILE));
        });
    }

    /**
     * The agent saved at {@code dir}, ready to act or to resume training exactly where it stopped.
     *
     * @throws CheckpointException naming the file if a file is missing or corrupt
     */
    public static DqnAgent load(Path dir) {
        Manifest manifest = Checkpoints.readManifest(dir, KIND);
        Path manifestFile = dir.resolve(Checkpoints.MANIFEST);
        Path stateFile = dir.resolve(STATE_FILE);
        DqnConfig config;
        try {
            config = Checkpoints.JSON.treeToValue(manifest.hyperparameters(), DqnConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new CheckpointException("corrupt checkpoint file " + manifestFile + ": bad hyperparameters: "
                    + rootMessage(e), e);
        }
        State state = Checkpoints.readJson(stateFile, State.class);
        DqnAgent agent;
        try {
            agent = new DqnAgent(manifest.envId(), new Box(state.low(), state.high(), state.observationShape()),
                    new Discrete(state.actions(), state.actionStart()), config);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CheckpointException("corrupt checkpoint file " + stateFile + ": " + rootMessage(e), e);
        }
        try {
            agent.random = Pcg64.restore(state.rng());
            loadNetwork(agent.online, dir.resolve(ONLINE_FILE));
            loadNetwork(agent.target, dir.resolve(TARGET_FILE));
            agent.buffer.read(dir.resolve(BUFFER_FILE));
            agent.optimizer = newOptimizer(config, state.updates());
            AdamMoments.read(dir.resolve(ADAM_FILE), agent.optimizer, agent.online.parameters(),
                    agent.online.manager());
            agent.seed = state.seed();
            agent.scheduleSteps = state.scheduleSteps();
            agent.updates = state.updates();
            agent.steps = manifest.steps();
            agent.episodes = manifest.episodes();
            agent.targetStale = true;
            if (state.episode() != null) {
                SavedEpisode saved = state.episode();
                EpisodeProgress progress = new EpisodeProgress(saved.seed());
                for (int a : saved.actions()) {
                    if (a < 0 || a >= agent.numActions) {
                        throw new CheckpointException("corrupt checkpoint file " + stateFile + ": action " + a
                                + " out of range");
                    }
                    progress.record(a, 0.0);
                }
                progress.totalReturn = saved.totalReturn();
                agent.current = progress;
            }
            return agent;
        } catch (RuntimeException e) {
            agent.close();
            if (e instanceof CheckpointException) {
                throw e;
            }
            throw new CheckpointException("corrupt checkpoint in " + dir + ": " + rootMessage(e), e);
        }
    }

    private static void loadNetwork(QNetwork network, Path file) {
        try {
            network.load(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CheckpointException("missing checkpoint file " + file, e);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new CheckpointException("corrupt checkpoint file " + file + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** Frees the networks' native memory. The agent cannot be used afterwards. */
    @Override
    public void close() {
        manager.close();
    }

    /** What an interrupted episode needs to be rebuilt: its reset seed and the actions taken so far. */
    private static final class EpisodeProgress {
        final long seed;
        int[] actions = new int[16];
        int length;
        double totalReturn;

        EpisodeProgress(long seed) {
            this.seed = seed;
        }

        void record(int action, double reward) {
            if (length == actions.length) {
                actions = Arrays.copyOf(actions, length * 2);
            }
            actions[length++] = action;
            totalReturn += reward;
        }
    }

    private record SavedEpisode(long seed, int[] actions, double totalReturn) {
    }

    /** {@code agent.json}: what the manifest does not hold. The two versions are informational. */
    private record State(int[] observationShape, float[] low, float[] high, int actions, int actionStart, Long seed,
                         long scheduleSteps, long updates, long[] rng, SavedEpisode episode, String djlVersion,
                         String engine) {
    }
}
