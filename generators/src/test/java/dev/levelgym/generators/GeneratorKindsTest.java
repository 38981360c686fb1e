package dev.levelgym.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.InvalidFieldException;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.envs.registry.Providers;
import dev.levelgym.generators.gan.PlatformerGan;
import dev.levelgym.generators.gan.PlatformerGanGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generator registry: kinds by name per world, from ServiceLoader providers, looked up by spec. */
class GeneratorKindsTest {

    /** The bundled trained models (the module's working directory is generators/). */
    private static final Path PLATFORMER_GAN = Path.of("..", "examples", "gan-platformer");
    private static final Path DUNGEON_GAN = Path.of("..", "examples", "gan-dungeon");

    /** A platformer kind a program registers itself: the envs' procedural levels of the settings' segments. */
    private static final GeneratorKind FLAT = new GeneratorKind() {
        @Override
        public String name() {
            return "procedural-platformer";
        }

        @Override
        public Optional<Argument> argument() {
            return Optional.empty();
        }

        @Override
        public List<TileWorld<?>> worlds() {
            return List.of(TileWorld.PLATFORMER);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <L extends TileGrid> LevelGenerator<L> create(String argument, TileWorld<L> world,
                                                             GeneratorSettings settings) {
            return (LevelGenerator<L>) new LevelGenerator<PlatformerLevel>() {
                @Override
                public String name() {
                    return "procedural-platformer";
                }

                @Override
                public TileWorld<PlatformerLevel> world() {
                    return TileWorld.PLATFORMER;
                }

                @Override
                public int width() {
                    return 28 * settings.segments();
                }

                @Override
                public int height() {
                    return PlatformerLevel.HEIGHT;
                }

                @Override
                public PlatformerLevel generate(long seed) {
                    return PlatformerLevels.of(seed, width()).withId(name() + "-" + seed);
                }
            };
        }
    };

    @Test
    void theStandardKindsComeThroughServiceLoaderFirst() {
        assertEquals(List.of("caves", "rooms", "gan:MODEL_DIR", "vae:MODEL_DIR"), Generators.standard().usages());
        assertEquals(List.of(StandardGenerators.class), Providers.load(GeneratorProvider.class,
                getClass().getClassLoader(), StandardGenerators.class).stream().map(Object::getClass).toList(),
                "listed in META-INF/services like any other provider");
        assertEquals(Generators.standard().usages(), Generators.installed().usages());
    }

    @Test
    void kindsAreRegisteredPerWorldAndLookedUpBySpec() {
        Generators generators = Generators.standard().with(FLAT);
        assertEquals(List.of("caves", "rooms"), generators.names(TileWorld.DUNGEON));
        assertEquals(List.of("procedural-platformer"), generators.names(TileWorld.PLATFORMER));
        assertEquals(List.of(), Generators.standard().names(TileWorld.PLATFORMER));
        assertEquals(List.of("caves", "procedural-platformer", "rooms", "gan:MODEL_DIR", "vae:MODEL_DIR"), generators.usages());
        assertSame(TileWorld.DUNGEON, generators.world("rooms"));
        assertSame(TileWorld.PLATFORMER, generators.world("procedural-platformer"));
        assertSame(TileWorld.PLATFORMER, generators.world("gan:" + PLATFORMER_GAN));
        assertSame(TileWorld.DUNGEON, generators.world("gan:" + DUNGEON_GAN));
        try (LevelGenerator<?> g = generators.create("procedural-platformer", new GeneratorSettings(
                java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), 2))) {
            assertSame(TileWorld.PLATFORMER, g.world());
            assertEquals(56, ((TileGrid) g.generate(4)).width());
        }
        UserInputException twice = assertThrows(UserInputException.class, () -> generators.with(FLAT));
        assertEquals("generator kind registered twice: procedural-platformer", twice.getMessage());
    }

    @Test
    void aSpecNeedsItsArgumentExactlyWhenTheKindTakesOne() {
        for (String bad : List.of("gan", "rooms:13", "roms")) {
            UserInputException e = assertThrows(UserInputException.class, () -> Generators.standard().kind(bad));
            assertEquals("unknown generator '" + bad + "'; known: caves, rooms, gan:MODEL_DIR, vae:MODEL_DIR", e.getMessage());
        }
        assertEquals("gan", Generators.standard().kind("gan:some/dir").name());
        assertEquals("some/dir", Generators.argument("gan:some/dir"));
        assertEquals(null, Generators.argument("rooms"));
    }

    @Test
    void aGeneratorOfAnotherWorldIsRefusedNamingBoth() {
        UserInputException rooms = assertThrows(UserInputException.class,
                () -> Generators.standard().create("rooms", TileWorld.PLATFORMER, GeneratorSettings.DEFAULT));
        assertEquals("generator 'rooms' makes [Dungeon-v0] levels, not Platformer-v1 ones", rooms.getMessage());
        UserInputException model = assertThrows(UserInputException.class, () -> Generators.standard()
                .create("gan:" + PLATFORMER_GAN, TileWorld.DUNGEON, GeneratorSettings.DEFAULT));
        assertTrue(model.getMessage().endsWith("a GAN for Platformer-v0 levels, not Dungeon-v0 ones"),
                model.getMessage());
    }

    @Test
    void theGanKindMakesEachWorldsGeneratorFromTheSettings() {
        try (LevelGenerator<?> g = Generators.standard().create("gan:" + PLATFORMER_GAN,
                new GeneratorSettings(java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), 3));
             PlatformerGan gan = PlatformerGan.load(PLATFORMER_GAN)) {
            PlatformerGanGenerator stitched = assertInstanceOf(PlatformerGanGenerator.class, g);
            assertEquals(gan.level(5, 3).level(), stitched.generate(5));
            assertEquals("3 segments, 84x14", stitched.size());
            assertEquals(PLATFORMER_GAN + " is a platformer GAN", stitched.describe());
        }
        InvalidFieldException segments = assertThrows(InvalidFieldException.class, () -> Generators.standard()
                .create("gan:" + PLATFORMER_GAN, new GeneratorSettings(java.util.OptionalInt.empty(),
                        java.util.OptionalInt.empty(), 0)));
        assertEquals("segments", segments.field());
        assertEquals("--segments must be at least 1, got 0", segments.as("--segments").getMessage());
        try (LevelGenerator<DungeonLevel> own = Generators.standard().create("gan:" + DUNGEON_GAN, TileWorld.DUNGEON,
                GeneratorSettings.DEFAULT)) {
            assertEquals("13x9", own.size(), "without a size, the model's own");
        }
        UserInputException size = assertThrows(UserInputException.class, () -> Generators.standard()
                .create("gan:" + DUNGEON_GAN, TileWorld.DUNGEON, GeneratorSettings.ofSize(15, 11)));
        assertEquals("the GAN model " + DUNGEON_GAN + " makes 13x9 levels, not 15x11", size.getMessage());
    }
}
