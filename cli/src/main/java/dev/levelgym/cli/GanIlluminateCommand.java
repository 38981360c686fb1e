package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.PlatformerCorpus;
import dev.levelgym.generators.gan.DungeonTrainingCorpus;
import dev.levelgym.generators.gan.GanModel;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.gan.LatentIllumination;
import dev.levelgym.generators.gan.PlatformerWindows;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Builds a {@link LatentIllumination} archive for a Dungeon or platformer GAN (the world its manifest names) and
 * writes the model with it to a new directory, so {@code generate --generator gan:OUT} draws its levels (platformer:
 * its segments) from the archive's elites.
 */
@Command(name = "illuminate", mixinStandardHelpOptions = true,
        description = "MAP-Elites over a GAN's latent space (Fontaine et al. 2021): writes the model with an "
                + "archive of playable, varied latents that generate then draws from.")
final class GanIlluminateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR",
            description = "A Dungeon or platformer model from gan train.")
    private Path model;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR",
            description = "The model with its archive (" + LatentIllumination.FILE + ") is written here.")
    private Path out;

    @Option(names = "--evaluations", defaultValue = "40000", paramLabel = "N",
            description = "Latents decoded and solved (default ${DEFAULT-VALUE}).")
    private int evaluations;

    @Option(names = "--sigma", defaultValue = "1.0", paramLabel = "S",
            description = "Mutation step: a child is an elite plus S times standard normal noise "
                    + "(default ${DEFAULT-VALUE}).")
    private double sigma;

    @Option(names = "--max-elites", defaultValue = "" + Integer.MAX_VALUE, paramLabel = "N",
            description = "Keep at most N elites, a random choice (default: all; about 200 bytes each on disk).")
    private int maxElites;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--reference", paramLabel = "DIR",
            description = "Levels an elite must not copy (platformer: no window of them; default: the world's "
                    + "bundled corpus).")
    private Path reference;

    @Option(names = "--force", description = "Replace an existing model directory.")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        AtomicFiles.recoverDirectory(out, dir -> Files.exists(dir.resolve(GanModel.MANIFEST_FILE)));
        if (Files.exists(out) && !force) {
            throw new UserInputException("--out " + out + " exists; pass --force to replace it");
        }
        if (out.toAbsolutePath().normalize().equals(model.toAbsolutePath().normalize())) {
            throw new UserInputException("--out must differ from --model: the model is read while the copy is written");
        }
        boolean platformer = GanWorld.PLATFORMER.names(GanModel.manifest(model).world());
        List<DungeonLevel> dungeonRef = platformer ? null : reference == null ? DungeonCorpus.levels()
                : DungeonTrainingCorpus.load(reference).levels();
        List<PlatformerLevel> platformerRef = !platformer ? null : reference == null ? PlatformerCorpus.levels()
                : PlatformerWindows.load(reference);
        long started = System.nanoTime();
        LatentIllumination.Archive archive;
        try (GanModel m = GanModel.load(model, platformer ? GanWorld.PLATFORMER : GanWorld.DUNGEON)) {
            archive = platformer
                    ? LatentIllumination.illuminatePlatformer(m, platformerRef, evaluations, sigma, maxElites, seed)
                    : LatentIllumination.illuminate(m, dungeonRef, evaluations, sigma, maxElites, seed);
            m.save(out, dir -> LatentIllumination.write(dir, archive));
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("illuminated %s: %d latents decoded and solved in %.1f s, %d playable and novel, filling %d cells "
                        + "(%s); the archive keeps %d elites%n", model, evaluations,
                (System.nanoTime() - started) / 1e9, archive.playable(), archive.cells(), archive.features(),
                archive.elites().size());
        o.printf("wrote %s: manifest.json, generator.params, %s; generate --generator gan:%s draws seed s < %d from "
                + "elite s (platformer: segment i of seed s's level of k segments from elite s·k + i), later seeds "
                + "from the prior%n", out, LatentIllumination.FILE, out, archive.elites().size());
        return 0;
    }
}
