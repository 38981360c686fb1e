package dev.levelgym.agents.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One agent's row of a benchmark summary, over its seeds.
 *
 * <ul>
 *   <li>{@code seedsSolved}: seeds whose greedy evaluation mean reached the env's reward threshold at some
 *       evaluation (not necessarily the last).</li>
 *   <li>{@code evalMean}, {@code evalStd}: mean and population standard deviation over seeds of the final greedy
 *       evaluation's mean return.</li>
 *   <li>{@code medianStepsToSolve}, {@code medianSecondsToSolve}: median over all seeds, an unsolved seed counting
 *       as infinite, so null unless more than half of the seeds solved.</li>
 *   <li>{@code envStepsPerSecond}, {@code updatesPerSecond}: total training steps (updates) over total training
 *       seconds, summed over seeds; per cell, i.e. per thread, evaluation time excluded.</li>
 *   <li>{@code evalWinRate}: mean over seeds of the final evaluation's win rate, null where there is none;
 *       {@code heldOutWinRate}, {@code heldOutMean}: the same on held-out levels (Procgen's test levels), else
 *       null; {@code generalizationGap}: mean over seeds of the training levels' win rate minus the held-out
 *       one.</li>
 *   <li>{@code testLevelsWinRate}, {@code testLevelsMean}: the same on the benchmark's folder of level files,
 *       else null.</li>
 * </ul>
 */
public record AgentStats(int seeds, int seedsSolved, double evalMean, double evalStd, Long medianStepsToSolve,
                         Double medianSecondsToSolve, double envStepsPerSecond, double updatesPerSecond,
                         Double evalWinRate, Double heldOutWinRate, Double heldOutMean, Double generalizationGap,
                         Double testLevelsWinRate, Double testLevelsMean) {

    static AgentStats of(List<CellResult> cells) {
        int n = cells.size();
        double[] finals = cells.stream().mapToDouble(c -> c.finalEval().mean()).toArray();
        double mean = Arrays.stream(finals).average().orElse(Double.NaN);
        double var = Arrays.stream(finals).map(x -> (x - mean) * (x - mean)).sum() / n;
        List<Double> steps = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (CellResult c : cells) {
            steps.add(c.solved() ? c.stepsToSolve().doubleValue() : Double.POSITIVE_INFINITY);
            seconds.add(c.solved() ? c.secondsToSolve() : Double.POSITIVE_INFINITY);
        }
        Double medianSteps = finiteOrNull(median(steps));
        double trainSeconds = cells.stream().mapToDouble(CellResult::trainSeconds).sum();
        long totalSteps = cells.stream().mapToLong(CellResult::steps).sum();
        long totalUpdates = cells.stream().mapToLong(CellResult::updates).sum();
        return new AgentStats(n, (int) cells.stream().filter(CellResult::solved).count(), mean, Math.sqrt(var),
                medianSteps == null ? null : Math.round(medianSteps), finiteOrNull(median(seconds)),
                trainSeconds > 0 ? totalSteps / trainSeconds : 0, trainSeconds > 0 ? totalUpdates / trainSeconds : 0,
                meanOrNull(cells.stream().mapToDouble(c -> c.finalEval().winRate()).toArray()),
                meanOrNull(cells.stream().filter(c -> c.heldOut() != null)
                        .mapToDouble(c -> c.heldOut().winRate()).toArray()),
                meanOrNull(cells.stream().filter(c -> c.heldOut() != null)
                        .mapToDouble(c -> c.heldOut().mean()).toArray()),
                meanOrNull(cells.stream().mapToDouble(CellResult::generalizationGap).toArray()),
                meanOrNull(cells.stream().filter(c -> c.testLevels() != null)
                        .mapToDouble(c -> c.testLevels().winRate()).toArray()),
                meanOrNull(cells.stream().filter(c -> c.testLevels() != null)
                        .mapToDouble(c -> c.testLevels().mean()).toArray()));
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Double meanOrNull(double[] values) {
        if (values.length == 0 || Arrays.stream(values).anyMatch(Double::isNaN)) {
            return null;
        }
        return Arrays.stream(values).average().orElseThrow();
    }
}
