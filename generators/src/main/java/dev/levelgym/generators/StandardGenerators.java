package dev.levelgym.generators;

import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.generators.gan.GanKind;
import dev.levelgym.generators.vae.VaeKind;
import java.util.List;

/**
 * levelgym's own generator kinds, provided like any other jar's ({@link GeneratorProvider}): the constructive Dungeon
 * generators {@code rooms} and {@code caves} (13×9 unless the settings give a size), {@code gan:MODEL_DIR} for a
 * model from {@code gan train} and {@code vae:MODEL_DIR} for one from {@code vae train}, of either world.
 */
public final class StandardGenerators implements GeneratorProvider {

    @Override
    public List<GeneratorKind> generatorKinds() {
        return List.of(
                GeneratorKind.of(RoomsGenerator.NAME, TileWorld.DUNGEON, s -> new RoomsGenerator(width(s), height(s))),
                GeneratorKind.of(CavesGenerator.NAME, TileWorld.DUNGEON, s -> new CavesGenerator(width(s), height(s))),
                new GanKind(), new VaeKind());
    }

    private static int width(GeneratorSettings settings) {
        return settings.width().orElse(Dungeon.DEFAULT_WIDTH);
    }

    private static int height(GeneratorSettings settings) {
        return settings.height().orElse(Dungeon.DEFAULT_HEIGHT);
    }
}
