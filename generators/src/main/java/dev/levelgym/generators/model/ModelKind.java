package dev.levelgym.generators.model;

import dev.levelgym.envs.InvalidFieldException;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.grid.LevelLimits;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.GeneratorKind;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.gan.PlatformerWindows;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A kind {@code NAME:MODEL_DIR} whose argument is a trained model's directory, of the world its manifest names
 * ({@code gan:}, {@code vae:}). A Dungeon model makes levels of its own size, which must be the settings' width and
 * height if they give one; a platformer model makes levels of the settings' number of
 * {@value PlatformerWindows#WIDTH}-column segments, bounded before any is decoded so the level fits the platformer
 * width limit.
 */
public abstract class ModelKind implements GeneratorKind {

    private final String name;
    private final String label;

    /**
     * @param name  the prefix, e.g. {@code gan}
     * @param label what the model is called in messages, e.g. {@code GAN}
     */
    protected ModelKind(String name, String label) {
        this.name = name;
        this.label = label;
    }

    /** The world {@code dir}'s manifest names; errors name the file. */
    protected abstract GanWorld world(Path dir);

    /** The generator of a Dungeon model, of the model's own size; errors name the file. */
    protected abstract LevelGenerator<DungeonLevel> dungeon(Path dir, String modelDir);

    /** The generator of a platformer model, of {@code segments} segments (already checked); errors name the file. */
    protected abstract LevelGenerator<PlatformerLevel> platformer(Path dir, int segments, String modelDir);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Optional<Argument> argument() {
        return Optional.of(new Argument("MODEL_DIR", true));
    }

    @Override
    public final List<TileWorld<?>> worlds() {
        return List.of(TileWorld.DUNGEON, TileWorld.PLATFORMER);
    }

    @Override
    public final TileWorld<?> world(String modelDir) {
        return world(Path.of(modelDir)).tileWorld();
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <L extends TileGrid> LevelGenerator<L> create(String modelDir, TileWorld<L> world,
                                                               GeneratorSettings settings) {
        Path dir = Path.of(modelDir);
        if (world == TileWorld.PLATFORMER) {
            if (settings.segments() < 1) {
                throw new InvalidFieldException("segments", "must be at least 1, got " + settings.segments());
            }
            int maxSegments = PlatformerLevel.maxWidth() / PlatformerWindows.WIDTH;
            if (settings.segments() > maxSegments) {
                throw new InvalidFieldException("segments", "must be in 1.." + maxSegments + " (levels of at most "
                        + PlatformerLevel.maxWidth() + " columns), got " + settings.segments() + " "
                        + LevelLimits.howToRaisePlatformerWidth());
            }
            return (LevelGenerator<L>) platformer(dir, settings.segments(), modelDir);
        }
        LevelGenerator<DungeonLevel> generator = dungeon(dir, modelDir);
        int width = settings.width().orElse(generator.width());
        int height = settings.height().orElse(generator.height());
        if (generator.width() != width || generator.height() != height) {
            generator.close();
            throw new UserInputException("the " + label + " model " + modelDir + " makes " + generator.width() + "x"
                    + generator.height() + " levels, not " + width + "x" + height);
        }
        return (LevelGenerator<L>) generator;
    }
}
