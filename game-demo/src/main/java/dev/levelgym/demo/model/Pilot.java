package dev.levelgym.demo.model;

import dev.levelgym.agents.Agent;
import dev.levelgym.agents.RandomAgent;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.bench.AgentKinds;
import dev.levelgym.agents.bench.RunFiles;
import dev.levelgym.agents.bench.TrainingRun;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.DungeonLevelSource;
import dev.levelgym.envs.dungeon.DungeonView;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.PlatformerLevelSource;
import dev.levelgym.envs.platformer.PlatformerView;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.registry.Options;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The agent that plays in watch mode: one loaded from a {@code levelgym train} checkpoint, or a seeded random one.
 * Keeps the env options of the run the checkpoint came from, so the demo's env gives the agent the observations it
 * was trained on (the Dungeon's view and view radius, the Platformer's camera window, CartPole's integrator).
 */
public final class Pilot implements AutoCloseable {

    private final String label;
    private final String envId;
    private final Agent<float[], Integer> agent;
    private final Map<String, String> envOptions;
    /** The observation space the agent was trained on; null for a random agent, which takes any. */
    private final Space<?> trainedSpace;

    private Pilot(String label, String envId, Agent<float[], Integer> agent, Map<String, String> envOptions,
                  Space<?> trainedSpace) {
        this.label = label;
        this.envId = envId;
        this.agent = agent;
        this.envOptions = Map.copyOf(envOptions);
        this.trainedSpace = trainedSpace;
    }

    /** Uniformly random actions for {@code envId}'s action space, from a generator seeded with {@code seed}. */
    public static Pilot random(String envId, long seed) {
        int actions = envId.equals(Dungeon.ID) ? 6 : 2;
        return new Pilot("random agent", envId, new RandomAgent<>(new Discrete(actions), seed, envId), Map.of(),
                null);
    }

    /**
     * The agent checkpointed at {@code checkpoint} (a checkpoint directory or a run directory holding one), which
     * must have been trained on {@code envId}.
     *
     * @throws UserInputException naming the flag when the checkpoint is for another env
     */
    @SuppressWarnings("unchecked")
    public static Pilot load(Path checkpoint, String envId) {
        Path dir = checkpointDir(checkpoint);
        String trainedOn = AgentKinds.manifestEnvId(dir);
        if (!trainedOn.equals(envId)) {
            throw new UserInputException("--checkpoint " + checkpoint + " holds an agent for " + trainedOn
                    + ", but this mode needs one for " + envId);
        }
        Map<String, String> options = new TreeMap<>();
        Path runDir = dir.toAbsolutePath().getParent();
        if (runDir != null && Files.exists(runDir.resolve(RunFiles.RUN_JSON))) {
            options.putAll(TrainingRun.storedSettings(runDir).envOptions());
        }
        Env<?, ?> env = Registry.installed().make(envId, options);
        Agent<float[], Integer> agent = (Agent<float[], Integer>) AgentKinds.installed().load(dir, env);
        return new Pilot(AgentKinds.manifestKind(dir) + " checkpoint", envId, agent, options,
                env.observationSpace());
    }

    /** The env id the agent at {@code checkpoint} (a checkpoint or run directory) was trained on. */
    public static String trainedOn(Path checkpoint) {
        return AgentKinds.manifestEnvId(checkpointDir(checkpoint));
    }

    private static Path checkpointDir(Path checkpoint) {
        if (!Files.exists(checkpoint.resolve(Checkpoints.MANIFEST))
                && Files.isDirectory(checkpoint.resolve(RunFiles.CHECKPOINT))) {
            return checkpoint.resolve(RunFiles.CHECKPOINT);
        }
        return checkpoint;
    }

    /** What the HUD calls this agent. */
    public String label() {
        return label;
    }

    /** The greedy action for {@code observation}. */
    public int act(float[] observation) {
        return agent.act(observation, false);
    }

    /**
     * A Dungeon env playing just {@code level}, observed the way this agent was trained to see.
     *
     * @throws UserInputException if the level gives observations of another shape (a full-view agent
     *                                  trained on another level size)
     */
    public Dungeon dungeonFor(DungeonLevel level) {
        Dungeon env = new Dungeon(new DungeonLevelSource.Fixed(List.of(level)), DungeonView.of(options()));
        if (trainedSpace != null && !trainedSpace.equals(env.observationSpace())) {
            throw new UserInputException("the " + label + " was trained on observations " + trainedSpace
                    + " but level " + level.id() + " (" + level.width() + "x" + level.height() + ") gives "
                    + env.observationSpace() + "; play a level of the training size, or train with view=egocentric");
        }
        return env;
    }

    /** The env id the agent was trained on. */
    public String envId() {
        return envId;
    }

    /**
     * A Platformer env playing just {@code level}, of the version this agent was trained on (v1, or v0 for an agent
     * from before v1) with the camera window it was trained on (the {@code view_rows} and {@code view_cols} options;
     * the window, not the level, sets the observation's shape).
     *
     * @throws UserInputException if the agent was not trained on a Platformer version
     */
    public Platformer platformerFor(PlatformerLevel level) {
        return new Platformer(Platformer.rulesOf(envId), new PlatformerLevelSource.Fixed(List.of(level)),
                PlatformerView.of(options()));
    }

    /** A CartPole env with the physics options this agent was trained with. */
    public CartPole cartPole() {
        return CartPole.fromOptions(options());
    }

    /** The env options of the run the agent came from, read as the envs read them. */
    private Options options() {
        return Options.empty().with(envOptions);
    }

    /** Frees the agent's native memory (a DQN's network); heap-only agents need nothing. */
    @Override
    public void close() {
        if (agent instanceof TrainableAgent<?> trainable) {
            trainable.close();
        }
    }
}
