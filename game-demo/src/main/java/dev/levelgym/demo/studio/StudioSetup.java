package dev.levelgym.demo.studio;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.generators.search.LevelVariations;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the studio starts, beyond the demo's own settings.
 *
 * @param world      the world of the first level (W switches)
 * @param file       the level file to edit: opened if it exists, else a new level saved there by Ctrl+S
 * @param targets    a {@code --target} spec to switch targets on with, e.g. {@code solutionLength=20..30}
 * @param variations where V finds variations, by world label ({@code dungeon}, {@code platformer}); a world
 *                   missing here has none
 * @param runs       runs per play-test (K)
 */
public record StudioSetup(StudioWorld world, Optional<Path> file, Optional<String> targets,
                          Map<String, LevelVariations> variations, int runs) {

    public static final int DEFAULT_RUNS = 10;
    /** The bound on K: a play-test is K full episodes on the render thread in scripted runs. */
    public static final int MAX_RUNS = 1000;

    public StudioSetup {
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(targets, "targets");
        variations = Map.copyOf(variations);
        if (runs < 1 || runs > MAX_RUNS) {
            throw new UserInputException("--runs must be 1 to " + MAX_RUNS + ", got " + runs);
        }
    }

    /** A new Dungeon level, no targets, no variations: the studio as the demo's menu opens it without models. */
    public static StudioSetup defaults() {
        return new StudioSetup(StudioWorld.DUNGEON, Optional.empty(), Optional.empty(), Map.of(), DEFAULT_RUNS);
    }

    /** The same setup with other variation sources (the demo's menu passes the GANs it loaded). */
    public StudioSetup withVariations(Map<String, LevelVariations> sources) {
        return new StudioSetup(world, file, targets, sources, runs);
    }
}
