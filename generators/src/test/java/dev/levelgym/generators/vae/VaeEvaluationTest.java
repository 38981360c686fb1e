package dev.levelgym.generators.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class VaeEvaluationTest {

    /** Folds of a cross-validation pool into one evaluation over all their levels. */
    @Test
    void poolingAddsTheCountsAndWeighsTheMeansByLevelsAndSamples() {
        VaeEvaluation a = new VaeEvaluation(2, 117, 0.05, 0.08, List.of(0.02, 0.08), 2, 20, 18, List.of(10, 8), 20,
                10.0, 5, 5);
        VaeEvaluation b = new VaeEvaluation(3, 117, 0.10, 0.20, List.of(0.05, 0.05, 0.20), 2, 30, 21,
                List.of(9, 10, 2), 29, 20.0, 10, 9);
        VaeEvaluation p = VaeEvaluation.pooled(List.of(a, b));
        assertEquals(5, p.levels());
        assertEquals(117, p.cells());
        assertEquals((2 * 0.05 + 3 * 0.10) / 5, p.meanError(), 1e-12);
        assertEquals(0.20, p.maxError());
        assertEquals(List.of(0.02, 0.08, 0.05, 0.05, 0.20), p.errors());
        assertEquals(4, p.withinTenth());
        assertEquals(50, p.samples());
        assertEquals(39, p.playable());
        assertEquals(List.of(10, 8, 9, 10, 2), p.playableByLevel());
        // 90% of 10 samples a level: the levels with 10 and 9 playable, not those with 8 and 2.
        assertEquals(3, p.levelsWithPlayableSamples(0.9));
        assertEquals(4, p.levelsWithPlayableSamples(0.8));
        assertEquals(49, p.wellFormed());
        assertEquals((20 * 10.0 + 30 * 20.0) / 50, p.sampleDistance(), 1e-12);
        assertEquals(15, p.points());
        assertEquals(14, p.wellFormedPoints());
        assertEquals(a, VaeEvaluation.pooled(List.of(a)), "one evaluation pools to itself");
        VaeEvaluation platformer = new VaeEvaluation(1, 392, 0.1, 0.1, List.of(0.1), 1, 0, 0, List.of(), 0, 0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> VaeEvaluation.pooled(List.of(a, platformer)));
        VaeEvaluation fewer = new VaeEvaluation(1, 117, 0.1, 0.1, List.of(0.1), 1, 5, 5, List.of(5), 5, 3.0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> VaeEvaluation.pooled(List.of(a, fewer)),
                "5 samples around a level against 10");
        assertThrows(IllegalArgumentException.class, () -> new VaeEvaluation(2, 117, 0.1, 0.1, List.of(0.1, 0.1), 2,
                20, 18, List.of(18), 20, 1.0, 0, 0), "one playable count for two levels");
        assertThrows(IllegalArgumentException.class, () -> VaeEvaluation.pooled(List.of()));
    }
}
