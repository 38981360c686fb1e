package dev.levelgym.generators.gan;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.generators.LevelMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The targets for a Platformer-v0 GAN, measured on the segments of consecutive seeds (decoded as
 * {@link PlatformerGan#DECODING}, and by argmax beside them) against the training levels' windows, with the
 * procedural generator's windows as the baseline.
 *
 * @param segments                 segments sampled
 * @param completableShare         share of segments the solver completes (a segment without a start cell counts as
 *                                 not completable): the MarioGAN / MarioGPT playability figure
 * @param meanCompletion           mean solver completion of the segments (0 for a segment without a start)
 * @param trainingCompletableShare the same share over the training windows themselves: the ceiling a GAN that
 *                                 copied its data would reach
 * @param duplicateShare           (segments − distinct segments) / segments
 * @param copiedShare              share of segments equal to some training window
 * @param klToTraining             tile-pattern KL(training windows ‖ segments), mean over 2×2, 3×3, 4×4
 * @param argmaxCompletableShare   {@code completableShare} of the same latents' argmax segments (MarioGAN's decoding)
 * @param argmaxKlToTraining       {@code klToTraining} of the argmax segments
 * @param proceduralKlToTraining   the same KL of as many windows of {@link PlatformerLevels} levels
 *                                 ({@value #PROCEDURAL_WIDTH} columns, seeds 0, 1, ...)
 * @param stitchedLevels           stitched levels made of {@code segmentsPerLevel} segments each (seeds from the
 *                                 first seed on)
 * @param segmentsPerLevel         segments per stitched level
 * @param stitchedCompletableShare share of plain side-by-side stitches ({@link PlatformerGan#stitched}) completable
 * @param joinedCompletableShare   share of solver-checked stitches ({@link PlatformerGan#level}) completable
 * @param meanRedraws              mean segment redraws per solver-checked stitch
 * @param segmentsPerSecond        sampling + solving rate of the segments
 */
public record PlatformerGanEvaluation(int segments, double completableShare, double meanCompletion,
                                      double trainingCompletableShare, double duplicateShare, double copiedShare,
                                      double klToTraining, double argmaxCompletableShare,
                                      double argmaxKlToTraining, double proceduralKlToTraining, int stitchedLevels,
                                      int segmentsPerLevel, double stitchedCompletableShare,
                                      double joinedCompletableShare, double meanRedraws,
                                      double segmentsPerSecond) {

    static final int PROCEDURAL_WIDTH = 200;

    /**
     * Measures {@code gan} on the segments of seeds {@code firstSeed .. firstSeed + count − 1} and on
     * {@code stitchedLevels} stitched levels of seeds {@code firstSeed ...}.
     */
    public static PlatformerGanEvaluation run(PlatformerGan gan, List<PlatformerLevel> training, long firstSeed,
                                              int count, int stitchedLevels, int segmentsPerLevel) {
        if (count < 1 || stitchedLevels < 0 || segmentsPerLevel < 1) {
            throw new UserInputException("bad evaluation sizes: " + count + " segments, " + stitchedLevels
                    + " levels of " + segmentsPerLevel + " segments");
        }
        PlatformerSolver solver = new PlatformerSolver();
        long started = System.nanoTime();
        List<String> texts = gan.segments(firstSeed, count);
        int completable = 0;
        double completion = 0;
        for (String t : texts) {
            PlatformerLevel l = PlatformerGan.parseOrNull(t, "segment");
            if (l != null) {
                PlatformerSolution s = solver.solve(l);
                completable += s.completable() ? 1 : 0;
                completion += s.completion();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> argmax = gan.segments(firstSeed, count, Decoding.ARGMAX);
        int argmaxCompletable = 0;
        for (String t : argmax) {
            PlatformerLevel l = PlatformerGan.parseOrNull(t, "segment");
            argmaxCompletable += l != null && solver.solve(l).completable() ? 1 : 0;
        }
        List<PlatformerWindows.Window> windows = PlatformerWindows.of(training);
        int trainingCompletable = 0;
        Set<String> trainingTexts = new HashSet<>();
        for (PlatformerWindows.Window w : windows) {
            PlatformerLevel l = PlatformerGan.parseOrNull(w.text(), w.id());
            trainingCompletable += l != null && solver.solve(l).completable() ? 1 : 0;
            trainingTexts.add(w.text());
        }
        List<PlatformerWindows.Window> generated = new ArrayList<>(count);
        List<PlatformerWindows.Window> argmaxGenerated = new ArrayList<>(count);
        int copied = 0;
        for (int i = 0; i < count; i++) {
            generated.add(new PlatformerWindows.Window("gan-" + (firstSeed + i), PlatformerWindows.WIDTH,
                    texts.get(i)));
            argmaxGenerated.add(new PlatformerWindows.Window("gan-" + (firstSeed + i), PlatformerWindows.WIDTH,
                    argmax.get(i)));
            copied += trainingTexts.contains(texts.get(i)) ? 1 : 0;
        }
        List<PlatformerWindows.Window> procedural = new ArrayList<>(count);
        PlatformerLevels levels = new PlatformerLevels();
        for (long s = 0; procedural.size() < count; s++) {
            for (PlatformerWindows.Window w : PlatformerWindows.of(List.of(levels.generate(s, PROCEDURAL_WIDTH)))) {
                if (procedural.size() < count) {
                    procedural.add(w);
                }
            }
        }
        int stitched = 0;
        int joined = 0;
        long redraws = 0;
        for (int i = 0; i < stitchedLevels; i++) {
            PlatformerLevel plain = PlatformerGan.parseOrNull(gan.stitched(firstSeed + i, segmentsPerLevel), "level");
            stitched += plain != null && solver.solve(plain).completable() ? 1 : 0;
            PlatformerGan.Stitched level = gan.level(firstSeed + i, segmentsPerLevel);
            joined += level.completable() ? 1 : 0;
            redraws += level.redraws();
        }
        return new PlatformerGanEvaluation(count, (double) completable / count, completion / count,
                (double) trainingCompletable / windows.size(), 1 - (double) new HashSet<>(texts).size() / count,
                (double) copied / count, meanKL(windows, generated), (double) argmaxCompletable / count,
                meanKL(windows, argmaxGenerated), meanKL(windows, procedural), stitchedLevels,
                segmentsPerLevel, share(stitched, stitchedLevels), share(joined, stitchedLevels),
                stitchedLevels == 0 ? Double.NaN : (double) redraws / stitchedLevels, count / seconds);
    }

    private static double share(int n, int of) {
        return of == 0 ? Double.NaN : (double) n / of;
    }

    private static double meanKL(List<? extends TileGrid> reference, List<? extends TileGrid> generated) {
        double kl = 0;
        for (int s : LevelMetrics.PATTERN_SIZES) {
            kl += LevelMetrics.tilePatternKL(reference, generated, s);
        }
        return kl / LevelMetrics.PATTERN_SIZES.length;
    }
}
