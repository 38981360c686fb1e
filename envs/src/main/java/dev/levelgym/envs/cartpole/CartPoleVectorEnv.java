package dev.levelgym.envs.cartpole;

import static dev.levelgym.envs.cartpole.CartPolePhysics.TAU;

import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import dev.levelgym.envs.vector.VectorEnv;
import java.util.Map;

/**
 * N CartPole-v1 copies stepped in one loop, for fast rollouts. Copy {@code i} behaves exactly like
 * {@code CartPole.SPEC.make()} reset with {@code seed + i} and stepped with the same actions, including the 500-step
 * time limit and Gymnasium's {@code NEXT_STEP} autoreset (see {@link VectorEnv}): the step after an episode ends
 * resets that copy with its own generator, ignores its action and reports reward 0 and both flags false.
 *
 * <p>State is kept as one array per component rather than one object per copy, and a step allocates nothing: the
 * returned {@link VectorStep} and its arrays are reused by every call.
 */
public final class CartPoleVectorEnv implements VectorEnv {

    /** Gymnasium's CartPole-v1 episode limit. */
    public static final int DEFAULT_MAX_EPISODE_STEPS = 500;

    private static final int OBSERVATION_SIZE = 4;
    private static final Discrete ACTION_SPACE = new Discrete(2);

    private final int numEnvs;
    private final int maxEpisodeSteps;
    private final boolean semiImplicit;
    private final boolean suttonBartoReward;
    private final Space<float[]> observationSpace;

    private final double[] x;
    private final double[] xDot;
    private final double[] theta;
    private final double[] thetaDot;
    private final int[] elapsedSteps;
    /** Copies whose episode ended on the previous step and are reset instead of stepped on the next. */
    private final boolean[] needsReset;
    private final Pcg64[] random;

    private final float[] observations;
    private final double[] rewards;
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final VectorStep result;
    private boolean started;

    /** Gymnasium's CartPole-v1: Euler integration, reward 1 per step, 500 steps per episode. */
    public CartPoleVectorEnv(int numEnvs) {
        this(numEnvs, DEFAULT_MAX_EPISODE_STEPS, Integrator.EULER, false);
    }

    public CartPoleVectorEnv(int numEnvs, int maxEpisodeSteps, Integrator integrator, boolean suttonBartoReward) {
        if (numEnvs <= 0) {
            throw new IllegalArgumentException("numEnvs must be positive, got " + numEnvs);
        }
        if (maxEpisodeSteps <= 0) {
            throw new IllegalArgumentException("maxEpisodeSteps must be positive, got " + maxEpisodeSteps);
        }
        this.numEnvs = numEnvs;
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.semiImplicit = java.util.Objects.requireNonNull(integrator, "integrator") == Integrator.SEMI_IMPLICIT_EULER;
        this.suttonBartoReward = suttonBartoReward;
        this.observationSpace = new CartPole(integrator, suttonBartoReward).observationSpace();
        x = new double[numEnvs];
        xDot = new double[numEnvs];
        theta = new double[numEnvs];
        thetaDot = new double[numEnvs];
        elapsedSteps = new int[numEnvs];
        needsReset = new boolean[numEnvs];
        random = new Pcg64[numEnvs];
        observations = new float[numEnvs * OBSERVATION_SIZE];
        rewards = new double[numEnvs];
        terminated = new boolean[numEnvs];
        truncated = new boolean[numEnvs];
        result = new VectorStep(observations, rewards, terminated, truncated);
    }

    @Override
    public int numEnvs() {
        return numEnvs;
    }

    @Override
    public int observationSize() {
        return OBSERVATION_SIZE;
    }

    @Override
    public Space<float[]> singleObservationSpace() {
        return observationSpace;
    }

    @Override
    public Discrete singleActionSpace() {
        return ACTION_SPACE;
    }

    @Override
    public VectorStep reset(long[] seeds) {
        if (seeds.length != numEnvs) {
            throw new IllegalArgumentException("expected " + numEnvs + " seeds, got " + seeds.length);
        }
        for (int i = 0; i < numEnvs; i++) {
            random[i] = Pcg64.seeded(requireSeed(seeds[i], i));
            resetCopy(i);
        }
        started = true;
        return result;
    }

    private static long requireSeed(long seed, int i) {
        if (seed < 0) {
            throw new IllegalArgumentException("seed of copy " + i + " must be non-negative, got " + seed);
        }
        return seed;
    }

    @Override
    public boolean autoresets(int i) {
        return needsReset[java.util.Objects.checkIndex(i, numEnvs)];
    }

