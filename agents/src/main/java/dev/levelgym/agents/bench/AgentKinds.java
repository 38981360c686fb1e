package dev.levelgym.agents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.registry.Providers;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent kinds by name, immutable like the env {@code Registry}: {@link #installed()} holds the kinds of every
 * {@link AgentKindProvider} on the class path (levelgym's own, {@link #standard()}, and any other jar's), and
 * {@link #with(AgentKind)} returns a registry with one more.
 */
public final class AgentKinds {

    private static final AgentKinds STANDARD = new AgentKinds(new StandardAgentKinds().agentKinds());

    private final Map<String, AgentKind> kinds;

    private AgentKinds(Collection<AgentKind> kinds) {
        Map<String, AgentKind> byName = new LinkedHashMap<>();
        for (AgentKind kind : kinds) {
            if (byName.putIfAbsent(kind.name(), kind) != null) {
                throw new UserInputException("agent kind registered twice: " + kind.name());
            }
        }
        this.kinds = Collections.unmodifiableMap(byName);
    }

    /** levelgym's own kinds alone ({@link StandardAgentKinds}): random, q-learning, dqn, ppo. */
    public static AgentKinds standard() {
        return STANDARD;
    }

    /**
     * The kinds of every {@link AgentKindProvider} the thread's context class loader finds, levelgym's own first (and
     * e.g. "rl4j-dqn" when agents-rl4j is there): what every command and the demo offer. Looked up on each call.
     *
     * @throws UserInputException if two providers register the same name
     */
    public static AgentKinds installed() {
        return installed(Providers.contextLoader());
    }

    /** {@link #installed()} as {@code loader} sees the providers (e.g. a class loader over extension jars). */
    public static AgentKinds installed(ClassLoader loader) {
        return new AgentKinds(Providers.offers(AgentKindProvider.class, loader, StandardAgentKinds.class,
                AgentKindProvider::agentKinds));
    }

    /** This registry plus {@code kind}; a name already present is an error. */
    public AgentKinds with(AgentKind kind) {
        List<AgentKind> all = new ArrayList<>(kinds.values());
        all.add(kind);
        return new AgentKinds(all);
    }

    public Collection<String> names() {
        return kinds.keySet();
    }

    /** The kind called {@code name}, or a {@link UserInputException} listing the known names. */
    public AgentKind kind(String name) {
        AgentKind kind = kinds.get(name);
        if (kind == null) {
            throw new UserInputException("unknown agent '" + name + "'; available: "
                    + String.join(", ", kinds.keySet()));
        }
        return kind;
    }

    /** A new agent of kind {@code name} for {@code env}; {@code config} may be null for the defaults. */
    public TrainableAgent<?> create(String name, String envId, Env<?, ?> env, JsonNode config, long seed) {
        AgentKind kind = kind(name);
        return kind.create(envId, discreteActions(env), config, seed);
    }

    /** The agent checkpointed at {@code dir}, of the kind its manifest names. */
    public TrainableAgent<?> load(Path dir, Env<?, ?> env) {
        String kind = manifestKind(dir);
        if (!kinds.containsKey(kind)) {
            throw new CheckpointException(dir.resolve(Checkpoints.MANIFEST) + ": no agent kind '" + kind
                    + "' in this build; available: " + String.join(", ", kinds.keySet()));
        }
        return kinds.get(kind).load(dir, discreteActions(env));
    }

    /** The {@code kind} field of the checkpoint manifest at {@code dir} (its files are checked on load). */
    public static String manifestKind(Path dir) {
        return Checkpoints.peekManifest(dir).kind();
    }

    /** The env id the checkpoint at {@code dir} was trained on (its files are checked on load). */
    public static String manifestEnvId(Path dir) {
        return Checkpoints.peekManifest(dir).envId();
    }

    /** {@code env} typed for agents, which act in Discrete action spaces. */
    @SuppressWarnings("unchecked")
    public static Env<?, Integer> discreteActions(Env<?, ?> env) {
        if (!(env.actionSpace() instanceof Discrete)) {
            throw new UserInputException("agents need a Discrete action space, got " + env.actionSpace());
        }
        return (Env<?, Integer>) env;
    }

    /** {@code env} typed for agents of flat Box observations ({@code float[]}), e.g. DQN. */
    @SuppressWarnings("unchecked")
    public static Env<float[], Integer> floatObservations(Env<?, Integer> env) {
        if (!(env.observationSpace() instanceof Box)) {
            throw new UserInputException("this agent needs a Box observation space, got "
                    + env.observationSpace());
        }
        return (Env<float[], Integer>) env;
    }
}
