package dev.levelgym.agents.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.levelgym.agents.bench.RunFiles.EvalPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentStatsTest {

    private static CellResult cell(long seed, double finalMean, Long stepsToSolve) {
        EvalPoint last = new EvalPoint(1000, new EvalResult(10, finalMean, 0, Double.NaN, false), 2.0, 1.0);
        return new CellResult("a", seed, List.of(last), 1000, 500, 1.0, stepsToSolve,
                stepsToSolve == null ? null : stepsToSolve / 1000.0, null);
    }

    @Test
    void mediansCountUnsolvedSeedsAsInfinite() {
        AgentStats twoOfThree = AgentStats.of(List.of(cell(0, 1, 100L), cell(1, 3, 300L), cell(2, 5, null)));
        assertEquals(2, twoOfThree.seedsSolved());
        assertEquals(300L, twoOfThree.medianStepsToSolve());
        assertEquals(0.3, twoOfThree.medianSecondsToSolve(), 1e-12);
        assertEquals(3.0, twoOfThree.evalMean());
        assertEquals(Math.sqrt(8.0 / 3), twoOfThree.evalStd(), 1e-12);
        assertEquals(1000.0, twoOfThree.envStepsPerSecond());
        assertEquals(500.0, twoOfThree.updatesPerSecond());
        assertNull(twoOfThree.evalWinRate());

        AgentStats oneOfTwo = AgentStats.of(List.of(cell(0, 1, 100L), cell(1, 1, null)));
        assertNull(oneOfTwo.medianStepsToSolve());
        assertNull(oneOfTwo.medianSecondsToSolve());
        assertEquals(150L, AgentStats.of(List.of(cell(0, 1, 100L), cell(1, 1, 200L))).medianStepsToSolve());
    }
}
