package dev.levelgym.agents.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The {@code manifest.json} of a checkpoint: enough to tell what it is without reading the rest.
 *
 * @param format          checkpoint layout version, bumped when files change incompatibly
 * @param kind            which agent wrote it, e.g. {@code "q-learning"}; loaders refuse other kinds
 * @param levelgymVersion the levelgym version that wrote it
 * @param envId           the environment id the agent was built for (free text, e.g. {@code "FrozenLake-v1"})
 * @param steps           environment steps trained
 * @param episodes        episodes finished in training
 * @param hyperparameters the agent's configuration, as JSON
 */
public record Manifest(int format, String kind, String levelgymVersion, String envId, long steps, long episodes,
                       JsonNode hyperparameters) {

    public static final int FORMAT = 1;

    public Manifest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(levelgymVersion, "levelgymVersion");
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
    }

    /** A manifest in the current {@link #FORMAT}, stamped with the running levelgym version. */
    public static Manifest of(String kind, String envId, long steps, long episodes, JsonNode hyperparameters) {
        return new Manifest(FORMAT, kind, Checkpoints.levelgymVersion(), envId, steps, episodes, hyperparameters);
    }
}
