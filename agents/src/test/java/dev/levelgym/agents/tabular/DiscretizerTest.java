package dev.levelgym.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscretizerTest {

    private final Discretizer quarters = new Discretizer(new double[] {0.0}, new double[] {1.0}, new int[] {4});

    @ParameterizedTest
    @CsvSource({
        "0.0, 0", "0.2499, 0", "0.25, 1", "0.5, 2", "0.7499, 2", "0.75, 3", "0.9999, 3",
        // Clipped: on or beyond the bounds, including infinities, land in the outer bins.
        "1.0, 3", "7.5, 3", "-0.001, 0", "-1e300, 0", "Infinity, 3", "-Infinity, 0",
    })
    void binsAreHalfOpenWithTheLastClosedAndOutsideValuesClipped(double value, int bin) {
        assertEquals(bin, quarters.bin(0, value));
    }

    @Test
    void binEdgesOfAnAsymmetricRange() {
        Discretizer d = new Discretizer(new double[] {-2.0}, new double[] {4.0}, new int[] {3});
        assertEquals(0, d.bin(0, -2.0));
        assertEquals(0, d.bin(0, Math.nextDown(0.0)));
        assertEquals(1, d.bin(0, 0.0));
        assertEquals(1, d.bin(0, Math.nextDown(2.0)));
        assertEquals(2, d.bin(0, 2.0));
        assertEquals(2, d.bin(0, Math.nextDown(4.0)));
        assertEquals(0.0, d.edge(0, 1));
        assertEquals(4.0, d.edge(0, 3));
    }

    @Test
    void everyEdgeStartsItsBinAndTheValueBelowItIsInThePreviousOne() {
        Discretizer d = new Discretizer(new double[] {-0.2095}, new double[] {0.2095}, new int[] {12});
        for (int k = 1; k < 12; k++) {
            double edge = d.edge(0, k);
            assertEquals(k, d.bin(0, edge), "edge " + k);
            assertEquals(k - 1, d.bin(0, Math.nextDown(edge)), "below edge " + k);
        }
    }

    @Test
    void stateIsMixedRadixWithTheFirstDimensionMostSignificant() {
        Discretizer d = new Discretizer(new double[] {0, 0, 0}, new double[] {1, 1, 1}, new int[] {2, 3, 4});
        assertEquals(24, d.numStates());
        assertEquals(0, d.encode(new float[] {0f, 0f, 0f}));
        assertEquals(23, d.encode(new float[] {1f, 1f, 1f}));
        // (1 * 3 + 2) * 4 + 1
        assertEquals(21, d.encode(new float[] {0.9f, 0.9f, 0.3f}));
    }

    @Test
    void nanAndWrongLengthAreRejected() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> quarters.encode(new float[] {Float.NaN}));
        assertEquals("dimension 0: cannot bin NaN", nan.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> quarters.encode(new float[] {0f, 0f}));
        assertEquals("observation has 2 values, discretizer has 1 dimensions", length.getMessage());
    }

    @Test
    void invalidConfigurationsAreRejected() {
        assertEquals("dimension 0: bounds must be finite with low < high, got [1.0, 1.0]",
                assertThrows(IllegalArgumentException.class,
                        () -> new Discretizer(new double[] {1}, new double[] {1}, new int[] {2})).getMessage());
        assertEquals("dimension 1: bins must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new Discretizer(new double[] {0, 0}, new double[] {1, 1}, new int[] {2, 0})).getMessage());
        assertEquals("low, high and bins need the same non-zero length, got 1, 2 and 2",
                assertThrows(IllegalArgumentException.class,
                        () -> new Discretizer(new double[] {0}, new double[] {1, 1}, new int[] {2, 2})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Discretizer(new double[] {0, 0},
                new double[] {1, 1}, new int[] {65_536, 65_536}));
    }

    @Test
    void compatibilityWithSpaces() {
        Discretizer four = new Discretizer(new double[4], new double[] {1, 1, 1, 1}, new int[] {2, 2, 2, 2});
        four.requireCompatible(new CartPole().observationSpace());
        assertThrows(IllegalArgumentException.class, () -> four.requireCompatible(new Discrete(4)));
        assertThrows(IllegalArgumentException.class, () -> four.requireCompatible(Box.uniform(0f, 1f, 3)));
    }

    @Test
    void encodersRoundTripThroughJson() {
        Discretizer d = new Discretizer(new double[] {-2.4, 0.1}, new double[] {2.4, 0.3}, new int[] {3, 7});
        assertEquals(d, StateEncoder.fromJson(StateEncoder.toJson(d)));
        DiscreteStates s = new DiscreteStates(16, 2);
        assertEquals(s, StateEncoder.fromJson(StateEncoder.toJson(s)));
    }
}
