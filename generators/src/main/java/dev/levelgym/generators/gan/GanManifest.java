package dev.levelgym.generators.gan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.levelgym.envs.io.FileDigests;
import java.util.SortedMap;

/**
 * The {@code manifest.json} of a saved GAN: what the generator was trained on and how, enough to refuse a model
 * this build cannot use before reading its weights.
 *
 * @param format          layout version of the model directory, bumped when its files change incompatibly
 * @param kind            always {@value #KIND}
 * @param legend          the tile characters of the generator's output channels, in order
 * @param width           level width the model generates
 * @param height          level height
 * @param paddedSize      side of the square one-hot maps (a power of two)
 * @param latentSize      latent vector length
 * @param corpusHash      SHA-256 of the training levels (see {@link DungeonTrainingCorpus#hash})
 * @param corpusLevels    training levels before mirroring
 * @param trainingSteps   generator updates done
 * @param config          the hyperparameters, including the seed
 * @param levelgymVersion the levelgym version that trained it
 * @param djlVersion      DJL's version
 * @param engine          the engine and its version, e.g. {@code PyTorch 2.7.1}
 * @param world           the env id of the world whose legend the model speaks ({@link GanWorld#envId()}), e.g.
 *                        {@code Platformer-v1} ({@code Platformer-v0} in models trained before v1, read as the same
 *                        platformer world); absent (null) in models written before there was more than one
 *                        world, which are Dungeon-v0 ones
 * @param files           the length and SHA-256 of {@value GanModel#GENERATOR_FILE} as saved; null in models saved
 *                        before levelgym recorded them, which load unchecked as they always did
 * @param checksum        SHA-256 of this manifest's own content without this field; null exactly when {@code files}
 *                        is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GanManifest(int format, String kind, String legend, int width, int height, int paddedSize,
                          int latentSize, String corpusHash, int corpusLevels, long trainingSteps, GanConfig config,
                          String levelgymVersion, String djlVersion, String engine, String world,
                          SortedMap<String, FileDigests.Digest> files, String checksum) {

    /** This manifest recording {@code digests} (and no checksum yet). */
    GanManifest withFiles(SortedMap<String, FileDigests.Digest> digests) {
        return new GanManifest(format, kind, legend, width, height, paddedSize, latentSize, corpusHash, corpusLevels,
                trainingSteps, config, levelgymVersion, djlVersion, engine, world, digests, null);
    }

    /** 2: the config gained emaDecay and bootstrapEvery. */
    public static final int FORMAT = 2;
    public static final String KIND = "gan";
}
