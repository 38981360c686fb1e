package dev.levelgym.envs.cartpole;

import static dev.levelgym.envs.cartpole.CartPolePhysics.TAU;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Options;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Gymnasium 1.4.0's {@code CartPole-v1}: balance a pole on a cart by pushing the cart left (action 0) or right
 * (action 1). The observation is {@code [x, x_dot, theta, theta_dot]}.
 *
 * <p>The state is kept in float64 and integrated with Gymnasium's equations in Gymnasium's evaluation order; the
 * observation is its float32 rounding, and the next step continues from the float64 state. {@code reset(seed)}
 * draws the initial state from a numpy-compatible PCG64, so it equals Gymnasium's {@code reset(seed=seed)}.
 *
 * <p>Unlike Gymnasium, stepping after the pole has fallen is refused: Gymnasium calls it undefined behaviour and
 * keeps integrating with reward 0, which only ever hides a bug in the caller's loop.
 */
public final class CartPole implements Env<float[], Integer> {

    public static final String OPT_INTEGRATOR = "integrator";
    public static final String OPT_SUTTON_BARTO_REWARD = "sutton_barto_reward";

    /** {@code CartPole-v1}: 500 steps per episode, solved at an average return of 475. */
    public static final EnvSpec<float[], Integer> SPEC = new EnvSpec<>("CartPole-v1", CartPole::fromOptions,
            OptionalInt.of(500), OptionalDouble.of(475.0), Options.empty());

    private static final Box OBSERVATION_SPACE = new Box(
            new float[] {(float) -(CartPolePhysics.X_THRESHOLD * 2), Float.NEGATIVE_INFINITY,
                    (float) -(CartPolePhysics.THETA_THRESHOLD_RADIANS * 2), Float.NEGATIVE_INFINITY},
            new float[] {(float) (CartPolePhysics.X_THRESHOLD * 2), Float.POSITIVE_INFINITY,
                    (float) (CartPolePhysics.THETA_THRESHOLD_RADIANS * 2), Float.POSITIVE_INFINITY},
            new int[] {4});
    private static final Discrete ACTION_SPACE = new Discrete(2);

    private final Integrator integrator;
    private final boolean suttonBartoReward;
    private final double[] state = new double[4];
    private Pcg64 random;
    private boolean hasState;
    private boolean terminated;

    /** Gymnasium's defaults: Euler integration, reward 1 per step. */
    public CartPole() {
        this(Integrator.EULER, false);
    }

    /**
     * @param suttonBartoReward reward 0 per step and -1 on the step the pole falls, as in Sutton and Barto's
     *                          original formulation, instead of 1 per step
     */
    public CartPole(Integrator integrator, boolean suttonBartoReward) {
        this.integrator = java.util.Objects.requireNonNull(integrator, "integrator");
        this.suttonBartoReward = suttonBartoReward;
    }

    /** Builds a CartPole from {@code integrator} and {@code sutton_barto_reward}; any other option is an error. */
    public static CartPole fromOptions(Options options) {
        options.requireOnly("CartPole-v1", Set.of(OPT_INTEGRATOR, OPT_SUTTON_BARTO_REWARD));
        return new CartPole(
                Integrator.fromOption(options.getString(OPT_INTEGRATOR, Integrator.EULER.optionValue())),
                options.getBoolean(OPT_SUTTON_BARTO_REWARD, false));
    }

    public Integrator integrator() {
        return integrator;
    }

    public boolean suttonBartoReward() {
        return suttonBartoReward;
    }

    @Override
    public ResetResult<float[]> reset(long seed) {
        random = Pcg64.seeded(seed);
        return startEpisode();
    }

    @Override
    public ResetResult<float[]> reset() {
        if (random == null) {
            random = Pcg64.fromEntropy();
        }
        return startEpisode();
    }

    private ResetResult<float[]> startEpisode() {
        // Gymnasium draws all four with one uniform(size=(4,)) call, which consumes the stream in this order.
        for (int i = 0; i < 4; i++) {
            state[i] = random.uniform(-0.05, 0.05);
        }
        hasState = true;
        terminated = false;
        return ResetResult.of(observation());
    }

    @Override
    public StepResult<float[]> step(Integer action) {
        ACTION_SPACE.requireContains(action, "action");
        if (!hasState) {
            throw new IllegalStateException("CartPole.step() called before reset(): there is no state yet");
        }
        if (terminated) {
            throw new IllegalStateException("CartPole.step() called after the pole fell (terminated = true): "
                    + "Gymnasium treats further steps as undefined behaviour; call reset() to start a new episode");
        }
        advance(state, action, integrator);
        terminated = CartPolePhysics.terminated(state[0], state[2]);
        double reward = suttonBartoReward ? (terminated ? -1.0 : 0.0) : 1.0;
        return new StepResult<>(observation(), reward, terminated, false, Map.of());
    }

    /** One integration step of {@code s = [x, x_dot, theta, theta_dot]} in place. */
    static void advance(double[] s, int action, Integrator integrator) {
        double x = s[0];
        double xDot = s[1];
        double theta = s[2];
        double thetaDot = s[3];
        double cosTheta = CartPolePhysics.cos(theta);
        double sinTheta = CartPolePhysics.sin(theta);
        double temp = CartPolePhysics.temp(CartPolePhysics.force(action), thetaDot, sinTheta);
        double thetaAcc = CartPolePhysics.thetaAcc(sinTheta, cosTheta, temp);
        double xAcc = CartPolePhysics.xAcc(temp, thetaAcc, cosTheta);
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

    /**
     * Replaces the float64 state, e.g. to replay a recorded trajectory. Whether the episode has ended is judged
     * again from the new state, so a state outside the bounds cannot be stepped.
     */
    public void setState(double... newState) {
        if (newState.length != 4) {
            throw new UserInputException("CartPole state has 4 values [x, x_dot, theta, theta_dot], got "
                    + newState.length);
        }
        System.arraycopy(newState, 0, state, 0, 4);
        hasState = true;
        terminated = CartPolePhysics.terminated(state[0], state[2]);
    }

    /** A copy of the float64 state {@code [x, x_dot, theta, theta_dot]}. */
    public double[] state() {
        return state.clone();
    }

    private float[] observation() {
        return new float[] {(float) state[0], (float) state[1], (float) state[2], (float) state[3]};
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
        if (!hasState) {
            throw new IllegalStateException("CartPole.render() called before reset(): there is no state to draw");
        }
        return switch (mode) {
            case ANSI -> new Rendering.Text(CartPoleRenderer.text(state));
            case RGB -> CartPoleRenderer.frame(state);
        };
    }

    @Override
    public String toString() {
        return "CartPole(" + integrator.optionValue() + (suttonBartoReward ? ", sutton_barto_reward" : "") + ")";
    }
}
