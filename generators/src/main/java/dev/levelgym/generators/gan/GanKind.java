package dev.levelgym.generators.gan;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.model.ModelKind;
import java.nio.file.Path;

/**
 * {@code gan:MODEL_DIR}: a model from {@code gan train}, of the world its manifest names: a Dungeon model as a
 * {@link DungeonGan}, a platformer model as a {@link PlatformerGanGenerator} (see {@link ModelKind}).
 */
public final class GanKind extends ModelKind {

    public GanKind() {
        super(DungeonGan.NAME, "GAN");
    }

    @Override
    protected GanWorld world(Path dir) {
        return GanWorld.of(GanModel.manifest(dir).world(), dir.resolve(GanModel.MANIFEST_FILE));
    }

    /** A platformer model is refused naming its manifest ({@link GanModel#load(Path, GanWorld)}). */
    @Override
    protected LevelGenerator<DungeonLevel> dungeon(Path dir, String modelDir) {
        return DungeonGan.load(dir);
    }

    @Override
    protected LevelGenerator<PlatformerLevel> platformer(Path dir, int segments, String modelDir) {
        return new PlatformerGanGenerator(PlatformerGan.load(dir), segments, modelDir);
    }
}
