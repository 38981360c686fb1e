package dev.levelgym.agents.testing;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An episode's length is set by its reset seed ({@code 2 + seed % 5} steps; an odd seed terminates, an even one is
 * truncated), the observation is {@code [step, seed % 7]} and the reward is the action: so a test can tell from
 * the transitions which seed each episode had, and that a copy was reset with the seed it should have been.
 * Records every reset seed.
 */
public final class SeedLengthEnv implements Env<float[], Integer> {

    private static final Box SPACE = new Box(new float[] {0, 0}, new float[] {10, 10}, new int[] {2});

    private final List<Long> resetSeeds = new ArrayList<>();
    private long seed;
    private int step;

    public static int length(long seed) {
        return 2 + (int) (seed % 5);
    }

    public List<Long> resetSeeds() {
        return resetSeeds;
    }

    @Override
    public ResetResult<float[]> reset(long seed) {
        this.seed = seed;
        resetSeeds.add(seed);
        step = 0;
        return ResetResult.of(observation());
    }

    @Override
    public ResetResult<float[]> reset() {
        throw new UnsupportedOperationException("the training loop seeds every reset");
    }

    private float[] observation() {
        return new float[] {step, seed % 7};
    }

    @Override
    public StepResult<float[]> step(Integer action) {
        actionSpace().requireContains(action, "action");
        step++;
        boolean end = step == length(seed);
        return new StepResult<>(observation(), action, end && seed % 2 == 1, end && seed % 2 == 0, Map.of());
    }

    @Override
    public Space<float[]> observationSpace() {
        return SPACE;
    }

    @Override
    public Space<Integer> actionSpace() {
        return new Discrete(2);
    }

    @Override
    public Rendering render(RenderMode mode) {
        throw new UnsupportedOperationException("SeedLengthEnv does not render");
    }
}
