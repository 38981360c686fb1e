package dev.levelgym.envs.cartpole;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Options;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * CartPole-v1 exactly as Gymnasium 1.4.0 implements it: same constants, same float64 arithmetic in the same
 * evaluation order (so states match bit for bit), float32 observations, and {@code reset(seed)} drawing the
 * same initial state as Gymnasium through a numpy-compatible generator.
 *
 * <p>Unlike Gymnasium, which keeps integrating after termination with reward 0, stepping a terminated episode
 * is an {@link IllegalStateException}: it is always a bug in the caller's loop.
 */
public final class CartPole implements Env<float[], Integer> {

    public static final String ID = "CartPole-v1";

    /** As Gymnasium's registration: 500-step limit, solved at a mean return of 475. */
    public static final EnvSpec<float[], Integer> SPEC = new EnvSpec<>(ID, CartPole::fromOptions,
            OptionalInt.of(500), OptionalDouble.of(475.0), Options.empty());

    static final double GRAVITY = 9.8;
    static final double MASS_CART = 1.0;
    static final double MASS_POLE = 0.1;
    static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    /** Half the pole's length, as in Gymnasium. */
    static final double LENGTH = 0.5;
    static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
    static final double FORCE_MAG = 10.0;
    static final double TAU = 0.02;
    static final double THETA_THRESHOLD_RADIANS = 12 * 2 * Math.PI / 360;
    static final double X_THRESHOLD = 2.4;

    private static final Discrete ACTIONS = new Discrete(2);
    private static final Box OBSERVATIONS = new Box(
            new float[] {(float) -(X_THRESHOLD * 2), Float.NEGATIVE_INFINITY,
                (float) -(THETA_THRESHOLD_RADIANS * 2), Float.NEGATIVE_INFINITY},
            new float[] {(float) (X_THRESHOLD * 2), Float.POSITIVE_INFINITY,
                (float) (THETA_THRESHOLD_RADIANS * 2), Float.POSITIVE_INFINITY},
            new int[] {4});

    private final Integrator integrator;
    private final boolean suttonBartoReward;
    private final double[] state = new double[4];
    private Pcg64 random;
    private boolean terminated;

    public CartPole() {
        this(Integrator.EULER, false);
    }

    /**
     * @param suttonBartoReward Gymnasium's {@code sutton_barto_reward}: 0 per step and -1 on the terminating
     *                          step, instead of 1 on every step
     */
    public CartPole(Integrator integrator, boolean suttonBartoReward) {
        this.integrator = integrator;
        this.suttonBartoReward = suttonBartoReward;
    }

    private static CartPole fromOptions(Options options) {
        options.requireOnly(ID, Set.of("integrator", "sutton_barto_reward"));
        return new CartPole(Integrator.parse(options.getString("integrator", "euler")),
                options.getBoolean("sutton_barto_reward", false));
    }

    @Override
    public ResetResult<float[]> reset(long seed) {
        random = Pcg64.seeded(seed);
        return reset();
    }

    /** Draws the state uniformly from [-0.05, 0.05) per component, in Gymnasium's order. */
    @Override
    public ResetResult<float[]> reset() {
        if (random == null) {
            random = Pcg64.fromEntropy();
        }
        for (int i = 0; i < 4; i++) {
            state[i] = random.uniform(-0.05, 0.05);
        }
        terminated = false;
        return ResetResult.of(observation());
    }

    @Override
    public StepResult<float[]> step(Integer action) {
        ACTIONS.requireContains(action, "action");
        if (terminated) {
            throw new IllegalStateException("CartPole: step() after the episode terminated; call reset() first");
        }
        integrate(state, action, integrator);
        terminated = isTerminal(state[0], state[2]);
        double reward = suttonBartoReward ? (terminated ? -1.0 : 0.0) : 1.0;
        return new StepResult<>(observation(), reward, terminated, false, Map.of());
    }

    /**
     * One step of the dynamics in place on {@code s = (x, x_dot, theta, theta_dot)}. The parenthesisation is
     * Gymnasium's, left to right: changing it changes the last bits of the result.
     */
    static void integrate(double[] s, int action, Integrator integrator) {
        double x = s[0];
        double xDot = s[1];
        double theta = s[2];
        double thetaDot = s[3];
        double force = action == 1 ? FORCE_MAG : -FORCE_MAG;
        double cosTheta = StrictMath.cos(theta);
        double sinTheta = StrictMath.sin(theta);
        double temp = (force + (POLE_MASS_LENGTH * (thetaDot * thetaDot)) * sinTheta) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sinTheta - cosTheta * temp)
                / (LENGTH * (4.0 / 3.0 - (MASS_POLE * (cosTheta * cosTheta)) / TOTAL_MASS));
        double xAcc = temp - ((POLE_MASS_LENGTH * thetaAcc) * cosTheta) / TOTAL_MASS;
        if (integrator == Integrator.EULER) {
            s[0] = x + TAU * xDot;
            s[1] = xDot + TAU * xAcc;
            s[2] = theta + TAU * thetaDot;
            s[3] = thetaDot + TAU * thetaAcc;
        } else {
            s[1] = xDot + TAU * xAcc;
            s[0] = x + TAU * s[1];
            s[3] = thetaDot + TAU * thetaAcc;
            s[2] = theta + TAU * s[3];
        }
    }

    /** Strict inequalities, as Gymnasium; a NaN state does not terminate. */
    static boolean isTerminal(double x, double theta) {
        return x < -X_THRESHOLD || x > X_THRESHOLD
                || theta < -THETA_THRESHOLD_RADIANS || theta > THETA_THRESHOLD_RADIANS;
    }

    private float[] observation() {
        return new float[] {(float) state[0], (float) state[1], (float) state[2], (float) state[3]};
    }

    /** The float64 state (x, x_dot, theta, theta_dot); a copy. */
    public double[] state() {
        return state.clone();
    }

    /**
     * Sets the float64 state, e.g. to replay a trajectory recorded elsewhere. The episode continues from it;
     * whether it is already past the thresholds is judged by the next step.
     */
    public void setState(double... newState) {
        if (newState.length != 4) {
            throw new IllegalArgumentException("CartPole state has 4 values (x, x_dot, theta, theta_dot), got "
                    + newState.length);
        }
        System.arraycopy(newState, 0, state, 0, 4);
        terminated = false;
    }

    public Integrator integrator() {
        return integrator;
    }

    @Override
    public Discrete actionSpace() {
        return ACTIONS;
    }

    @Override
    public Box observationSpace() {
        return OBSERVATIONS;
    }

    @Override
    public Rendering render(RenderMode mode) {
        return switch (mode) {
            case ANSI -> new Rendering.Text(CartPoleDrawing.text(state));
            case RGB -> CartPoleDrawing.frame(state);
        };
    }

    @Override
    public String toString() {
        return "CartPole(" + integrator + ")";
    }
}
