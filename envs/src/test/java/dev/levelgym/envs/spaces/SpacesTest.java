package dev.levelgym.envs.spaces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.random.Pcg64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpacesTest {

    private static final float INF = Float.POSITIVE_INFINITY;

    @Test
    void discreteContainsOnlyIntegersInRange() {
        Discrete d = new Discrete(3);
        assertTrue(d.contains((Object) 0));
        assertTrue(d.contains((Object) 2));
        assertFalse(d.contains((Object) 3));
        assertFalse(d.contains((Object) (-1)));
        assertFalse(d.contains((Object) 1L), "a Long is the wrong type");
        assertFalse(d.contains((Object) 1.0));
        assertFalse(d.contains("1"));
        assertFalse(d.contains(null));
    }

    @Test
    void discreteWithStartShiftsTheRange() {
        Discrete d = new Discrete(2, -1);
        assertTrue(d.contains(-1));
        assertTrue(d.contains(0));
        assertFalse(d.contains(1));
        assertFalse(d.contains(-2));
        assertEquals("Discrete(2, start=-1)", d.toString());
        assertEquals("Discrete(5)", new Discrete(5).toString());
    }

    @Test
    void discreteRangeNearIntegerLimitsDoesNotOverflow() {
        Discrete d = new Discrete(5, Integer.MAX_VALUE - 4);
        assertTrue(d.contains(Integer.MAX_VALUE));
        assertFalse(d.contains(Integer.MIN_VALUE));
        assertTrue(d.contains(d.sample(Pcg64.seeded(0))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Discrete(6, Integer.MAX_VALUE - 4));
        assertTrue(e.getMessage().contains("exceeds the int range"), e.getMessage());
    }

    @Test
    void discreteNeedsPositiveN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
        assertEquals("Discrete needs n > 0, got 0", e.getMessage());
    }

    @Test
    void discreteSamplesAreSeededAndCoverTheSpace() {
        Discrete d = new Discrete(4, 10);
        Pcg64 a = Pcg64.seeded(3);
        Pcg64 b = Pcg64.seeded(3);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Integer x = d.sample(a);
            assertEquals(x, d.sample(b));
            assertTrue(d.contains(x), "sample " + x);
            seen.add(x);
        }
        assertEquals(Set.of(10, 11, 12, 13), seen);
    }

    @Test
    void boxContainsChecksBoundsInclusivelyAndRejectsNan() {
        Box box = new Box(new float[] {-1, 0}, new float[] {1, INF}, new int[] {2});
        assertTrue(box.contains(new float[] {-1, 0}));
        assertTrue(box.contains(new float[] {1, INF}));
        assertFalse(box.contains(new float[] {Math.nextDown(-1f), 0}));
        assertFalse(box.contains(new float[] {Float.NaN, 0}));
        assertFalse(box.contains(new float[] {0, Float.NaN}));
        assertFalse(box.contains(new float[] {0, -INF}));
    }

    @Test
    void boxRejectsWrongTypesAndLengths() {
        Box box = Box.uniform(0, 1, 2);
        assertFalse(box.contains(new float[] {0.5f}));
        assertFalse(box.contains(new float[] {0.5f, 0.5f, 0.5f}));
        assertFalse(box.contains(new double[] {0.5, 0.5}));
        assertFalse(box.contains(new int[] {0, 1}));
        assertFalse(box.contains(0.5f));
        assertFalse(box.contains(null));
    }

    @Test
    void boxValidatesItsConstruction() {
        assertThrows(IllegalArgumentException.class, () -> Box.uniform(1, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> Box.uniform(0, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Box(new float[] {0}, new float[] {1, 1}, new int[] {2}));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new Box(new float[] {Float.NaN}, new float[] {1}, new int[] {1}));
        assertTrue(nan.getMessage().contains("Box bound 0"), nan.getMessage());
    }

    @Test
    void boxDefendsItsArrays() {
        float[] low = {0, 0};
        Box box = new Box(low, new float[] {1, 1}, new int[] {2});
        low[0] = 5;
        box.low()[1] = 5;
        assertArrayEquals(new float[] {0, 0}, box.low());
        assertEquals(Box.uniform(0, 1, 2), box);
        assertEquals(Box.uniform(0, 1, 2).hashCode(), box.hashCode());
        assertNotEquals(Box.uniform(0, 1, 1, 2), box, "same bounds, different shape");
    }

    @Test
    void boxSamplesAreSeededAndInsideEvenWhenUnbounded() {
        Box box = new Box(new float[] {-2, -INF, 0, -INF}, new float[] {3, INF, INF, 5}, new int[] {4});
        Pcg64 a = Pcg64.seeded(11);
        Pcg64 b = Pcg64.seeded(11);
        boolean sawNegativeUnbounded = false;
        for (int i = 0; i < 500; i++) {
            float[] x = box.sample(a);
            assertArrayEquals(x, box.sample(b));
            assertTrue(box.contains(x), java.util.Arrays.toString(x));
            sawNegativeUnbounded |= x[1] < 0;
        }
        assertTrue(sawNegativeUnbounded, "the both-ways unbounded element is normal, so it goes below 0");
    }

    /** Expected strings from numpy 2.4.6, e.g. {@code str(np.array([-4.8, -np.inf, ...], dtype=np.float32))}. */
    @Test
    void boxToStringMatchesGymnasiumRepr() {
        assertEquals("Box(-1.0, 1.0, (3,), float32)", Box.uniform(-1, 1, 3).toString());
        assertEquals("Box(0.0, 1.0, (2, 3), float32)", Box.uniform(0, 1, 2, 3).toString());
        assertEquals("Box(-inf, inf, (2,), float32)", Box.uniform(-INF, INF, 2).toString());
        Box cartPole = new Box(new float[] {-4.8f, -INF, -0.41887903f, -INF},
                new float[] {4.8f, INF, 0.41887903f, INF}, new int[] {4});
        assertEquals("Box([-4.8               -inf -0.41887903        -inf], "
                + "[4.8               inf 0.41887903        inf], (4,), float32)", cartPole.toString());
        assertEquals("Box([-4.  0.], [4. 1.], (2,), float32)",
                new Box(new float[] {-4, 0}, new float[] {4, 1}, new int[] {2}).toString());
        assertEquals("Box([ 0.5   2.25 -3.  ], 2.5e+06, (3,), float32)",
                new Box(new float[] {0.5f, 2.25f, -3}, new float[] {2.5e6f, 2.5e6f, 2.5e6f}, new int[] {3})
                        .toString());
        assertEquals("Box(0.0, [1.e-05 1.e+00], (2,), float32)",
                new Box(new float[] {0, 0}, new float[] {1e-5f, 1}, new int[] {2}).toString());
    }

    @Test
    void multiDiscreteContainsElementwise() {
        MultiDiscrete m = new MultiDiscrete(new int[] {2, 3});
        assertTrue(m.contains(new int[] {1, 2}));
        assertFalse(m.contains(new int[] {2, 0}));
        assertFalse(m.contains(new int[] {0, -1}));
        assertFalse(m.contains(new int[] {0}));
        assertFalse(m.contains(new long[] {0, 0}));
        assertFalse(m.contains(null));
        assertEquals("MultiDiscrete([2, 3])", m.toString());
        assertEquals(new MultiDiscrete(new int[] {2, 3}), m);
    }

    @Test
    void multiDiscreteSamplesAreSeededMembers() {
        MultiDiscrete m = new MultiDiscrete(new int[] {2, 5, 1});
        Pcg64 a = Pcg64.seeded(5);
        Pcg64 b = Pcg64.seeded(5);
        for (int i = 0; i < 100; i++) {
            int[] x = m.sample(a);
            assertArrayEquals(x, m.sample(b));
            assertTrue(m.contains(x));
        }
    }

    @Test
    void requireContainsNamesTheValueAndTheSpace() {
        Discrete d = new Discrete(2);
        assertSame(1, d.requireContains(1, "action"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.requireContains(2, "action"));
        assertEquals("action 2 (Integer) is not in Discrete(2)", e.getMessage());
        IllegalArgumentException box = assertThrows(IllegalArgumentException.class,
                () -> Box.uniform(0, 1, 2).requireContains(new float[] {0, Float.NaN}, "observation"));
        assertEquals("observation [0.0, NaN] is not in Box(0.0, 1.0, (2,), float32)", box.getMessage());
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
                () -> d.requireContains(null, "action"));
        assertEquals("action null is not in Discrete(2)", nul.getMessage());
    }
}
