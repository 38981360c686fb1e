package dev.levelgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.Learner;
import dev.levelgym.agents.TrainingArguments;
import dev.levelgym.agents.TrainingLoop;
import dev.levelgym.agents.Transitions;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.checkpoint.Manifest;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.vector.VectorEnv;
import dev.levelgym.nn.MemoryBudget;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Tabular Q-learning (or SARSA, see {@link UpdateRule}) with ε-greedy exploration and a linear ε schedule, for
 * Discrete actions and any observation a {@link StateEncoder} maps to a table row.
 *
 * <p>Trains on the shared {@link TrainingLoop}, over one or N env copies. Determinism: one generator (PCG64, seeded
 * by the run's seed) draws the exploration; the loop draws the episodes' seeds and rebuilds the envs on resume.
 * The checkpoint holds the table, the generator and the SARSA actions already drawn, so training for N steps,
 * saving, loading and training on to M steps gives the same table, bit for bit, as training to M steps in one go.
 *
 * <p>Ties between equal action values go to the lowest action, so the greedy policy is a pure function of the
 * table.
 */
public final class QLearningAgent<O> implements Learner<O> {

    public static final String KIND = "q-learning";
    private static final String TABLE_FILE = "q-table.bin";
    private static final String STATE_FILE = "agent.json";

    private final String envId;
    private final StateEncoder<O> encoder;
    private final Discrete actionSpace;
    private final QLearningConfig config;
    private final int numActions;
    private final double[] q;

    /** Seeded 0 only so that {@code act(o, true)} works before training; the run's seed reseeds it. */
    private Pcg64 random = Pcg64.seeded(0);
    private TrainingLoop loop = new TrainingLoop();
    /**
     * SARSA: per env copy, the next action already drawn for the bootstrap (it is the action taken next, so the
     * update is on-policy), or -1.
     */
    private int[] pendingActions = new int[0];

    public QLearningAgent(String envId, StateEncoder<O> encoder, Discrete actionSpace, QLearningConfig config) {
        this.envId = Objects.requireNonNull(envId, "envId");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.actionSpace = Objects.requireNonNull(actionSpace, "actionSpace");
        this.config = Objects.requireNonNull(config, "config");
        this.numActions = actionSpace.n();
        long cells = (long) encoder.numStates() * numActions;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new UserInputException("q-learning config: a Q-table of " + encoder.numStates() + " states x "
                    + numActions + " actions is too large for one array; use fewer discretizer bins");
        }
        // The table and the copy a checkpoint takes of it.
        MemoryBudget.requireHeap("q-learning config: a Q-table of " + encoder.numStates() + " states x "
                + numActions + " actions", cells * 8 * 2, "use fewer discretizer bins");
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

    /** One table update per training step. */
    @Override
    public long updates() {
        return loop.steps();
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
        int index = explore ? epsilonGreedy(state, epsilon()) : argmax(state);
        return actionSpace.start() + index;
    }

    private double epsilon() {
        return config.epsilon(loop.steps(), loop.totalSteps());
    }

    @Override
    public void actBatch(float[] observations, boolean explore, int[] actions) {
        int stride = observations.length / actions.length;
        for (int i = 0; i < actions.length; i++) {
            int index;
            if (explore && i < pendingActions.length && pendingActions[i] >= 0) {
                index = pendingActions[i];
                pendingActions[i] = -1;
            } else {
                int state = encoder.encode(observations, i * stride);
                index = explore ? epsilonGreedy(state, epsilon()) : argmax(state);
            }
            actions[i] = actionSpace.start() + index;
        }
    }

    @Override
    public TrainingLoop loop() {
        return loop;
    }

    @Override
    public void beginRun(VectorEnv env, long seed) {
        requireSpaces(env);
        random = Pcg64.seeded(seed);
        pendingActions = new int[env.numEnvs()];
        Arrays.fill(pendingActions, -1);
    }

    @Override
    public void requireSpaces(VectorEnv env) {
        encoder.requireCompatible(env.singleObservationSpace());
        TrainingArguments.requireActionSpace(actionSpace, env.singleActionSpace());
    }

    /**
     * One TD update per transition. The target is {@code r} on termination and bootstraps ({@code r + γ max Q(s')},
     * or {@code Q(s', a')} for SARSA) otherwise, including on truncation: a time limit does not make the state's
     * value zero.
     */
    @Override
    public void observe(Transitions t) {
        double epsilon = epsilon();
        for (int i = 0; i < t.numEnvs(); i++) {
            if (!t.valid(i)) {
                continue;
            }
            int state = encoder.encode(t.observations(), t.offset(i));
            int action = t.action(i) - actionSpace.start();
            int next = encoder.encode(t.nextObservations(), t.offset(i));
            double target = t.reward(i);
            if (!t.terminated(i)) {
                double bootstrap;
                if (config.updateRule() == UpdateRule.SARSA) {
                    int nextAction = epsilonGreedy(next, epsilon);
                    bootstrap = q[next * numActions + nextAction];
                    if (!t.truncated(i)) {
                        pendingActions[i] = nextAction;
                    }
                } else {
                    bootstrap = q[next * numActions + argmax(next)];
                }
                target += config.gamma() * bootstrap;
            }
            int cell = state * numActions + action;
            q[cell] += config.learningRate() * (target - q[cell]);
        }
    }

    /** The updates happen in {@link #observe}, one per transition. */
    @Override
    public void update() {
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
    public void save(Path dir, Checkpoints.DirectoryWriter runFiles) {
        JsonNode hyperparameters = Checkpoints.JSON.valueToTree(config);
        State state = new State(StateEncoder.toJson(encoder), actionSpace.n(), actionSpace.start(), random.state(),
                pendingActions.clone());
        double[] table = q.clone();
        Manifest manifest = Manifest.of(KIND, envId, loop.steps(), loop.episodes(), hyperparameters);
        Checkpoints.writeAtomically(dir, manifest, tmp -> {
            Checkpoints.writeJson(tmp.resolve(STATE_FILE), state);
            Checkpoints.writeDoubles(tmp.resolve(TABLE_FILE), table);
            loop.write(tmp);
            runFiles.write(tmp);
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
        Path stateFile = dir.resolve(STATE_FILE);
        QLearningConfig config = Checkpoints.readHyperparameters(dir, manifest, QLearningConfig.class);
        State state = Checkpoints.readJson(stateFile, State.class);
        QLearningAgent<O> agent = Checkpoints.fromFile(stateFile, () -> {
            StateEncoder<?> encoder = StateEncoder.fromJson(state.encoder());
            if (encoder.observationType() != observationType) {
                throw new CheckpointException(stateFile + ": the agent observes " + encoder.observationType()
                        .getSimpleName() + ", not " + observationType.getSimpleName());
            }
            @SuppressWarnings("unchecked")
            StateEncoder<O> typed = (StateEncoder<O>) encoder;
            QLearningAgent<O> made = new QLearningAgent<>(manifest.envId(), typed,
                    new Discrete(state.actions(), state.actionStart()), config);
            made.random = Pcg64.restore(state.rng());
            return made;
        });
        double[] table = Checkpoints.readDoubles(dir.resolve(TABLE_FILE), agent.q.length);
        System.arraycopy(table, 0, agent.q, 0, table.length);
        agent.loop = TrainingLoop.read(dir, manifest.steps(), manifest.episodes());
        int[] pending = state.pendingActions() == null ? new int[0] : state.pendingActions();
        if (agent.loop.seed() != null && pending.length != agent.loop.numEnvs()) {
            throw new CheckpointException("corrupt checkpoint file " + stateFile + ": " + pending.length
                    + " pending actions for " + agent.loop.numEnvs() + " env copies");
        }
        for (int a : pending) {
            if (a < -1 || a >= agent.numActions) {
                throw new CheckpointException("corrupt checkpoint file " + stateFile + ": action " + a
                        + " out of range");
            }
        }
        agent.pendingActions = pending;
        return agent;
    }


    /** {@code agent.json}; the fields of checkpoints written before the training loop are ignored. */
    @JsonIgnoreProperties({"seed", "scheduleSteps", "episode"})
    private record State(JsonNode encoder, int actions, int actionStart, long[] rng, int[] pendingActions) {
    }
}
