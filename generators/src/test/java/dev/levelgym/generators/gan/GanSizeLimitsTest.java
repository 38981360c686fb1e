package dev.levelgym.generators.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.generators.DungeonCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GAN sizes, from flags or from a model's manifest, are refused naming the limit before any memory is spent. */
class GanSizeLimitsTest {

    @TempDir
    Path dir;

    @Test
    void configSizesAreBounded() {
        UserInputException batch = assertThrows(UserInputException.class,
                () -> new GanConfig(32, 100_000_000, 10, 1, 2e-4, 2e-4, 0.5, GanLoss.HINGE, 0.01, false, 0, 0, 0, 64,
                        32, 0, 0));
        assertEquals("batchSize must be in 1..4096, got 100000000", batch.getMessage());
        UserInputException latent = assertThrows(UserInputException.class,
                () -> GanConfig.defaults().toBuilder().generatorChannels(100_000).build());
        assertEquals("generatorChannels must be in 4..4096, got 100000", latent.getMessage());
    }

    @Test
    void aBatchOfWideMapsIsRefusedBeforeTheNetworksAreBuilt() {
        GanConfig wide = new GanConfig(32, 4096, 10, 1, 2e-4, 2e-4, 0.5, GanLoss.HINGE, 0.01, false, 0, 0, 0, 4096, 32,
                0, 0);
        UserInputException e = assertThrows(UserInputException.class,
                () -> new GanTrainer(DungeonTrainingCorpus.of(DungeonCorpus.levels()), wide).close());
        assertEquals("a GAN batch of 4096 16x16 maps with 4096 generator and 32 critic channels makes 4294967296 "
                + "floats per batch in one array, more than the limit of 268435456 (1 GiB); lower the batch size or "
                + "the channels (--generator-channels, --critic-channels)", e.getMessage());
    }

    @Test
    void aManifestOfAHugeLevelIsRefusedBeforeItsNetworkIsBuilt() throws Exception {
        Path model = dir.resolve("model");
        try (GanModel loaded = GanModel.load(Path.of("..", "examples", "gan-dungeon"))) {
            loaded.save(model);
        }
        Path manifest = model.resolve(GanModel.MANIFEST_FILE);
        Files.writeString(manifest, GanModelTest.legacy(manifest).replace("\"width\" : 13", "\"width\" : 1000000"));
        UserInputException e = assertThrows(UserInputException.class, () -> GanModel.load(model));
        assertTrue(e.getMessage().startsWith(manifest + ": the model's level is 1000000x9 cells, more than the limit "
                + "of 1048576"), e.getMessage());
    }

    @Test
    void stitchedPlatformerLevelsAreBoundedByThePlatformerWidthLimitBeforeAnySegmentIsDecoded() {
        dev.levelgym.generators.GeneratorSettings settings = new dev.levelgym.generators.GeneratorSettings(
                java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), 100_000);
        UserInputException e = assertThrows(UserInputException.class, () -> dev.levelgym.generators.Generators
                .standard().create("gan:" + Path.of("..", "examples", "gan-platformer"),
                        dev.levelgym.generators.TileWorld.PLATFORMER, settings).close());
        assertEquals("segments must be in 1..73 (levels of at most 2048 columns), got 100000 (raise it with "
                + "-Dlevelgym.maxPlatformerWidth=N, e.g. in LEVELGYM_JAVA_OPTS)", e.getMessage());
    }
}
