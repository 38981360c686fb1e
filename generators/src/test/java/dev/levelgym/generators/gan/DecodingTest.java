package dev.levelgym.generators.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecodingTest {

    private static final String LEGEND = GanWorld.PLATFORMER.legend();
    private static final int SIZE = 4;

    /**
     * A 2×1 map in a 4×4 square: cell (0, 0) is certainly sky, cell (1, 0) is ground with probability 1/4 and a
     * question block with 3/4.
     */
    private static float[] probabilities() {
        float[] p = new float[LEGEND.length() * SIZE * SIZE];
        int plane = SIZE * SIZE;
        p[LEGEND.indexOf('-') * plane] = 1f;
        p[LEGEND.indexOf('X') * plane + 1] = 0.25f;
        p[LEGEND.indexOf('?') * plane + 1] = 0.75f;
        return p;
    }

    @Test
    void sampledDrawsEachCellFromItsProbabilitiesTheSameWayForTheSameSeed() {
        float[] p = probabilities();
        int questions = 0;
        Set<String> seen = new HashSet<>();
        int draws = 4000;
        for (long seed = 0; seed < draws; seed++) {
            String map = Decoding.SAMPLED.decode(p, 0, SIZE, 2, 1, LEGEND, seed);
            assertEquals(map, Decoding.SAMPLED.decode(p, 0, SIZE, 2, 1, LEGEND, seed), "same seed, same map");
            assertEquals('-', map.charAt(0), "a certain cell is always its tile");
            assertTrue(map.charAt(1) == '?' || map.charAt(1) == 'X', map);
            questions += map.charAt(1) == '?' ? 1 : 0;
            seen.add(map);
        }
        assertEquals(Set.of("-?\n", "-X\n"), seen);
        // Binomial(4000, 0.75): standard deviation 0.007.
        assertEquals(0.75, (double) questions / draws, 0.03);
        assertEquals("-?\n", Decoding.ARGMAX.decode(p, 0, SIZE, 2, 1, LEGEND, 0), "argmax never draws the ground");
    }

    @Test
    void aLatentVectorsSeedDependsOnEveryComponent() {
        float[] z = {0.5f, -1.25f, 2f};
        assertEquals(Decoding.seedOf(z), Decoding.seedOf(z.clone()));
        Set<Long> seeds = new HashSet<>();
        seeds.add(Decoding.seedOf(z));
        for (int i = 0; i < z.length; i++) {
            float[] other = z.clone();
            other[i] = Math.nextUp(other[i]);
            seeds.add(Decoding.seedOf(other));
        }
        assertEquals(z.length + 1, seeds.size());
        assertNotEquals(Decoding.seedOf(new float[] {1f, 0f}), Decoding.seedOf(new float[] {0f, 1f}));
    }
}
