package dev.levelgym.demo.model;


/**
 * Turns frame time into game ticks: a fixed tick length scaled by a {@link Speed}, with pause and single-step.
 * Frames and ticks are decoupled so the picture stays smooth at any speed and the game runs the same at any frame
 * rate.
 */
public final class TickClock {

    /** Ticks a frame may run at {@link Speed#MAX}: enough to finish a 500-step episode in a few frames. */
    static final int MAX_TICKS_PER_FRAME = 200;

    private final double tickSeconds;
    private Speed speed = Speed.X1;
    private boolean paused;
    private boolean stepRequested;
    private double pending;

    public TickClock(double tickSeconds) {
        if (!(tickSeconds > 0)) {
            throw new IllegalArgumentException("tick length must be positive, got " + tickSeconds);
        }
        this.tickSeconds = tickSeconds;
    }

    /** How many ticks are due after {@code deltaSeconds} of frame time. */
    public int advance(double deltaSeconds) {
        if (paused) {
            pending = 0;
            if (stepRequested) {
                stepRequested = false;
                return 1;
            }
            return 0;
        }
        if (speed == Speed.MAX) {
            pending = 0;
            return MAX_TICKS_PER_FRAME;
        }
        pending += deltaSeconds * speed.factor();
        // Frame deltas are floats: a tolerance keeps a 0.02f frame from falling short of a 0.02 s tick.
        int due = (int) Math.floor(pending / tickSeconds + 1e-6);
        pending -= due * tickSeconds;
        return due;
    }

    /**
     * How far the current tick has run, 0..1, for drawing moving things between their old and new cells; 1 when
     * ticks come faster than frames can show.
     */
    public float progress() {
        if (paused || speed == Speed.MAX) {
            return 1f;
        }
        return (float) Math.min(1.0, pending / tickSeconds);
    }

    public Speed speed() {
        return speed;
    }

    public void setSpeed(Speed speed) {
        this.speed = speed;
    }

    public boolean paused() {
        return paused;
    }

    public void togglePause() {
        paused = !paused;
        stepRequested = false;
    }

    /** While paused, makes the next {@link #advance} run exactly one tick. */
    public void requestStep() {
        if (paused) {
            stepRequested = true;
        }
    }
}