    @Override
    public VectorStep restore(int i, long seed, int[] actions, int length) {
        java.util.Objects.checkIndex(i, numEnvs);
        random[i] = Pcg64.seeded(requireSeed(seed, i));
        resetCopy(i);
        for (int k = 0; k < length; k++) {
            if (needsReset[i]) {
                throw new IllegalArgumentException("copy " + i + ": the episode of seed " + seed + " ended after "
                        + k + " of " + length + " recorded actions; the env is not the one they were recorded on");
            }
            if ((actions[k] & ~1) != 0) {
                throw new IllegalArgumentException("recorded action " + actions[k] + " is not in " + ACTION_SPACE);
            }
            stepCopy(i, actions[k]);
        }
        started = true;
        return result;
    }

    private void resetCopy(int i) {
        Pcg64 rng = random[i];
        // Same draw order as CartPole.reset: x, x_dot, theta, theta_dot.
        x[i] = rng.uniform(-0.05, 0.05);
        xDot[i] = rng.uniform(-0.05, 0.05);
        theta[i] = rng.uniform(-0.05, 0.05);
        thetaDot[i] = rng.uniform(-0.05, 0.05);
        elapsedSteps[i] = 0;
        needsReset[i] = false;
        rewards[i] = 0.0;
        terminated[i] = false;
        truncated[i] = false;
        writeObservation(i);
    }

    @Override
    public VectorStep step(int[] actions, long[] resetSeeds) {
        if (!started) {
            throw new IllegalStateException("step() called before reset(seed)");
        }
        if (actions.length != numEnvs) {
            throw new IllegalArgumentException("expected " + numEnvs + " actions, got " + actions.length);
        }
        if (resetSeeds != null && resetSeeds.length != numEnvs) {
            throw new IllegalArgumentException("expected " + numEnvs + " reset seeds, got " + resetSeeds.length);
        }
        for (int i = 0; i < numEnvs; i++) {
            // Checked up front so a bad action leaves every copy unchanged.
            if (needsReset[i] && resetSeeds != null) {
                requireSeed(resetSeeds[i], i);
            }
            if (!needsReset[i] && (actions[i] & ~1) != 0) {
                throw new IllegalArgumentException("action " + actions[i] + " of env " + i + " is not in " + ACTION_SPACE);
            }
        }
        for (int i = 0; i < numEnvs; i++) {
            if (needsReset[i]) {
                if (resetSeeds != null) {
                    random[i] = Pcg64.seeded(resetSeeds[i]);
                }
                resetCopy(i);
                continue;
            }
            stepCopy(i, actions[i]);
        }
        return result;
    }

    private void stepCopy(int i, int action) {
        double th = theta[i];
        double thDot = thetaDot[i];
        double cosTheta = CartPolePhysics.cos(th);
        double sinTheta = CartPolePhysics.sin(th);
        double temp = CartPolePhysics.temp(action == 1 ? CartPolePhysics.FORCE_MAG : -CartPolePhysics.FORCE_MAG,
                thDot, sinTheta);
        double thetaAcc = CartPolePhysics.thetaAcc(sinTheta, cosTheta, temp);
        double xAcc = CartPolePhysics.xAcc(temp, thetaAcc, cosTheta);
        double newX;
        double newXDot = xDot[i] + TAU * xAcc;
        double newTheta;
        double newThetaDot = thDot + TAU * thetaAcc;
        if (semiImplicit) {
            newX = x[i] + TAU * newXDot;
            newTheta = th + TAU * newThetaDot;
        } else {
            newX = x[i] + TAU * xDot[i];
            newTheta = th + TAU * thDot;
        }
        x[i] = newX;
        xDot[i] = newXDot;
        theta[i] = newTheta;
        thetaDot[i] = newThetaDot;
        boolean done = CartPolePhysics.terminated(newX, newTheta);
        boolean cut = ++elapsedSteps[i] >= maxEpisodeSteps;
        terminated[i] = done;
        truncated[i] = cut;
        rewards[i] = suttonBartoReward ? (done ? -1.0 : 0.0) : 1.0;
        needsReset[i] = done || cut;
        writeObservation(i);
    }

    private void writeObservation(int i) {
        int o = i * OBSERVATION_SIZE;
        observations[o] = (float) x[i];
        observations[o + 1] = (float) xDot[i];
        observations[o + 2] = (float) theta[i];
        observations[o + 3] = (float) thetaDot[i];
    }

    /** CartPole reports no info. */
    @Override
    public Map<String, Object> info(int i) {
        java.util.Objects.checkIndex(i, numEnvs);
        return Map.of();
    }

    /** A copy of copy {@code i}'s float64 state {@code [x, x_dot, theta, theta_dot]}. */
    public double[] state(int i) {
        return new double[] {x[i], xDot[i], theta[i], thetaDot[i]};
    }
}
