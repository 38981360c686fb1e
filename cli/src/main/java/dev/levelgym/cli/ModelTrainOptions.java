package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.PlatformerCorpus;
import dev.levelgym.generators.gan.DungeonTrainingCorpus;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.gan.PlatformerWindows;
import dev.levelgym.generators.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options {@code gan train} and {@code vae train} share (a picocli mixin): the world, its corpus, the model
 * directory to write and whether to replace it, the seed and the progress bar.
 */
final class ModelTrainOptions {

    @Option(names = "--world", defaultValue = "dungeon", paramLabel = "WORLD",
            description = "dungeon or platformer (default ${DEFAULT-VALUE}).")
    private String world;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "Folder of level files (*.txt) (default: the world's bundled corpus: 41 Dungeon levels, "
                    + "6 platformer levels).")
    private Path corpus;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "Model directory to write.")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Replace an existing model directory.")
    private boolean force;

    @Option(names = "--no-progress", description = "Hide the progress bar.")
    private boolean noProgress;

    /** The world --world names. */
    GanWorld world() {
        return switch (world.toLowerCase(Locale.ROOT)) {
            case "dungeon" -> GanWorld.DUNGEON;
            case "platformer" -> GanWorld.PLATFORMER;
            default -> throw new UserInputException("--world: unknown world '" + world
                    + "'; use dungeon or platformer");
        };
    }

    /**
     * Refuses an existing --out without --force. A run killed while saving leaves its temporary model beside --out,
     * or (between the two renames) the previous model set aside: that is put back, and the temporaries removed,
     * before deciding anything.
     *
     * @param writesWhileTraining whether the command writes into --out as it trains (gan train's sample pictures),
     *                            so that an --out with no manifest is named as a run that stopped before it ended
     */
    void refuseExistingOut(boolean writesWhileTraining) throws IOException {
        AtomicFiles.recoverDirectory(out, dir -> Files.exists(dir.resolve(ModelDirectory.MANIFEST_FILE)));
        if (Files.exists(out) && !force) {
            throw new UserInputException(!writesWhileTraining || Files.exists(out.resolve(ModelDirectory.MANIFEST_FILE))
                    ? "--out " + out + " exists; pass --force to replace it"
                    : "--out " + out + " holds an unfinished model (no " + ModelDirectory.MANIFEST_FILE + ": a run "
                    + "stopped before it ended); pass --force to train it again from the start");
        }
    }

    /** The platformer levels of --corpus, or the bundled ones. */
    List<PlatformerLevel> platformerLevels() throws IOException {
        return corpus == null ? PlatformerCorpus.levels() : PlatformerWindows.load(corpus);
    }

    /** The Dungeon levels of --corpus (all of one size), or the bundled ones. */
    DungeonTrainingCorpus dungeonLevels() throws IOException {
        return corpus == null ? DungeonTrainingCorpus.of(DungeonCorpus.levels()) : DungeonTrainingCorpus.load(corpus);
    }

    /** A progress bar of {@code steps} steps, unless --no-progress. */
    ProgressDisplay progress(String task, int steps) {
        return ProgressDisplay.open(task, steps, !noProgress);
    }
}
