package dev.levelgym.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QLearningConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertEquals(new QLearningConfig(0.1, 0.99, 1.0, 0.05, 0.5, UpdateRule.Q_LEARNING), QLearningConfig.defaults());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0.0; 0.99; 1.0; 0.05; 0.5; learningRate must be in (0, 1], got 0.0",
        "1.5; 0.99; 1.0; 0.05; 0.5; learningRate must be in (0, 1], got 1.5",
        "NaN; 0.99; 1.0; 0.05; 0.5; learningRate must be in (0, 1], got NaN",
        "0.1; 1.01; 1.0; 0.05; 0.5; gamma must be in [0, 1], got 1.01",
        "0.1; 0.99; -0.1; 0.05; 0.5; epsilonStart must be in [0, 1], got -0.1",
        "0.1; 0.99; 1.0; 2.0; 0.5; epsilonEnd must be in [0, 1], got 2.0",
        "0.1; 0.99; 1.0; 0.05; NaN; explorationFraction must be in [0, 1], got NaN",
    })
    void invalidValuesAreRejectedByName(double lr, double gamma, double start, double end, double fraction,
                                        String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new QLearningConfig(lr, gamma, start, end, fraction, UpdateRule.Q_LEARNING));
        assertEquals(message, e.getMessage());
    }

    @Test
    void missingUpdateRuleIsRejected() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> QLearningConfig.defaults().withUpdateRule(null));
        assertEquals("updateRule must be Q_LEARNING or SARSA, got null", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0, 1.0", "25, 0.525", "49, 0.069", "50, 0.05", "99, 0.05", "1000, 0.05"})
    void epsilonFallsLinearlyOverTheExplorationFraction(long step, double expected) {
        assertEquals(expected, QLearningConfig.defaults().epsilon(step, 100), 1e-12);
    }

    @Test
    void zeroExplorationFractionStartsAtTheEndValue() {
        assertEquals(0.2, QLearningConfig.defaults().withEpsilon(1.0, 0.2, 0.0).epsilon(0, 100), 0.0);
    }
}
