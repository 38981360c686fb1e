package dev.levelgym.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.checkpoint.Manifest;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.spaces.Space;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Uniformly random actions from the action space, drawn from the agent's own seeded generator (never the
 * environment's, so acting does not perturb the environment's stream). The baseline every learner must beat.
 * Ignores {@code explore}: it has no greedy policy.
 */
public final class RandomAgent<O, A> implements Agent<O, A> {

    public static final String KIND = "random";
    private static final String STATE_FILE = "random-agent.json";

    private final Space<A> actionSpace;
    private final String envId;
    private final long seed;
    private Pcg64 random;
    private long actions;

    public RandomAgent(Space<A> actionSpace, long seed, String envId) {
        this.actionSpace = Objects.requireNonNull(actionSpace, "actionSpace");
        this.envId = Objects.requireNonNull(envId, "envId");
        this.seed = seed;
        this.random = Pcg64.seeded(seed);
    }

    @Override
    public A act(O observation, boolean explore) {
        actions++;
        return actionSpace.sample(random);
    }

    /** Actions drawn so far. */
    public long actions() {
        return actions;
    }

    @Override
    public void save(Path dir) {
        ObjectNode hyperparameters = Checkpoints.JSON.createObjectNode().put("seed", seed);
        State state = new State(random.state(), actions);
        Checkpoints.writeAtomically(dir, Manifest.of(KIND, envId, actions, 0, hyperparameters), tmp -> {
            Checkpoints.writeJson(tmp.resolve(STATE_FILE), state);
        });
    }

    /**
     * The agent saved at {@code dir}, continuing its random stream where it stopped. The action space is not
     * stored (spaces have no serial form), so the caller passes the one the agent was made for.
     */
    public static <O, A> RandomAgent<O, A> load(Path dir, Space<A> actionSpace) {
        Manifest manifest = Checkpoints.readManifest(dir, KIND);
        Path stateFile = dir.resolve(STATE_FILE);
        State state = Checkpoints.readJson(stateFile, State.class);
        if (!manifest.hyperparameters().path("seed").canConvertToLong()) {
            throw new CheckpointException("corrupt checkpoint file " + dir.resolve(Checkpoints.MANIFEST)
                    + ": hyperparameters.seed is missing");
        }
        RandomAgent<O, A> agent = new RandomAgent<>(actionSpace, manifest.hyperparameters().get("seed").asLong(),
                manifest.envId());
        try {
            agent.random = Pcg64.restore(state.rng());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("corrupt checkpoint file " + stateFile + ": " + e.getMessage(), e);
        }
        agent.actions = state.actions();
        return agent;
    }

    private record State(long[] rng, long actions) {
    }
}
