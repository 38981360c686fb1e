package dev.levelgym.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The random baseline as a {@link TrainableAgent}, so the harness can "train" it like a learner: it plays
 * uniformly random actions, learns nothing, and makes no updates ({@link #updates()} is 0).
 *
 * <p>Determinism follows {@code QLearningAgent}: one generator, seeded by {@code train}'s seed, draws each
 * episode's reset seed and the training actions, and an interrupted episode is rebuilt on resume by resetting with
 * its seed and replaying its actions. Greedy calls ({@code act(o, false)}) draw from a second generator, so
 * evaluating between training chunks does not shift the training stream.
 */
public final class RandomTrainableAgent<O> implements TrainableAgent<O> {

    public static final String KIND = "random";
    private static final String STATE_FILE = "random-training.json";
    /** Mixed into the seed for the evaluation generator; positive, so the result stays non-negative. */
    private static final long EVAL_STREAM = 0x5DEECE66DL;

    private final String envId;
    private final Discrete actionSpace;
    private Pcg64 random = Pcg64.seeded(0);
    private Pcg64 evalRandom = Pcg64.seeded(EVAL_STREAM);
    private Long seed;
    private long steps;
    private long episodes;
    private long[] currentSeed;
    private int[] actions = new int[16];
    private int length;
    private double episodeReturn;

    public RandomTrainableAgent(String envId, Discrete actionSpace) {
        this.envId = Objects.requireNonNull(envId, "envId");
        this.actionSpace = Objects.requireNonNull(actionSpace, "actionSpace");
    }

    @Override
    public Integer act(O observation, boolean explore) {
        return actionSpace.sample(explore ? random : evalRandom);
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public long updates() {
        return 0;
    }

    @Override
    public TrainingResult train(Env<O, Integer> env, long totalSteps, long seed, long stopAt,
                                EpisodeListener listener) {
        TrainingArguments.requireRun(totalSteps, stopAt, seed);
        TrainingArguments.requireActionSpace(actionSpace, env.actionSpace());
        TrainingArguments.requireSameSeed(this.seed, seed);
        if (this.seed == null) {
            this.seed = seed;
            random = Pcg64.seeded(seed);
            evalRandom = Pcg64.seeded(seed ^ EVAL_STREAM);
        }
        long limit = Math.min(stopAt, totalSteps);
        long before = episodes;
        double returns = 0;
        if (currentSeed != null && steps < limit) {
            replay(env);
        }
        while (steps < limit) {
            if (currentSeed == null) {
                currentSeed = new long[] {random.nextLong() >>> 1};
                length = 0;
                episodeReturn = 0;
                env.reset(currentSeed[0]);
            }
            int action = actionSpace.sample(random);
            StepResult<O> result = env.step(action);
            steps++;
            if (length == actions.length) {
                actions = Arrays.copyOf(actions, length * 2);
            }
            actions[length++] = action;
            episodeReturn += result.reward();
            if (result.done()) {
                Episode episode = new Episode(episodes, steps, episodeReturn, length, result.terminated());
                episodes++;
                returns += episodeReturn;
                currentSeed = null;
                listener.onEpisode(episode);
            }
        }
        long finished = episodes - before;
        return new TrainingResult(steps, episodes, finished, finished == 0 ? Double.NaN : returns / finished);
    }

    private void replay(Env<O, Integer> env) {
        env.reset(currentSeed[0]);
        for (int i = 0; i < length; i++) {
            if (env.step(actions[i]).done()) {
                throw new UserInputException("replaying the interrupted episode ended it after " + (i + 1)
                        + " of " + length + " steps: the env is not the one this agent was trained on");
            }
        }
    }

    @Override
    public void save(Path dir) {
        ObjectNode hyperparameters = Checkpoints.JSON.createObjectNode();
        State state = new State(actionSpace.n(), actionSpace.start(), seed, random.state(), evalRandom.state(),
                currentSeed == null ? null : currentSeed[0], Arrays.copyOf(actions, length), episodeReturn);
        Checkpoints.writeAtomically(dir, tmp -> {
            Checkpoints.writeManifest(tmp, Manifest.of(KIND, envId, steps, episodes, hyperparameters));
            Checkpoints.writeJson(tmp.resolve(STATE_FILE), state);
        });
    }

    /** The agent saved at {@code dir}, ready to resume training or to act. */
    public static <O> RandomTrainableAgent<O> load(Path dir) {
        Manifest manifest = Checkpoints.readManifest(dir, KIND);
        Path stateFile = dir.resolve(STATE_FILE);
        State state = Checkpoints.readJson(stateFile, State.class);
        try {
            RandomTrainableAgent<O> agent = new RandomTrainableAgent<>(manifest.envId(),
                    new Discrete(state.actions(), state.actionStart()));
            agent.seed = state.seed();
            agent.random = Pcg64.restore(state.rng());
            agent.evalRandom = Pcg64.restore(state.evalRng());
            agent.steps = manifest.steps();
            agent.episodes = manifest.episodes();
            if (state.episodeSeed() != null) {
                agent.currentSeed = new long[] {state.episodeSeed()};
                agent.actions = Arrays.copyOf(state.episodeActions(), Math.max(16, state.episodeActions().length));
                agent.length = state.episodeActions().length;
                agent.episodeReturn = state.episodeReturn();
            }
            return agent;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CheckpointException("corrupt checkpoint file " + stateFile + ": " + e.getMessage(), e);
        }
    }

    private record State(int actions, int actionStart, Long seed, long[] rng, long[] evalRng, Long episodeSeed,
                         int[] episodeActions, double episodeReturn) {
    }
}
