package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.demo.model.DeckGenerators;
import dev.levelgym.demo.studio.StudioWorld;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.search.LevelVariations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the studio's variations come from: a world's VAE before its GAN; a bad --vae is named before any window. */
class StudioGeneratorsTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void aWorldsVaeVariesItsLevelsAndTheOtherWorldKeepsItsGan() {
        List<DeckGenerators.Request> gans = List.of(
                new DeckGenerators.Request("gan:" + EXAMPLES.resolve("gan-dungeon"), Optional.of(TileWorld.DUNGEON)),
                new DeckGenerators.Request("gan:" + EXAMPLES.resolve("gan-platformer"),
                        Optional.of(TileWorld.PLATFORMER)));
        try (DeckGenerators decks = DeckGenerators.open(Generators.installed(), gans, GeneratorSettings.DEFAULT);
             StudioGenerators.Vaes vaes = StudioGenerators.openVaes(List.of(EXAMPLES.resolve("vae-dungeon")), true)) {
            Map<String, LevelVariations> byWorld = StudioGenerators.variations(decks, vaes);
            assertEquals("vae", byWorld.get(StudioWorld.DUNGEON.label()).name());
            assertEquals("gan", byWorld.get(StudioWorld.PLATFORMER.label()).name());
            assertEquals("gan", byWorld.get(StudioWorld.PLATFORMER_V0.label()).name());
            String level = ("w".repeat(13) + "\n") + ("w" + ".".repeat(11) + "w\n").repeat(7) + "w".repeat(13) + "\n";
            List<LevelVariations.Variation> near = byWorld.get(StudioWorld.DUNGEON.label()).near(level, 4, 0);
            assertTrue(!near.isEmpty() && near.stream().allMatch(v -> v.text().length() == level.length()), "" + near);
        }
        try (DeckGenerators decks = DeckGenerators.open(Generators.installed(), List.of(), GeneratorSettings.DEFAULT);
             StudioGenerators.Vaes vaes = StudioGenerators.openVaes(List.of(EXAMPLES.resolve("vae-platformer")),
                     false)) {
            Map<String, LevelVariations> byWorld = StudioGenerators.variations(decks, vaes);
            assertEquals("vae", byWorld.get(StudioWorld.PLATFORMER.label()).name());
            assertEquals("vae", byWorld.get(StudioWorld.PLATFORMER_V0.label()).name());
            assertNull(byWorld.get(StudioWorld.DUNGEON.label()));
        }
    }

    @Test
    void aVaeFlagNamingAGanModelIsAOneLineErrorBeforeAnyWindow() throws Exception {
        Path gan = EXAMPLES.resolve("gan-dungeon");
        CliRun run = CliRun.of("studio", "--vae", gan.toString(), "--frames", "1");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().strip().startsWith("levelgym studio: error: --vae " + gan + ": "), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
