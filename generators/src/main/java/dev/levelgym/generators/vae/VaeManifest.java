package dev.levelgym.generators.vae;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.levelgym.envs.io.FileDigests;
import java.util.List;
import java.util.SortedMap;

/**
 * The {@code manifest.json} of a saved VAE: what it was trained on and how, enough to refuse a model this build
 * cannot use before reading its weights, and the SHA-256 of the weights and of itself so a changed file is refused.
 *
 * @param format          layout version of the model directory
 * @param kind            always {@value #KIND}
 * @param world           the env id of the model's world, e.g. {@code Dungeon-v0}
 * @param legend          the tile characters of the decoder's output channels, in order
 * @param width           level (or window) width the model encodes and decodes
 * @param height          level height
 * @param paddedSize      side of the square one-hot maps
 * @param latentSize      latent vector length
 * @param corpusHash      SHA-256 of all the corpus levels, held-out ones included
 * @param corpusLevels    corpus levels (before mirroring or windowing), held-out ones included
 * @param heldOut         ids of the corpus levels held out of training (saved in {@value VaeModel#HELD_OUT_DIR})
 * @param trainingSteps   Adam updates done
 * @param config          the hyperparameters, including the seed
 * @param levelgymVersion the levelgym version that trained it
 * @param djlVersion      DJL's version
 * @param engine          the engine and its version
 * @param files           length and SHA-256 of {@value VaeModel#WEIGHTS_FILE} as saved
 * @param checksum        SHA-256 of this manifest's own content without this field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VaeManifest(int format, String kind, String world, String legend, int width, int height,
                          int paddedSize, int latentSize, String corpusHash, int corpusLevels, List<String> heldOut,
                          long trainingSteps, VaeConfig config, String levelgymVersion, String djlVersion,
                          String engine, SortedMap<String, FileDigests.Digest> files, String checksum) {

    public static final int FORMAT = 1;
    public static final String KIND = "vae";

    VaeManifest withFiles(SortedMap<String, FileDigests.Digest> digests) {
        return new VaeManifest(format, kind, world, legend, width, height, paddedSize, latentSize, corpusHash,
                corpusLevels, heldOut, trainingSteps, config, levelgymVersion, djlVersion, engine, digests, null);
    }
}
