package dev.levelgym.agents.checkpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.envs.io.FileDigests;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The {@code manifest.json} of a checkpoint: enough to tell what it is without reading the rest, and the digests
 * that prove the rest is what was written.
 *
 * @param format          checkpoint layout version, bumped when files change incompatibly
 * @param kind            which agent wrote it, e.g. {@code "q-learning"}; loaders refuse other kinds
 * @param levelgymVersion the levelgym version that wrote it
 * @param envId           the environment id the agent was built for (free text, e.g. {@code "FrozenLake-v1"})
 * @param steps           environment steps trained
 * @param episodes        episodes finished in training
 * @param hyperparameters the agent's configuration, as JSON
 * @param files           every other file of the checkpoint with its length and SHA-256, filled in by
 *                        {@link Checkpoints#writeAtomically}; null in checkpoints written before levelgym recorded
 *                        them (those load unchecked, as they always did)
 * @param checksum        SHA-256 of this manifest's own content without this field (see {@link Checkpoints}); null
 *                        exactly when {@code files} is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(int format, String kind, String levelgymVersion, String envId, long steps, long episodes,
                       JsonNode hyperparameters, SortedMap<String, FileDigests.Digest> files, String checksum) {

    public static final int FORMAT = 1;

    public Manifest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(levelgymVersion, "levelgymVersion");
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
    }

    /** A manifest in the current {@link #FORMAT}, stamped with the running levelgym version. */
    public static Manifest of(String kind, String envId, long steps, long episodes, JsonNode hyperparameters) {
        return new Manifest(FORMAT, kind, Checkpoints.levelgymVersion(), envId, steps, episodes, hyperparameters,
                null, null);
    }

    /** This manifest recording {@code digests} (and no checksum yet). */
    Manifest withFiles(SortedMap<String, FileDigests.Digest> digests) {
        return new Manifest(format, kind, levelgymVersion, envId, steps, episodes, hyperparameters, digests, null);
    }
}
