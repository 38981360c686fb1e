package dev.levelgym.agents.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.Episode;
import dev.levelgym.agents.EpisodeListener;
import dev.levelgym.agents.TrainingArguments;
import dev.levelgym.agents.TrainingResult;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.checkpoint.Manifest;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.spaces.Discrete;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Tabular Q-learning (or SARSA, see {@link UpdateRule}) with ε-greedy exploration and a linear ε schedule, for
 * Discrete actions and any observation a {@link StateEncoder} maps to a table row.
 *
 * <p>Determinism: one generator (PCG64, seeded by {@code train}'s seed) draws both the exploration and the seed of
 * every episode's {@code reset}. Episodes are reset with their own drawn seed, rather than by continuing the
 * environment's generator, so that a checkpoint can rebuild the environment's mid-episode state by resetting with
 * that seed and replaying the episode's actions. Hence training for N steps, saving, loading and training on to M
 * steps gives the same table, bit for bit, as training to M steps in one go.
 *
 * <p>Ties between equal action values go to the lowest action, so the greedy policy is a pure function of the
 * table.
 */
public final class QLearningAgent<O> implements TrainableAgent<O> {

    public static final String KIND = "q-learning";
    private static final String TABLE_FILE = "q-table.bin";
    private static final String STATE_FILE = "agent.json";

    private final String envId;
    private final StateEncoder<O> encoder;
    private final Discrete actionSpace;
    private final QLearningConfig config;
    private final int numActions;
    private final double[] q;

    /** Seeded 0 only so that {@code act(o, true)} works before training; the first {@code train} reseeds it. */
    private Pcg64 random = Pcg64.seeded(0);
    /** The seed of the training run, null before the first {@code train}. */
    private Long seed;
    private long scheduleSteps;
    private long steps;
    private long episodes;
    /** The episode in progress, or null between episodes. */
    private EpisodeProgress current;

    public QLearningAgent(String envId, StateEncoder<O> encoder, Discrete actionSpace, QLearningConfig config) {
        this.envId = Objects.requireNonNull(envId, "envId");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.actionSpace = Objects.requireNonNull(actionSpace, "actionSpace");
        this.config = Objects.requireNonNull(config, "config");
        this.numActions = actionSpace.n();
        long cells = (long) encoder.numStates() * numActions;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new UserInputException("Q-table of " + encoder.numStates() + " states x " + numActions
                    + " actions is too large for one array");
        }
        this.q = new double[(int) cells];
    }

    /** For an environment with Discrete observations and actions, e.g. FrozenLake. */
    public static QLearningAgent<Integer> forDiscrete(String envId, Env<Integer, Integer> env, QLearningConfig config) {
        return new QLearningAgent<>(envId, DiscreteStates.of(requireDiscrete(env.observationSpace(), "observation")),
                requireDiscrete(env.actionSpace(), "action"), config);
    }

    private static Discrete requireDiscrete(Object space, String what) {
        if (space instanceof Discrete d) {
            return d;
        }
        throw new UserInputException("tabular Q-learning needs a Discrete " + what + " space, got " + space);
    }

    public QLearningConfig config() {
        return config;
    }

    public StateEncoder<O> encoder() {
        return encoder;
    }

    @Override
    public long steps() {
        return steps;
    }

    /** One table update per training step. */
    @Override
    public long updates() {
        return steps;
    }

    public long episodes() {
        return episodes;
    }

    /** A copy of the table, row-major: {@code [state * numActions + action]}. */
    public double[] qTable() {
        return q.clone();
    }

    public double q(int state, int action) {
        return q[state * numActions + action];
    }

    /** The greedy action index (0-based, before the action space's start) for each table row. */
    public int[] greedyPolicy() {
        int[] policy = new int[encoder.numStates()];
        for (int s = 0; s < policy.length; s++) {
            policy[s] = argmax(s);
        }
        return policy;
    }

    @Override
    public Integer act(O observation, boolean explore) {
        int state = encoder.encode(observation);
        int index = explore ? epsilonGreedy(state, config.epsilon(steps, scheduleSteps)) : argmax(state);
        return actionSpace.start() + index;
    }

    /** Trains until the step counter reaches {@code totalSteps}; see the other overload. */
    public TrainingResult train(Env<O, Integer> env, long totalSteps, long seed, EpisodeListener listener) {
        return train(env, totalSteps, seed, totalSteps, listener);
    }

    /**
     * Trains on {@code env} until the agent's step counter reaches {@code stopAt} (at most {@code totalSteps}).
     * ε follows the linear schedule over {@code totalSteps}, so a run split into several calls with the same
     * {@code totalSteps} (and with a save and load in between) matches a single call.
     *
     * <p>The TD target is {@code r} on termination and bootstraps ({@code r + γ max Q(s')}, or {@code Q(s', a')} for
     * SARSA) otherwise, including on truncation: a time limit does not make the state's value zero.
     *
     * @param env      the environment, built as the one of earlier calls (same id and options); it is reset here
     * @param seed     seeds the agent on its first call; later calls must pass the same seed
     * @param listener told about each finished episode
     */
    @Override
    public TrainingResult train(Env<O, Integer> env, long totalSteps, long seed, long stopAt,
                                EpisodeListener listener) {
        TrainingArguments.requireRun(totalSteps, stopAt, seed);
        encoder.requireCompatible(env.observationSpace());
        TrainingArguments.requireActionSpace(actionSpace, env.actionSpace());
        TrainingArguments.requireSameSeed(this.seed, seed);
        if (this.seed == null) {
            this.seed = seed;
            random = Pcg64.seeded(seed);
        }
        scheduleSteps = totalSteps;
        long limit = Math.min(stopAt, totalSteps);
        long finishedBefore = episodes;
        double returns = 0.0;

        int state = current == null ? -1 : replay(env);
        while (steps < limit) {
            if (current == null) {
                current = new EpisodeProgress(random.nextLong() >>> 1);
                state = encoder.encode(env.reset(current.seed).observation());
            }
            int action = current.pendingAction >= 0 ? current.pendingAction
                    : epsilonGreedy(state, config.epsilon(steps, totalSteps));
            current.pendingAction = -1;
            StepResult<O> result = env.step(actionSpace.start() + action);
            steps++;
            current.record(action, result.reward());
            int next = encoder.encode(result.observation());

            double target = result.reward();
            if (!result.terminated()) {
                double bootstrap;
                if (config.updateRule() == UpdateRule.SARSA) {
                    int nextAction = epsilonGreedy(next, config.epsilon(steps, totalSteps));
                    bootstrap = q[next * numActions + nextAction];
                    if (!result.truncated()) {
                        current.pendingAction = nextAction;
                    }
                } else {
                    bootstrap = q[next * numActions + argmax(next)];
                }
                target += config.gamma() * bootstrap;
            }
            int cell = state * numActions + action;
            q[cell] += config.learningRate() * (target - q[cell]);

            if (result.done()) {
                Episode episode = new Episode(episodes, steps, current.totalReturn, current.length,
                        result.terminated());
                episodes++;
                returns += current.totalReturn;
                current = null;
                listener.onEpisode(episode);
            } else {
                state = next;
            }
        }
        long finished = episodes - finishedBefore;
        return new TrainingResult(steps, episodes, finished, finished == 0 ? Double.NaN : returns / finished);
    }

    /** Brings a freshly reset env to the middle of the current episode; returns the current state. */
    private int replay(Env<O, Integer> env) {
        O observation = env.reset(current.seed).observation();
        for (int i = 0; i < current.length; i++) {
            StepResult<O> result = env.step(actionSpace.start() + current.actions[i]);
            if (result.done()) {
                throw new UserInputException("replaying the interrupted episode ended it after " + (i + 1)
                        + " of " + current.length + " steps: the env is not the one this agent was trained on");
            }
            observation = result.observation();
        }
        return encoder.encode(observation);
    }

    private int epsilonGreedy(int state, double epsilon) {
        // Always draw, so the stream's position does not depend on epsilon's value.
        double u = random.nextDouble();
        return u < epsilon ? random.nextInt(numActions) : argmax(state);
    }

    private int argmax(int state) {
        int base = state * numActions;
        int best = 0;
        for (int a = 1; a < numActions; a++) {
            if (q[base + a] > q[base + best]) {
                best = a;
            }
        }
        return best;
    }

    @Override
    public void save(Path dir) {
        JsonNode hyperparameters = Checkpoints.JSON.valueToTree(config);
        State state = new State(StateEncoder.toJson(encoder), actionSpace.n(), actionSpace.start(), seed,
                scheduleSteps, random.state(), current == null ? null
                        : new SavedEpisode(current.seed, Arrays.copyOf(current.actions, current.length),
                                current.totalReturn, current.pendingAction));
        double[] table = q.clone();
        Checkpoints.writeAtomically(dir, tmp -> {
            Checkpoints.writeManifest(tmp, Manifest.of(KIND, envId, steps, episodes, hyperparameters));
            Checkpoints.writeJson(tmp.resolve(STATE_FILE), state);
            Checkpoints.writeDoubles(tmp.resolve(TABLE_FILE), table);
        });
    }

    /**
     * The agent saved at {@code dir}, ready to act or to resume training.
     *
     * @param observationType {@code Integer.class} for Discrete observations, {@code float[].class} for a
     *                        {@link Discretizer}
     * @throws CheckpointException naming the file if a file is missing or corrupt, or the checkpoint's
     *                             observations are not {@code observationType}
     */
    public static <O> QLearningAgent<O> load(Path dir, Class<O> observationType) {
        Manifest manifest = Checkpoints.readManifest(dir, KIND);
        Path manifestFile = dir.resolve(Checkpoints.MANIFEST);
        Path stateFile = dir.resolve(STATE_FILE);
        QLearningConfig config;
        try {
            config = Checkpoints.JSON.treeToValue(manifest.hyperparameters(), QLearningConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new CheckpointException("corrupt checkpoint file " + manifestFile + ": bad hyperparameters: "
                    + rootMessage(e), e);
        }
        State state = Checkpoints.readJson(stateFile, State.class);
        QLearningAgent<O> agent;
        try {
            StateEncoder<?> encoder = StateEncoder.fromJson(state.encoder());
            if (encoder.observationType() != observationType) {
                throw new CheckpointException(stateFile + ": the agent observes " + encoder.observationType()
                        .getSimpleName() + ", not " + observationType.getSimpleName());
            }
            @SuppressWarnings("unchecked")
            StateEncoder<O> typed = (StateEncoder<O>) encoder;
            agent = new QLearningAgent<>(manifest.envId(), typed, new Discrete(state.actions(), state.actionStart()),
                    config);
            agent.random = Pcg64.restore(state.rng());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CheckpointException("corrupt checkpoint file " + stateFile + ": " + rootMessage(e), e);
        }
        double[] table = Checkpoints.readDoubles(dir.resolve(TABLE_FILE), agent.q.length);
        System.arraycopy(table, 0, agent.q, 0, table.length);
        agent.seed = state.seed();
        agent.scheduleSteps = state.scheduleSteps();
        agent.steps = manifest.steps();
        agent.episodes = manifest.episodes();
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
            progress.pendingAction = saved.pendingAction();
            agent.current = progress;
        }
        return agent;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** What an interrupted episode needs to be rebuilt: its reset seed and the actions taken so far. */
    private static final class EpisodeProgress {
        final long seed;
        int[] actions = new int[16];
        int length;
        double totalReturn;
        int pendingAction = -1;

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

    private record SavedEpisode(long seed, int[] actions, double totalReturn, int pendingAction) {
    }

    private record State(JsonNode encoder, int actions, int actionStart, Long seed, long scheduleSteps, long[] rng,
                         SavedEpisode episode) {
    }
}
