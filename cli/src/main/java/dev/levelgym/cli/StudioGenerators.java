package dev.levelgym.cli;

import dev.levelgym.demo.studio.StudioWorld;
import dev.levelgym.generators.gan.DungeonGan;
import dev.levelgym.generators.gan.PlatformerGan;
import dev.levelgym.generators.search.DungeonGanVariations;
import dev.levelgym.generators.search.LatentNeighbourSearch;
import dev.levelgym.generators.search.LevelVariations;
import dev.levelgym.generators.search.PlatformerGanVariations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the level studio's variations come from: the Dungeon and platformer GANs (given, or the bundled
 * {@code examples/gan-*} of a clone), each wrapped as {@link LevelVariations}. The studio's only contact with
 * generator lookup, kept here so the commands that open the studio share it. Holds the models' native memory.
 */
final class StudioGenerators implements AutoCloseable {

    /** The models bundled with the sources, so a clone varies levels without training one first. */
    static final String DEFAULT_GAN = "examples/gan-dungeon";
    static final String DEFAULT_PLATFORMER_GAN = "examples/gan-platformer";

    private final DungeonGan dungeon;
    private final PlatformerGan platformer;

    private StudioGenerators(DungeonGan dungeon, PlatformerGan platformer) {
        this.dungeon = dungeon;
        this.platformer = platformer;
    }

    /**
     * Loads the GANs in the given folders, or the bundled ones when a folder is null and the bundled one exists
     * here.
     */
    static StudioGenerators load(Path gan, Path platformerGan) {
        Path d = orDefault(gan, DEFAULT_GAN);
        Path p = orDefault(platformerGan, DEFAULT_PLATFORMER_GAN);
        DungeonGan dungeonGan = d == null ? null : DungeonGan.load(d);
        try {
            return new StudioGenerators(dungeonGan, p == null ? null : PlatformerGan.load(p));
        } catch (RuntimeException e) {
            if (dungeonGan != null) {
                dungeonGan.close();
            }
            throw e;
        }
    }

    private static Path orDefault(Path given, String bundled) {
        return given != null ? given : Files.isDirectory(Path.of(bundled)) ? Path.of(bundled) : null;
    }

    Map<String, LevelVariations> variations() {
        return variations(dungeon, platformer);
    }

    /** Variation sources over GANs already loaded (either may be null), by the studio's world labels. */
    static Map<String, LevelVariations> variations(DungeonGan dungeon, PlatformerGan platformer) {
        Map<String, LevelVariations> out = new HashMap<>();
        if (dungeon != null) {
            out.put(StudioWorld.DUNGEON.label(), new DungeonGanVariations(dungeon, LatentNeighbourSearch.DEFAULT));
        }
        if (platformer != null) {
            out.put(StudioWorld.PLATFORMER.label(),
                    new PlatformerGanVariations(platformer, LatentNeighbourSearch.QUICK));
        }
        return out;
    }

    @Override
    public void close() {
        try {
            if (dungeon != null) {
                dungeon.close();
            }
        } finally {
            if (platformer != null) {
                platformer.close();
            }
        }
    }
}
