package dev.levelgym.agents;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.checkpoint.Manifest;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.vector.VectorEnv;
import java.nio.file.Path;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The random baseline as a {@link Learner}, so the harness can "train" it like a learner: it plays uniformly random
 * actions, learns nothing, and makes no updates ({@link #updates()} is 0).
 *
 * <p>One generator, seeded by the run's seed, draws the training actions; greedy calls ({@code act(o, false)}) draw
 * from a second generator, so evaluating between training chunks does not shift the training stream.
 */
public final class RandomTrainableAgent<O> implements Learner<O> {

    public static final String KIND = "random";
    private static final String STATE_FILE = "random-training.json";
    /** Mixed into the seed for the evaluation generator; positive, so the result stays non-negative. */
    private static final long EVAL_STREAM = 0x5DEECE66DL;

    private final String envId;
    private final Discrete actionSpace;
    private TrainingLoop loop = new TrainingLoop();
    private Pcg64 random = Pcg64.seeded(0);
    private Pcg64 evalRandom = Pcg64.seeded(EVAL_STREAM);

    public RandomTrainableAgent(String envId, Discrete actionSpace) {
        this.envId = Objects.requireNonNull(envId, "envId");
        this.actionSpace = Objects.requireNonNull(actionSpace, "actionSpace");
    }

    @Override
    public Integer act(O observation, boolean explore) {
        return actionSpace.sample(explore ? random : evalRandom);
    }

    @Override
    public void actBatch(float[] observations, boolean explore, int[] actions) {
        for (int i = 0; i < actions.length; i++) {
            actions[i] = actionSpace.sample(explore ? random : evalRandom);
        }
    }

    /** Its policy is the uniform one. */
    @Override
    public void sampleBatch(float[] observations, RandomGenerator[] generators, int[] actions) {
        for (int i = 0; i < actions.length; i++) {
            actions[i] = actionSpace.sample(generators[i]);
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
        evalRandom = Pcg64.seeded(seed ^ EVAL_STREAM);
    }

    @Override
    public void requireSpaces(VectorEnv env) {
        TrainingArguments.requireActionSpace(actionSpace, env.singleActionSpace());
    }

    @Override
    public void observe(Transitions transitions) {
    }

    @Override
    public void update() {
    }

    @Override
    public long updates() {
        return 0;
    }

    @Override
    public void save(Path dir, Checkpoints.DirectoryWriter runFiles) {
        ObjectNode hyperparameters = Checkpoints.JSON.createObjectNode();
        State state = new State(actionSpace.n(), actionSpace.start(), random.state(), evalRandom.state());
        Manifest manifest = Manifest.of(KIND, envId, loop.steps(), loop.episodes(), hyperparameters);
        Checkpoints.writeAtomically(dir, manifest, tmp -> {
            Checkpoints.writeJson(tmp.resolve(STATE_FILE), state);
            loop.write(tmp);
            runFiles.write(tmp);
        });
    }

    /** The agent saved at {@code dir}, ready to resume training or to act. */
    public static <O> RandomTrainableAgent<O> load(Path dir) {
        Manifest manifest = Checkpoints.readManifest(dir, KIND);
        Path stateFile = dir.resolve(STATE_FILE);
        State state = Checkpoints.readJson(stateFile, State.class);
        RandomTrainableAgent<O> agent;
        try {
            agent = new RandomTrainableAgent<>(manifest.envId(), new Discrete(state.actions(), state.actionStart()));
            agent.random = Pcg64.restore(state.rng());
            agent.evalRandom = Pcg64.restore(state.evalRng());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CheckpointException("corrupt checkpoint file " + stateFile + ": " + e.getMessage(), e);
        }
        agent.loop = TrainingLoop.read(dir, manifest.steps(), manifest.episodes());
        return agent;
    }

    /** {@code random-training.json}; the fields of checkpoints written before the training loop are ignored. */
    @JsonIgnoreProperties({"seed", "episodeSeed", "episodeActions", "episodeReturn"})
    private record State(int actions, int actionStart, long[] rng, long[] evalRng) {
    }
}
