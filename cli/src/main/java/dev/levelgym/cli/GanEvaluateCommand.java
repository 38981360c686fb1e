package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.DungeonRepair;
import dev.levelgym.generators.LevelMetrics;
import dev.levelgym.generators.PlatformerCorpus;
import dev.levelgym.generators.gan.Decoding;
import dev.levelgym.generators.gan.DungeonGan;
import dev.levelgym.generators.gan.DungeonTrainingCorpus;
import dev.levelgym.generators.gan.GanModel;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.gan.PlatformerGan;
import dev.levelgym.generators.gan.PlatformerGanEvaluation;
import dev.levelgym.generators.gan.PlatformerWindows;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Samples many levels from a GAN model and prints the targets: playability before repair (raw argmax
 * drafts, and {@link Decoding#ONE_EACH} drafts as {@code generate} makes them), repair edits, playability after
 * repair, duplicates, copies of the training set, tile-pattern KL, and the sampling + solving rate (argmax drafts,
 * from latent vectors to solver verdicts). Metrics of the delivered levels are of the one-each drafts after repair.
 * A platformer model is measured on its 28-column segments instead ({@link PlatformerGanEvaluation}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Sample a GAN model and print playability, repair edits, novelty, KL and sampling speed.")
final class GanEvaluateCommand implements Callable<Integer> {

    /** Pairwise diversity is quadratic: it is computed on the first levels only. */
    private static final int PAIRWISE_LEVELS = 1000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "A model from gan train.")
    private Path model;

    @Option(names = "--count", defaultValue = "10000", description = "Levels to sample (default ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--seed", defaultValue = "0", description = "First seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--reference", paramLabel = "DIR",
            description = "Training levels to compare with (default: the world's bundled corpus).")
    private Path reference;

    @Option(names = "--levels", defaultValue = "100", paramLabel = "N",
            description = "Platformer models: stitched levels to check (default ${DEFAULT-VALUE}).")
    private int levels;

    @Option(names = "--segments", defaultValue = "8", paramLabel = "N",
            description = "Platformer models: segments per stitched level (default ${DEFAULT-VALUE}).")
    private int segments;

    @Override
    public Integer call() throws IOException {
        if (count < 2) {
            throw new UserInputException("--count must be at least 2, got " + count);
        }
        Seeds.requireRange(seed, count, "--count " + count);
        if (GanWorld.PLATFORMER.names(GanModel.manifest(model).world())) {
            return platformer();
        }
        List<DungeonLevel> ref = reference == null ? DungeonCorpus.levels() : DungeonTrainingCorpus.load(reference).levels();
        PrintWriter o = spec.commandLine().getOut();
        try (DungeonGan gan = DungeonGan.load(model)) {
            DungeonSolver solver = new DungeonSolver();
            long started = System.nanoTime();
            List<String> raw = gan.drafts(seed, count, Decoding.ARGMAX);
            int rawPlayable = playableCount(raw, solver);
            double sampleSolveSeconds = (System.nanoTime() - started) / 1e9;
            long oneEachStarted = System.nanoTime();
            List<String> drafts = gan.drafts(seed, count, Decoding.ONE_EACH);
            int oneEachPlayable = playableCount(drafts, solver);
            double oneEachSeconds = (System.nanoTime() - oneEachStarted) / 1e9;
            List<Integer> rawEdits = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                rawEdits.add(gan.playable(raw.get(i), "gan-" + (seed + i)).edits().size());
            }
            long repairStarted = System.nanoTime();
            List<DungeonLevel> levels = new ArrayList<>(count);
            List<Integer> edits = new ArrayList<>(count);
            int playable = 0;
            for (int i = 0; i < count; i++) {
                DungeonRepair.Result r = gan.playable(drafts.get(i), "gan-" + (seed + i));
                levels.add(r.level());
                edits.add(r.edits().size());
                playable += solver.shortest(r.level()).playable() ? 1 : 0;
            }
            double repairSeconds = (System.nanoTime() - repairStarted) / 1e9;
            Set<String> distinctDrafts = new HashSet<>(raw);
            double kl = 0;
            for (int s : LevelMetrics.PATTERN_SIZES) {
                kl += LevelMetrics.tilePatternKL(ref, levels, s);
            }
            kl /= LevelMetrics.PATTERN_SIZES.length;
            List<DungeonLevel> head = levels.subList(0, Math.min(PAIRWISE_LEVELS, count));
            o.printf("GAN %s, %d levels (seeds %d..%d) against %d reference levels%n", model, count, seed,
                    seed + count - 1, ref.size());
            row(o, "playable before repair (argmax)", (double) rawPlayable / count);
            row(o, "median repair edits (argmax)", LevelMetrics.median(rawEdits));
            row(o, "playable before repair (one-each)", (double) oneEachPlayable / count);
            row(o, "median repair edits (one-each)", LevelMetrics.median(edits));
            row(o, "mean repair edits (one-each)", edits.stream().mapToInt(Integer::intValue).average().orElse(0));
            row(o, "playable after repair", (double) playable / count);
            row(o, "duplicate share (argmax drafts)", (double) (count - distinctDrafts.size()) / count);
            row(o, "duplicate share (levels)", LevelMetrics.duplicateShare(levels));
            row(o, "identical to reference share", LevelMetrics.identicalToReferenceShare(levels, ref));
            row(o, "mean min Hamming to ref. (first " + head.size() + ")",
                    LevelMetrics.meanMinHammingToReference(head, ref));
            row(o, "mean pairwise Hamming (first " + head.size() + ")", LevelMetrics.meanPairwiseHamming(head));
            row(o, "tile-pattern KL (2,3,4 mean)", kl);
            LevelMetrics.SplitHalf own = LevelMetrics.splitHalf(ref);
            row(o, "reference split-half: min Hamming", own.meanMinHammingToReference());
            row(o, "reference split-half: pairwise Hamming", own.meanPairwiseHamming());
            row(o, "reference split-half: tile-pattern KL", own.tilePatternKL());
            if (gan.elites() > 0) {
                o.printf("(the model has a latent archive of %d elites: seeds 0..%d decode them, later seeds the "
                        + "prior)%n", gan.elites(), gan.elites() - 1);
            }
            row(o, "sampling + solving (argmax), levels/s", count / sampleSolveSeconds);
            row(o, "sampling + solving (one-each), levels/s", count / oneEachSeconds);
            row(o, "repair, levels/s", count / repairSeconds);
        }
        return 0;
    }

    private int platformer() throws IOException {
        List<PlatformerLevel> ref = reference == null ? PlatformerCorpus.levels() : PlatformerWindows.load(reference);
        PlatformerGanEvaluation e;
        int elites;
        try (PlatformerGan gan = PlatformerGan.load(model)) {
            e = PlatformerGanEvaluation.run(gan, ref, seed, count, levels, segments);
            elites = gan.elites();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("Platformer GAN %s, %d segments of 14x28 (seeds %d..%d) against the %d-column windows of %d "
                + "reference levels%n", model, count, seed, seed + count - 1, PlatformerWindows.WIDTH, ref.size());
        String decoding = PlatformerGan.DECODING.name().toLowerCase(Locale.ROOT);
        row(o, "completable segments (" + decoding + ")", e.completableShare());
        row(o, "mean completion (" + decoding + ")", e.meanCompletion());
        row(o, "completable training windows", e.trainingCompletableShare());
        row(o, "duplicate share (segments)", e.duplicateShare());
        row(o, "identical to a training window share", e.copiedShare());
        row(o, "tile-pattern KL to training (2,3,4 mean)", e.klToTraining());
        row(o, "completable segments (argmax)", e.argmaxCompletableShare());
        row(o, "tile-pattern KL, argmax segments", e.argmaxKlToTraining());
        row(o, "procedural windows' KL to training", e.proceduralKlToTraining());
        row(o, "completable " + e.segmentsPerLevel() + "-segment stitches", e.stitchedCompletableShare());
        row(o, "completable solver-joined levels", e.joinedCompletableShare());
        row(o, "mean segment redraws per joined level", e.meanRedraws());
        row(o, "sampling + solving, segments/s", e.segmentsPerSecond());
        o.printf("(%d stitched levels of %d segments, seeds %d..%d)%n", e.stitchedLevels(), e.segmentsPerLevel(),
                seed, seed + e.stitchedLevels() - 1);
        if (elites > 0) {
            o.printf("(the model has a latent archive of %d elites: segments 0..%d decode them, later seeds the "
                    + "prior)%n", elites, elites - 1);
        }
        return 0;
    }

    private static int playableCount(List<String> drafts, DungeonSolver solver) {
        int n = 0;
        for (String d : drafts) {
            DungeonLevel l = DungeonGan.parseOrNull(d, "draft");
            n += l != null && solver.shortest(l).playable() ? 1 : 0;
        }
        return n;
    }

    private static void row(PrintWriter o, String name, double value) {
        o.printf("%-40s %12.4f%n", name, value);
    }
}
