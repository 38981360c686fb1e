package dev.levelgym.generators.vae;

import dev.levelgym.envs.InvalidFieldException;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.GeneratorKind;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.gan.PlatformerWindows;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code vae:MODEL_DIR}: a model from {@code vae train}, of the world its manifest names. A Dungeon model makes levels
 * of its own size ({@link DungeonVae}), which must be the settings' if they give one; a platformer model makes levels
 * of the settings' number of 28-column segments ({@link PlatformerVae}).
 */
public final class VaeKind implements GeneratorKind {

    @Override
    public String name() {
        return VaeGenerator.NAME;
    }

    @Override
    public Optional<Argument> argument() {
        return Optional.of(new Argument("MODEL_DIR", true));
    }

    @Override
    public List<TileWorld<?>> worlds() {
        return List.of(TileWorld.DUNGEON, TileWorld.PLATFORMER);
    }

    @Override
    public TileWorld<?> world(String modelDir) {
        Path dir = Path.of(modelDir);
        return VaeModel.world(VaeModel.manifest(dir).world(), dir.resolve(VaeModel.MANIFEST_FILE)).tileWorld();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <L extends TileGrid> LevelGenerator<L> create(String modelDir, TileWorld<L> world,
                                                         GeneratorSettings settings) {
        Path dir = Path.of(modelDir);
        TileWorld<?> actual = world(modelDir);
        if (actual != world) {
            throw new UserInputException("the VAE model " + modelDir + " makes " + actual.envId() + " levels, not "
                    + world.envId() + " ones");
        }
        if (world == TileWorld.PLATFORMER) {
            int maxSegments = PlatformerLevel.maxWidth() / PlatformerWindows.WIDTH;
            if (settings.segments() < 1 || settings.segments() > maxSegments) {
                throw new InvalidFieldException("segments", "must be in 1.." + maxSegments + " (levels of at most "
                        + PlatformerLevel.maxWidth() + " columns), got " + settings.segments() + " "
                        + LevelLimits.howToRaisePlatformerWidth());
            }
            return (LevelGenerator<L>) new PlatformerVae(VaeModel.load(dir), settings.segments(), modelDir);
        }
        VaeModel model = VaeModel.load(dir);
        int width = settings.width().orElse(model.width());
        int height = settings.height().orElse(model.height());
        if (model.width() != width || model.height() != height) {
            model.close();
            throw new UserInputException("the VAE model " + modelDir + " makes " + model.width() + "x"
                    + model.height() + " levels, not " + width + "x" + height);
        }
        return (LevelGenerator<L>) new DungeonVae(model, modelDir);
    }
}
