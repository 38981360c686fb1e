package dev.levelgym.agents.bench;

import dev.levelgym.agents.bench.RunFiles.EvalPoint;
import java.util.List;

/**
 * One (agent, seed) cell of a benchmark.
 *
 * @param stepsToSolve   the first evaluation step whose mean return reached the reward threshold, or null
 * @param secondsToSolve training seconds (excluding evaluation) up to that evaluation, or null
 * @param heldOut        greedy evaluation on held-out procedural levels after training, or null
 */
public record CellResult(String agent, long seed, List<EvalPoint> evals, long steps, long updates,
                         double trainSeconds, Long stepsToSolve, Double secondsToSolve, EvalResult heldOut) {

    public EvalResult finalEval() {
        return evals.get(evals.size() - 1).result();
    }

    public boolean solved() {
        return stepsToSolve != null;
    }
}
