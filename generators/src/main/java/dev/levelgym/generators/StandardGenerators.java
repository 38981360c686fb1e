package dev.levelgym.generators;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.generators.gan.GanKind;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * levelgym's own generator kinds, provided like any other jar's ({@link GeneratorProvider}): the constructive Dungeon
 * generators {@code rooms} and {@code caves}, and {@code gan:MODEL_DIR} for a model from {@code gan train}, of
 * either world.
 */
public final class StandardGenerators implements GeneratorProvider {

    @Override
    public List<GeneratorKind> generatorKinds() {
        return List.of(dungeon(RoomsGenerator.NAME, RoomsGenerator::new), dungeon(CavesGenerator.NAME,
                CavesGenerator::new), new GanKind());
    }

    /** A kind of Dungeon levels of the settings' width and height (13×9 by default), named alone. */
    static GeneratorKind dungeon(String name, BiFunction<Integer, Integer, LevelGenerator<DungeonLevel>> factory) {
        return new GeneratorKind() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Argument> argument() {
                return Optional.empty();
            }

            @Override
            public List<TileWorld<?>> worlds() {
                return List.of(TileWorld.DUNGEON);
            }

            @Override
            @SuppressWarnings("unchecked")
            public <L extends TileGrid> LevelGenerator<L> create(String argument, TileWorld<L> world,
                                                                 GeneratorSettings settings) {
                if (world != TileWorld.DUNGEON) {
                    throw new UserInputException(name + " makes " + TileWorld.DUNGEON.envId() + " levels, not "
                            + world.envId() + " ones");
                }
                return (LevelGenerator<L>) factory.apply(settings.width().orElse(Dungeon.DEFAULT_WIDTH),
                        settings.height().orElse(Dungeon.DEFAULT_HEIGHT));
            }
        };
    }
}
