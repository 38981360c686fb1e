package dev.levelgym.demo.model;

import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.spaces.Box;
import java.util.List;
import java.util.Optional;

/**
 * One CartPole-v1 episode in the demo, on the env's own physics. Survival for the spec's 500 steps is a win (the
 * time limit Gymnasium truncates at); the pole falling or the cart leaving the track is a loss.
 */
public final class CartPoleSession {

    /** CartPole-v1's time limit (its {@code max_episode_steps}). */
    public static final int MAX_STEPS = CartPole.SPEC.maxEpisodeSteps().orElseThrow();

    private final Pilot pilot;
    private final long seed;
    private final CartPole env;
    private float[] observation;
    private int steps;
    private boolean fell;
    private int lastPush = 1;

    /**
     * @param seed  the reset seed, used again on every restart
     * @param pilot the agent that balances the pole, or null when a person does
     */
    public CartPoleSession(long seed, Pilot pilot) {
        this.pilot = pilot;
        this.seed = seed;
        this.env = pilot == null ? new CartPole() : pilot.cartPole();
        restart();
    }

    public void restart() {
        observation = env.reset(seed).observation();
        steps = 0;
        fell = false;
    }

    /**
     * A person's tick: {@code direction} &lt; 0 pushes left, &gt; 0 right. CartPole has no "do nothing" action, so
     * with no arrow held the pushes alternate, which nets (almost) no force over two ticks.
     */
    public void push(int direction) {
        int action = direction < 0 ? 0 : direction > 0 ? 1 : 1 - lastPush;
        tick(action);
    }

    /** Lets the pilot choose and play one tick. */
    public void pilotTick() {
        if (pilot == null) {
            throw new IllegalStateException("no agent plays this session");
        }
        if (outcome() == Outcome.RUNNING) {
            tick(pilot.act(observation));
        }
    }

    private void tick(int action) {
        if (outcome() != Outcome.RUNNING) {
            return;
        }
        lastPush = action;
        StepResult<float[]> r = env.step(action);
        observation = r.observation();
        steps++;
        fell = r.terminated();
    }

    public Outcome outcome() {
        return fell ? Outcome.LOSS : steps >= MAX_STEPS ? Outcome.WIN : Outcome.RUNNING;
    }

    /** The env's state {@code [x, x_dot, theta, theta_dot]}. */
    public double[] state() {
        return env.state();
    }

    /** Where the track ends on either side: the cart position at which the episode terminates. */
    public double trackHalfWidth() {
        return ((Box) env.observationSpace()).high()[0] / 2;
    }

    public int steps() {
        return steps;
    }

    /** The last action, 0 left or 1 right, for drawing the push. */
    public int lastPush() {
        return lastPush;
    }

    public Optional<Pilot> pilot() {
        return Optional.ofNullable(pilot);
    }

    public List<String> hud() {
        return List.of((pilot == null ? "CartPole-v1: hold LEFT/RIGHT to push the cart" : "CartPole-v1: "
                        + pilot.label() + " balances"),
                "steps survived: " + steps + " / " + MAX_STEPS);
    }

    public Optional<String> banner() {
        return switch (outcome()) {
            case WIN -> Optional.of("BALANCED " + MAX_STEPS + " STEPS!");
            case LOSS -> Optional.of("THE POLE FELL");
            case RUNNING -> Optional.empty();
        };
    }
}
