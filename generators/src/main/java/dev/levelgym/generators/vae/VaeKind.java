package dev.levelgym.generators.vae;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.model.ModelKind;
import java.nio.file.Path;

/**
 * {@code vae:MODEL_DIR}: a model from {@code vae train}, of the world its manifest names: a Dungeon model as a
 * {@link DungeonVae}, a platformer model as a {@link PlatformerVae} (see {@link ModelKind}).
 */
public final class VaeKind extends ModelKind {

    public VaeKind() {
        super(VaeGenerator.NAME, "VAE");
    }

    @Override
    protected GanWorld world(Path dir) {
        return VaeModel.world(VaeModel.manifest(dir).world(), dir.resolve(VaeModel.MANIFEST_FILE));
    }

    @Override
    protected LevelGenerator<DungeonLevel> dungeon(Path dir, String modelDir) {
        return new DungeonVae(load(dir, modelDir, GanWorld.DUNGEON), modelDir);
    }

    @Override
    protected LevelGenerator<PlatformerLevel> platformer(Path dir, int segments, String modelDir) {
        return new PlatformerVae(load(dir, modelDir, GanWorld.PLATFORMER), segments, modelDir);
    }

    /** The model, refused naming both worlds if it is not of {@code world}. */
    private VaeModel load(Path dir, String modelDir, GanWorld world) {
        GanWorld actual = world(dir);
        if (actual != world) {
            throw new UserInputException("the VAE model " + modelDir + " makes " + actual.envId() + " levels, not "
                    + world.envId() + " ones");
        }
        return VaeModel.load(dir);
    }
}
