package dev.levelgym.generators.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class VaeEvaluationTest {

    /** Folds of a cross-validation pool into one evaluation over all their levels. */
    @Test
    void poolingAddsTheCountsAndWeighsTheMeansByLevelsAndSamples() {
        VaeEvaluation a = new VaeEvaluation(2, 117, 0.05, 0.08, List.of(0.02, 0.08), 2, 20, 18, 20, 10.0, 5, 5);
        VaeEvaluation b = new VaeEvaluation(3, 117, 0.10, 0.20, List.of(0.05, 0.05, 0.20), 2, 30, 21, 29, 20.0, 10,
                9);
        VaeEvaluation p = VaeEvaluation.pooled(List.of(a, b));
        assertEquals(5, p.levels());
        assertEquals(117, p.cells());
        assertEquals((2 * 0.05 + 3 * 0.10) / 5, p.meanError(), 1e-12);
        assertEquals(0.20, p.maxError());
        assertEquals(List.of(0.02, 0.08, 0.05, 0.05, 0.20), p.errors());
        assertEquals(4, p.withinTenth());
        assertEquals(50, p.samples());
        assertEquals(39, p.playable());
        assertEquals(49, p.wellFormed());
        assertEquals((20 * 10.0 + 30 * 20.0) / 50, p.sampleDistance(), 1e-12);
        assertEquals(15, p.points());
        assertEquals(14, p.wellFormedPoints());
        assertEquals(a, VaeEvaluation.pooled(List.of(a)), "one evaluation pools to itself");
        VaeEvaluation platformer = new VaeEvaluation(1, 392, 0.1, 0.1, List.of(0.1), 1, 0, 0, 0, 0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> VaeEvaluation.pooled(List.of(a, platformer)));
        assertThrows(IllegalArgumentException.class, () -> VaeEvaluation.pooled(List.of()));
    }
}
