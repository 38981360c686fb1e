package dev.levelgym.envs.testing;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A walk on -4..4 that starts at a random cell in -2..2 and ends at either edge. The observation is
 * {@code [position, noise]} with noise drawn from the env's generator at every reset and step, and the reward is
 * the noise, so any break in seeding shows up in both observations and rewards. Can be built with {@link Flaw}s.
 */
public final class RandomWalkEnv implements Env<float[], Integer> {

    private static final Box OBSERVATION_SPACE = new Box(new float[] {-4, 0}, new float[] {4, 1}, new int[] {2});
    private static final Discrete ACTION_SPACE = new Discrete(2);

    private final Set<Flaw> flaws;
    private Pcg64 random;
    private final Pcg64 unseeded = Pcg64.fromEntropy();
    private int position;
    private int resets;

    public RandomWalkEnv(Flaw... flaws) {
        this.flaws = flaws.length == 0 ? EnumSet.noneOf(Flaw.class) : EnumSet.of(flaws[0], flaws);
    }

    /** How many times reset() or reset(seed) ran, to tell autoresets apart from steps. */
    public int resets() {
        return resets;
    }

    @Override
    public ResetResult<float[]> reset(long seed) {
        random = flaws.contains(Flaw.NONDETERMINISTIC_RESET) ? Pcg64.fromEntropy() : Pcg64.seeded(seed);
        return start();
    }

    @Override
    public ResetResult<float[]> reset() {
        if (random == null) {
            random = Pcg64.fromEntropy();
        }
        return start();
    }

    private ResetResult<float[]> start() {
        resets++;
        position = random.nextInt(5) - 2;
        return new ResetResult<>(new float[] {position, (float) random.nextDouble()}, Map.of("start", position));
    }

    @Override
    public StepResult<float[]> step(Integer action) {
        if (!flaws.contains(Flaw.ACCEPTS_INVALID_ACTION)) {
            ACTION_SPACE.requireContains(action, "action");
        }
        position += action == 0 ? -1 : 1;
        double noise = (flaws.contains(Flaw.NONDETERMINISTIC_STEP) ? unseeded : random).nextDouble();
        float second = (float) noise + (flaws.contains(Flaw.OBSERVATION_OUT_OF_SPACE) ? 2 : 0);
        double reward = flaws.contains(Flaw.NAN_REWARD) ? Double.NaN : noise;
        boolean terminated = Math.abs(position) >= 4;
        return new StepResult<>(new float[] {position, second}, reward, terminated, false,
                Map.of("position", position));
    }

    @Override
    public Space<float[]> observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space<Integer> actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    public Rendering render(RenderMode mode) {
        if (flaws.contains(Flaw.RENDER_THROWS)) {
            throw new IllegalStateException("broken renderer");
        }
        if (mode != RenderMode.ANSI) {
            throw new UnsupportedOperationException("RandomWalkEnv renders text only");
        }
        return new Rendering.Text("position " + position);
    }

    @Override
    public String toString() {
        return "RandomWalkEnv" + (flaws.isEmpty() ? "" : flaws);
    }
}
