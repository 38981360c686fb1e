package dev.levelgym.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.MultiDiscrete;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomAgentTest {

    @TempDir
    Path tmp;

    private static List<Integer> draw(RandomAgent<Integer, Integer> agent, int n) {
        List<Integer> actions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            actions.add(agent.act(0, true));
        }
        return actions;
    }

    @Test
    void sameSeedSameActionsAllInTheSpace() {
        Discrete space = new Discrete(5, 3);
        List<Integer> a = draw(new RandomAgent<>(space, 9, "x"), 1000);
        assertEquals(a, draw(new RandomAgent<>(space, 9, "x"), 1000));
        assertNotEquals(a, draw(new RandomAgent<>(space, 10, "x"), 1000));
        assertTrue(a.stream().allMatch(space::contains));
        // Roughly uniform: each of the 5 actions near 200 of 1000.
        for (int action = 3; action < 8; action++) {
            int value = action;
            long count = a.stream().filter(x -> x == value).count();
            assertTrue(count > 150 && count < 250, action + " drawn " + count + " times");
        }
    }

    @Test
    void loadContinuesTheStream() {
        Discrete space = new Discrete(4);
        RandomAgent<Integer, Integer> agent = new RandomAgent<>(space, 3, "FrozenLake-v1");
        draw(agent, 17);
        agent.save(tmp.resolve("r"));
        RandomAgent<Integer, Integer> loaded = RandomAgent.load(tmp.resolve("r"), space);
        assertEquals(17, loaded.actions());
        assertEquals(draw(agent, 100), draw(loaded, 100));
    }

    @Test
    void samplesAnySpace() {
        MultiDiscrete space = new MultiDiscrete(new int[] {2, 3});
        RandomAgent<float[], int[]> agent = new RandomAgent<>(space, 0, "x");
        for (int i = 0; i < 100; i++) {
            assertTrue(space.contains(agent.act(new float[0], false)));
        }
    }
}
