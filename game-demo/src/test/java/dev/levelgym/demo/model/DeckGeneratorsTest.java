package dev.levelgym.demo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.gan.PlatformerGan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeckGeneratorsTest {

    /** The bundled models (the module's working directory is game-demo/). */
    private static final Path PLATFORMER_GAN = Path.of("..", "examples", "gan-platformer");
    private static final Path DUNGEON_GAN = Path.of("..", "examples", "gan-dungeon");

    @Test
    void withNothingAskedTheDecksHoldTheInstalledKindsThatNeedNoArgument() {
        try (DeckGenerators decks = DeckGenerators.open(Generators.installed(), List.of(), GeneratorSettings.DEFAULT)) {
            assertEquals(Generators.installed().names(TileWorld.DUNGEON),
                    decks.dungeon().stream().map(LevelGenerator::name).toList());
            assertEquals(List.of(), decks.platformer());
        }
    }

    @Test
    void eachAskedGeneratorJoinsTheDeckOfItsWorldFirst() {
        List<DeckGenerators.Request> asked = List.of(
                new DeckGenerators.Request("gan:" + PLATFORMER_GAN, Optional.empty()),
                new DeckGenerators.Request("gan:" + DUNGEON_GAN, Optional.of(TileWorld.DUNGEON)));
        try (DeckGenerators decks = DeckGenerators.open(Generators.installed(), asked, GeneratorSettings.DEFAULT);
             PlatformerGan gan = PlatformerGan.load(PLATFORMER_GAN)) {
            assertEquals(List.of("gan", "caves", "rooms"), decks.dungeon().stream().map(LevelGenerator::name).toList());
            assertEquals(List.of("gan"), decks.platformer().stream().map(PlatformerSource::name).toList());
            assertEquals(gan.level(3, GeneratorSettings.DEFAULT_SEGMENTS).level(), decks.platformer().get(0).level(3));
            assertEquals(13, decks.dungeon().get(0).generate(1).width());
        }
    }

    @Test
    void aModelOfAnotherWorldThanAskedIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeckGenerators.open(
                Generators.installed(), List.of(new DeckGenerators.Request("gan:" + PLATFORMER_GAN,
                        Optional.of(TileWorld.DUNGEON))), GeneratorSettings.DEFAULT));
        assertTrue(e.getMessage().endsWith("a GAN for Platformer-v0 levels, not Dungeon-v0 ones"), e.getMessage());
    }
}
