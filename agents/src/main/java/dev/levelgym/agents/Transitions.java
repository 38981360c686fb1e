package dev.levelgym.agents;

import java.util.Arrays;

/**
 * The N transitions of one step of a vector env, as the {@link TrainingLoop} hands them to a {@link Learner}:
 * copy {@code i} went from {@code observation(i)} by {@code action(i)} to {@code nextObservation(i)} with
 * {@code reward(i)}. Under Gymnasium's next-step autoreset, a copy whose episode ended on the previous step was
 * reset on this one instead of stepped: its row is not a transition ({@link #valid} false; its action was ignored
 * and its next observation is the new episode's first). For a copy whose episode ends on this step,
 * {@code nextObservation} is the episode's last observation, so a learner can bootstrap from it on truncation.
 *
 * <p>A view of the loop's buffers, overwritten by the next step: copy what you keep.
 */
public final class Transitions {

    private final int numEnvs;
    private final int observationSize;
    final float[] observations;
    final int[] actions;
    final boolean[] valid;
    float[] nextObservations;
    double[] rewards;
    boolean[] terminated;
    boolean[] truncated;

    Transitions(int numEnvs, int observationSize) {
        this.numEnvs = numEnvs;
        this.observationSize = observationSize;
        this.observations = new float[numEnvs * observationSize];
        this.actions = new int[numEnvs];
        this.valid = new boolean[numEnvs];
    }

    public int numEnvs() {
        return numEnvs;
    }

    /** Floats per observation. */
    public int observationSize() {
        return observationSize;
    }

    /** All copies' observations before the step, row-major ({@link #observationSize()} floats per copy). */
    public float[] observations() {
        return observations;
    }

    /** All copies' observations after the step, row-major. */
    public float[] nextObservations() {
        return nextObservations;
    }

    /** Offset of copy {@code i}'s row in {@link #observations()} and {@link #nextObservations()}. */
    public int offset(int i) {
        return i * observationSize;
    }

    public int action(int i) {
        return actions[i];
    }

    public double reward(int i) {
        return rewards[i];
    }

    public boolean terminated(int i) {
        return terminated[i];
    }

    public boolean truncated(int i) {
        return truncated[i];
    }

    /** True if the episode of copy {@code i} ended on this step. */
    public boolean done(int i) {
        return terminated[i] || truncated[i];
    }

    /** False if copy {@code i} was reset on this step rather than stepped (no transition). */
    public boolean valid(int i) {
        return valid[i];
    }

    @Override
    public String toString() {
        return "Transitions(" + numEnvs + " copies, valid " + Arrays.toString(valid) + ")";
    }
}
