package dev.levelgym.generators.gan;

import dev.levelgym.envs.InvalidFieldException;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.GeneratorKind;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code gan:MODEL_DIR}: a model from {@code gan train}, of the world its manifest names. A Dungeon model makes
 * levels of its own size ({@link DungeonGan}), which must be the settings' width and height if they give one; a
 * platformer model
 * makes levels of the settings' number of segments ({@link PlatformerGanGenerator}).
 */
public final class GanKind implements GeneratorKind {

    @Override
    public String name() {
        return DungeonGan.NAME;
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
        return GanWorld.of(GanModel.manifest(dir).world(), dir.resolve(GanModel.MANIFEST_FILE)).tileWorld();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <L extends TileGrid> LevelGenerator<L> create(String modelDir, TileWorld<L> world,
                                                         GeneratorSettings settings) {
        Path dir = Path.of(modelDir);
        if (world == TileWorld.PLATFORMER) {
            // Bounded before any segment is decoded: the stitched level must fit the platformer width limit.
            if (settings.segments() < 1) {
                throw new InvalidFieldException("segments", "must be at least 1, got " + settings.segments());
            }
            int maxSegments = PlatformerLevel.maxWidth() / PlatformerGan.SEGMENT_WIDTH;
            if (settings.segments() > maxSegments) {
                throw new InvalidFieldException("segments", "must be in 1.." + maxSegments + " (levels of at most "
                        + PlatformerLevel.maxWidth() + " columns), got " + settings.segments() + " "
                        + LevelLimits.howToRaisePlatformerWidth());
            }
            return (LevelGenerator<L>) new PlatformerGanGenerator(PlatformerGan.load(dir), settings.segments(),
                    modelDir);
        }
        DungeonGan gan = DungeonGan.load(dir);
        int width = settings.width().orElse(gan.width());
        int height = settings.height().orElse(gan.height());
        if (gan.width() != width || gan.height() != height) {
            gan.close();
            throw new UserInputException("the GAN model " + modelDir + " makes " + gan.width() + "x" + gan.height()
                    + " levels, not " + width + "x" + height);
        }
        return (LevelGenerator<L>) gan;
    }
}
