package dev.levelgym.agents.rl4j;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.Episode;
import dev.levelgym.agents.EpisodeListener;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.TrainingArguments;
import dev.levelgym.agents.TrainingResult;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.checkpoint.Manifest;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.Learning;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.deeplearning4j.rl4j.network.dqn.DQNFactoryStdDense;
import org.deeplearning4j.rl4j.observation.Observation;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * RL4J's DQN ({@code QLearningDiscreteDense} with {@code DQNFactoryStdDense}'s network) as a levelgym
 * {@link TrainableAgent}, so the harness trains, evaluates and benchmarks it beside levelgym's own {@code dqn}. The
 * env is seen through {@link LevelgymMdp}; the learning itself is RL4J's (see {@link SteppedQLearning}).
 *
 * <p>Differences from levelgym's {@code dqn} that come from RL4J: a truncated episode is stored as terminal (RL4J has
 * one {@code done}), so it does not bootstrap past a time limit; it trains every step once the replay memory holds a
 * batch; and rewards are scaled by {@code rewardFactor} before they are stored.
 *
 * <p>Determinism: the network's initial weights are seeded by the seed given to {@link #create} (the run's seed
 * under the harness; RL4J's factory would use its fixed seed 12345 for every run), RL4J's ε-greedy and replay
 * sampling by {@code train}'s seed, and the random actions by a seed derived from it (seed 0 replaced, see
 * {@link #nd4jSeed}). With OMP_NUM_THREADS=1 on one machine, the same seeds give the same run (see
 * {@code Rl4jDqnAgentTest}).
 *
 * <p>Checkpoints hold the network (with its Adam state) and counters, enough to act and evaluate. They cannot
 * resume training: RL4J keeps its replay memory, target network and generators in private fields, so a run
 * continued from a checkpoint would not be the same run. {@link #train} on an agent loaded after training refuses
 * with a {@link CheckpointException} rather than silently starting a different one.
 *
 * @param <O> observation type: {@code float[]} for a Box env, {@code Integer} for a Discrete one (one-hot encoded)
 */
public final class Rl4jDqnAgent<O> implements TrainableAgent<O> {

    public static final String KIND = "rl4j-dqn";

    private static final String STATE_FILE = "agent.json";
    private static final String NETWORK_FILE = "q-network.zip";
    /** Added to the run's seed for the random actions, so they do not replay the ε draws of the same seed. */
    private static final long ACTION_SEED_OFFSET = 0x9E3779B97F4A7C15L;
    /**
     * Stands in for seed 0, which ND4J does not honour: a network configured with seed 0 gets different initial
     * weights on every build (seen with DL4J 1.0.0-M1.1), so 0, levelgym's default seed, would not be reproducible.
     */
    private static final long ZERO_SEED_STAND_IN = -1L;

    private final String envId;
    private final Space<?> observationSpace;
    private final Discrete actionSpace;
    private final ObservationEncoding<O> encoding;
    private final Rl4jDqnConfig config;
    private final long networkSeed;
    private final MultiLayerNetwork network;
    /** Draws {@code act(o, true)}'s actions before the first {@code train}; seeded only so that works. */
    private final Random untrainedRandom = Nd4j.getRandomFactory().getNewRandomInstance(nd4jSeed(0));

    private LevelgymMdp<O> mdp;
    private SteppedQLearning learner;
    /** The seed of the training run, null before the first {@code train}. */
    private Long seed;
    private long steps;
    private long episodes;
    /** True when loaded from a checkpoint taken after training began: RL4J's learner state is gone. */
    private final boolean restored;
    private double episodeReturn;
    private int episodeLength;

    private Rl4jDqnAgent(String envId, Space<?> observationSpace, Discrete actionSpace, ObservationEncoding<O> encoding,
                         Rl4jDqnConfig config, long networkSeed, MultiLayerNetwork network, boolean restored) {
        this.envId = Objects.requireNonNull(envId, "envId");
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.encoding = encoding;
        this.config = Objects.requireNonNull(config, "config");
        this.networkSeed = networkSeed;
        this.network = network;
        this.restored = restored;
    }

    /**
     * An untrained agent for {@code env}'s spaces, its network's weights drawn with {@code networkSeed}.
     *
     * @throws IllegalArgumentException naming the space if RL4J cannot express the env's spaces
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Rl4jDqnAgent<?> create(String envId, Env<?, ?> env, Rl4jDqnConfig config, long networkSeed) {
        ObservationEncoding<?> encoding = LevelgymMdp.encodingFor(env);
        Discrete actions = (Discrete) env.actionSpace();
        return new Rl4jDqnAgent(envId, env.observationSpace(), actions, encoding, config, networkSeed,
                newNetwork(config, encoding.size(), actions.n(), networkSeed), false);
    }

    /**
     * RL4J's standard dense DQN for these sizes, built by its own factory, then rebuilt from the same layer
     * configuration with {@code seed} in place of the factory's fixed one.
     */
    private static MultiLayerNetwork newNetwork(Rl4jDqnConfig config, int inputs, int actions, long seed) {
        DQN template = new DQNFactoryStdDense(config.network()).buildDQN(new int[] {inputs}, actions);
        MultiLayerConfiguration layers = ((MultiLayerNetwork) template.getNeuralNetworks()[0])
                .getLayerWiseConfigurations().clone();
        for (NeuralNetConfiguration layer : layers.getConfs()) {
            layer.setSeed(nd4jSeed(seed));
        }
        MultiLayerNetwork network = new MultiLayerNetwork(layers);
        network.init();
        return network;
    }

    /** {@code seed} as ND4J and DL4J are given it: itself, except 0 (see {@link #ZERO_SEED_STAND_IN}). */
    static long nd4jSeed(long seed) {
        return seed == 0 ? ZERO_SEED_STAND_IN : seed;
    }

    public Rl4jDqnConfig config() {
        return config;
    }

    public String envId() {
        return envId;
    }

    @Override
    public long steps() {
        return steps;
    }

    /** Gradient steps taken, over the agent's life (the network's iteration count). */
    @Override
    public long updates() {
        return network.getIterationCount();
    }

    public long episodes() {
        return episodes;
    }

    /** The network's Q-values for {@code observation}, one per action. */
    public double[] qValues(O observation) {
        return network.output(input(encoding.encode(observation))).toDoubleVector();
    }

    @Override
    public Integer act(O observation, boolean explore) {
        INDArray input = input(encoding.encode(observation));
        int action;
        if (!explore) {
            action = Learning.getMaxAction(network.output(input));
        } else if (learner != null) {
            action = learner.getEgPolicy().nextAction(new Observation(input));
        } else {
            action = untrainedRandom.nextInt(actionSpace.n());
        }
        return actionSpace.start() + action;
    }

    /** One network call per copy: RL4J's network takes one observation at a time in its own loop too. */
    @Override
    public void actBatch(float[] observations, boolean explore, int[] actions) {
        int stride = observations.length / actions.length;
        for (int i = 0; i < actions.length; i++) {
            INDArray input = input(encoding.encode(observations, i * stride));
            int action;
            if (!explore) {
                action = Learning.getMaxAction(network.output(input));
            } else if (learner != null) {
                action = learner.getEgPolicy().nextAction(new Observation(input));
            } else {
                action = untrainedRandom.nextInt(actionSpace.n());
            }
            actions[i] = actionSpace.start() + action;
        }
    }

    /**
     * RL4J's learning runs its own loop over one env (it acts, stores and learns inside {@code trainStep}), so
     * this bridge trains on one copy only, through {@link #train(Env, long, long, long, EpisodeListener)}.
     *
     * @throws UserInputException if {@code env} has more than one copy
     */
    @Override
    @SuppressWarnings("unchecked")
    public TrainingResult train(VectorEnv env, long totalSteps, long seed, long stopAt, EpisodeListener listener) {
        if (!(env instanceof SyncVectorEnv sync) || sync.numEnvs() != 1) {
            throw new UserInputException(KIND + " trains on one env (RL4J runs its own loop); use --num-envs 1");
        }
        return train((Env<O, Integer>) sync.copy(0), totalSteps, seed, stopAt, listener);
    }

    private static INDArray input(double[] encoded) {
        return Nd4j.create(encoded, new long[] {1, encoded.length}, Nd4j.defaultFloatingPointType());
    }

    /**
     * Trains on {@code env} until the step counter reaches {@code stopAt} (at most {@code totalSteps}). An episode
     * ends when the env says done or after {@code maxEpochStep} steps; a chunk may stop inside an episode, which
     * the next call continues, so later calls must pass the same env object.
     *
     * @throws CheckpointException if this agent was loaded from a checkpoint taken after training began
     */
    @Override
    @SuppressWarnings("unchecked")
    public TrainingResult train(Env<O, Integer> env, long totalSteps, long seed, long stopAt,
                                EpisodeListener listener) {
        TrainingArguments.requireRun(totalSteps, stopAt, seed);
        if (restored) {
            throw new CheckpointException(KIND + " cannot resume training from a checkpoint: RL4J keeps its replay "
                    + "memory, target network and generators where they cannot be saved, so training on would not "
                    + "continue the same run. The checkpoint can act (levelgym eval); to train longer, start a new "
                    + "run with more --steps");
        }
        if (!observationSpace.equals(env.observationSpace())) {
            throw new UserInputException("agent observes " + observationSpace
                    + " but the env's observation space is " + env.observationSpace());
        }
        TrainingArguments.requireActionSpace(actionSpace, env.actionSpace());
        TrainingArguments.requireSameSeed(this.seed, seed);
        if (learner == null) {
            this.seed = seed;
            mdp = (LevelgymMdp<O>) LevelgymMdp.of(env,
                    Nd4j.getRandomFactory().getNewRandomInstance(nd4jSeed(seed + ACTION_SEED_OFFSET)));
            mdp.seedNextReset(seed);
            learner = new SteppedQLearning(mdp, new DQN(network), config.learning(nd4jSeed(seed), totalSteps));
        } else if (mdp.env() != env) {
            throw new UserInputException(KIND + " continues its episode in the env it started training on; "
                    + "pass the same env object to every train call");
        }
        long limit = Math.min(stopAt, totalSteps);
        long finishedBefore = episodes;
        double returns = 0.0;
        while (steps < limit) {
            if (!learner.inEpisode()) {
                learner.startEpisode();
                episodeReturn = 0;
                episodeLength = 0;
            }
            StepReply<Observation> reply = learner.step();
            StepResult<O> result = mdp.lastStep();
            steps++;
            episodeLength++;
            episodeReturn += result.reward();
            if (reply.isDone() || episodeLength >= config.maxEpochStep()) {
                learner.endEpisode();
                Episode episode = new Episode(episodes, steps, episodeReturn, episodeLength, result.terminated());
                episodes++;
                returns += episodeReturn;
                listener.onEpisode(episode);
            }
        }
        long finished = episodes - finishedBefore;
        return new TrainingResult(steps, episodes, finished, finished == 0 ? Double.NaN : returns / finished);
    }

    /** What a checkpoint holds besides the manifest and the network. */
    private record State(String observationSpace, int actions, int actionStart, int observationSize, Long seed,
                         long networkSeed, String rl4jVersion) {
    }

    @Override
    public void save(Path dir, Checkpoints.DirectoryWriter runFiles) {
        JsonNode hyperparameters = Checkpoints.JSON.valueToTree(config);
        State state = new State(observationSpace.toString(), actionSpace.n(), actionSpace.start(), encoding.size(),
                seed, networkSeed, rl4jVersion());
        Checkpoints.writeAtomically(dir, Manifest.of(KIND, envId, steps, episodes, hyperparameters), tmp -> {
            Checkpoints.writeJson(tmp.resolve(STATE_FILE), state);
            Checkpoints.writeFile(tmp.resolve(NETWORK_FILE), out -> ModelSerializer.writeModel(network, out, true));
            runFiles.write(tmp);
        });
    }

    private static String rl4jVersion() {
        String version = Learning.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /**
     * The agent saved at {@code dir}, for an env built like {@code env}. It acts and evaluates; it trains on only if
     * the checkpoint was taken before training began (see the class comment).
     *
     * @throws CheckpointException naming the file if a file is missing or corrupt, or the agent does not fit
     *                             {@code env}'s spaces
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Rl4jDqnAgent<?> load(Path dir, Env<?, ?> env) {
        Manifest manifest = Checkpoints.readManifest(dir, KIND);
        Path manifestFile = dir.resolve(Checkpoints.MANIFEST);
        Rl4jDqnConfig config;
        try {
            config = Checkpoints.JSON.treeToValue(manifest.hyperparameters(), Rl4jDqnConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new CheckpointException("corrupt checkpoint file " + manifestFile + ": bad hyperparameters: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        Path stateFile = dir.resolve(STATE_FILE);
        State state = Checkpoints.readJson(stateFile, State.class);
        ObservationEncoding<?> encoding;
        try {
            encoding = LevelgymMdp.encodingFor(env);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(manifestFile + ": " + e.getMessage(), e);
        }
        Discrete actions = (Discrete) env.actionSpace();
        if (!state.observationSpace().equals(env.observationSpace().toString())
                || state.actions() != actions.n() || state.actionStart() != actions.start()) {
            throw new CheckpointException(manifestFile + ": the " + manifest.envId() + " agent saved here observes "
                    + state.observationSpace() + " and acts in " + new Discrete(state.actions(), state.actionStart())
                    + ", but the env's spaces are " + env.observationSpace() + " and " + actions);
        }
        Path networkFile = dir.resolve(NETWORK_FILE);
        if (!Files.isRegularFile(networkFile)) {
            throw new CheckpointException("missing checkpoint file " + networkFile);
        }
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(networkFile.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("corrupt checkpoint file " + networkFile + ": " + e.getMessage(), e);
        }
        long inputs = network.layerInputSize(0);
        long outputs = network.layerSize(network.getnLayers() - 1);
        if (inputs != encoding.size() || outputs != actions.n()) {
            throw new CheckpointException("corrupt checkpoint file " + networkFile + ": a network of " + inputs
                    + " inputs and " + outputs + " outputs, expected " + encoding.size() + " and " + actions.n());
        }
        network.setListeners(List.of());
        Rl4jDqnAgent<?> agent = new Rl4jDqnAgent(manifest.envId(), env.observationSpace(), actions, encoding, config,
                state.networkSeed(), network, manifest.steps() > 0);
        agent.steps = manifest.steps();
        agent.episodes = manifest.episodes();
        agent.seed = state.seed();
        return agent;
    }
}
