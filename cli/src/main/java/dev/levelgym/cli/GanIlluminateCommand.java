package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.gan.DungeonTrainingCorpus;
import dev.levelgym.generators.gan.GanModel;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.gan.LatentIllumination;
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
 * Builds a {@link LatentIllumination} archive for a Dungeon GAN and writes the model with it to a new directory, so
 * {@code generate --generator gan:OUT} draws its levels from the archive's elites.
 */
@Command(name = "illuminate", mixinStandardHelpOptions = true,
        description = "MAP-Elites over a Dungeon GAN's latent space (Fontaine et al. 2021): writes the model with an "
                + "archive of playable, varied latents that generate then draws from.")
final class GanIlluminateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR",
            description = "A Dungeon model from gan train.")
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
            description = "Levels an elite must not copy (default: the bundled corpus).")
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
        List<DungeonLevel> ref = reference == null ? DungeonCorpus.levels()
                : DungeonTrainingCorpus.load(reference).levels();
        long started = System.nanoTime();
        LatentIllumination.Archive archive;
        try (GanModel m = GanModel.load(model, GanWorld.DUNGEON)) {
            archive = LatentIllumination.illuminate(m, ref, evaluations, sigma, maxElites, seed);
            m.save(out, dir -> LatentIllumination.write(dir, archive));
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("illuminated %s: %d latents decoded and solved in %.1f s, %d playable and novel, filling %d cells "
                        + "(wall count x solution length x enemies); the archive keeps %d elites%n", model, evaluations,
                (System.nanoTime() - started) / 1e9, archive.playable(), archive.cells(), archive.elites().size());
        o.printf("wrote %s: manifest.json, generator.params, %s; generate --generator gan:%s draws seed s from elite "
                + "s mod %d%n", out, LatentIllumination.FILE, out, archive.elites().size());
        return 0;
    }
}
