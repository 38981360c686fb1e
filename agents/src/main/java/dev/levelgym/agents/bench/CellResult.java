package dev.levelgym.agents.bench;

import dev.levelgym.agents.bench.RunFiles.EvalPoint;
import java.util.List;

/**
 * One (agent, seed) cell of a benchmark.
 *
 * @param stepsToSolve   the first evaluation step whose mean return reached the reward threshold, or null
 * @param secondsToSolve training seconds (excluding evaluation) up to that evaluation, or null
 * @param heldOut        greedy evaluation on held-out procedural levels after training (Procgen's test levels), or
 *                       null
 * @param testLevels     greedy evaluation on the benchmark's folder of level files after training, or null
 */
public record CellResult(String agent, long seed, List<EvalPoint> evals, long steps, long updates,
                         double trainSeconds, Long stepsToSolve, Double secondsToSolve, EvalResult heldOut,
                         EvalResult testLevels) {

    /** A cell without a test on level files. */
    public CellResult(String agent, long seed, List<EvalPoint> evals, long steps, long updates, double trainSeconds,
                      Long stepsToSolve, Double secondsToSolve, EvalResult heldOut) {
        this(agent, seed, evals, steps, updates, trainSeconds, stepsToSolve, secondsToSolve, heldOut, null);
    }

    public EvalResult finalEval() {
        return evals.get(evals.size() - 1).result();
    }

    /**
     * The generalization gap: the final win rate on the training levels minus the win rate on held-out levels
     * (Procgen's train − test), NaN without a held-out test or win rates.
     */
    public double generalizationGap() {
        return heldOut == null ? Double.NaN : finalEval().winRate() - heldOut.winRate();
    }

    public boolean solved() {
        return stepsToSolve != null;
    }
}
