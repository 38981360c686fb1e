package dev.levelgym.agents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A kind of agent the harness can build by name: how to create a fresh one for an env from an optional config,
 * and how to load one from a checkpoint whose manifest names this kind.
 */
public interface AgentKind {

    /** The name used on the command line and as the checkpoint manifest's {@code kind}, e.g. "q-learning". */
    String name();

    /**
     * A new, untrained agent for {@code env}.
     *
     * @param config the user's config (JSON object, fields of the agent's config record), or null for defaults
     * @param seed   the run's seed; agents that seed in {@code train} may ignore it
     * @throws IllegalArgumentException if the config is invalid or the agent cannot handle the env's spaces
     */
    TrainableAgent<?> create(String envId, Env<?, Integer> env, JsonNode config, long seed);

    /** The agent checkpointed at {@code dir}, for an env built like {@code env}. */
    TrainableAgent<?> load(Path dir, Env<?, Integer> env);

    /** Builds an agent from its typed config. */
    @FunctionalInterface
    interface Factory<C> {
        TrainableAgent<?> create(String envId, Env<?, Integer> env, C config, long seed);
    }

    /** Loads an agent from a checkpoint directory. */
    @FunctionalInterface
    interface Loader {
        TrainableAgent<?> load(Path dir, Env<?, Integer> env);
    }

    /**
     * A kind whose config is the record {@code configType}: the user's fields are laid over {@code defaults}
     * (null if the record has none, then the user must give every field), and unknown fields are an error.
     * E.g. {@code AgentKind.of("dqn", DqnConfig.class, DqnConfig.defaults(), (id, env, c, s) -> DqnAgent.create(id,
     * AgentKinds.floatObservations(env), c), (dir, env) -> DqnAgent.load(dir))}.
     */
    static <C> AgentKind of(String name, Class<C> configType, C defaults, Factory<C> factory, Loader loader) {
        Objects.requireNonNull(name, "name");
        return new AgentKind() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TrainableAgent<?> create(String envId, Env<?, Integer> env, JsonNode config, long seed) {
                return factory.create(envId, env, configOf(name, configType, defaults, config), seed);
            }

            @Override
            public TrainableAgent<?> load(Path dir, Env<?, Integer> env) {
                return loader.load(dir, env);
            }
        };
    }

    /** {@code config}'s fields over {@code defaults}, as a {@code type}; every failure names the agent kind. */
    static <C> C configOf(String kind, Class<C> type, C defaults, JsonNode config) {
        ObjectNode merged = defaults == null ? Checkpoints.JSON.createObjectNode()
                : (ObjectNode) Checkpoints.JSON.valueToTree(defaults);
        if (config != null && !config.isNull()) {
            if (!config.isObject()) {
                throw new UserInputException(kind + " config must be a mapping of fields, got " + config);
            }
            merged.setAll((ObjectNode) config);
        }
        try {
            return Checkpoints.JSON.treeToValue(merged, type);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw new UserInputException(kind + " config: unknown key '" + e.getPropertyName()
                    + "'; known keys: " + new java.util.TreeSet<>(e.getKnownPropertyIds().stream()
                    .map(String::valueOf).toList()), e);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String key = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse("?");
            throw new UserInputException(kind + " config: key '" + key + "' must be "
                    + e.getTargetType().getSimpleName() + ": " + e.getOriginalMessage().lines().findFirst()
                    .orElse(""), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String message = root instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() : root.getMessage();
            throw new UserInputException(kind + " config: " + message.lines().findFirst().orElse(""), e);
        }
    }
}
