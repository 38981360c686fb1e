package dev.levelgym.agents.dqn;

/**
 * Turns the steps of one episode into n-step transitions (Sutton and Barto §7.1; Rainbow's multi-step targets,
 * Hessel et al. 2018): from each state s_t it stores {@code (s_t, a_t, r_t + γ r_{t+1} + … + γ^{k−1} r_{t+k−1},
 * s_{t+k}, γ^k)} with k = n, or fewer when the episode ends first (then the discount is 0 after a termination and
 * γ^k after a truncation, which still bootstraps). A sparse reward thus reaches n states back in one update
 * instead of one. With n = 1 every step is stored at once, as plain DQN.
 *
 * <p>Holds at most n − 1 pending steps between calls; {@link #clear()} at every episode start.
 */
final class NStepWindow {

    private final int n;
    private final double gamma;
    private final int observationSize;
    private final float[][] observations;
    private final int[] actions;
    private final float[] rewards;
    /** Index of the oldest pending step. */
    private int head;
    private int count;

    NStepWindow(int n, double gamma, int observationSize) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        this.n = n;
        this.gamma = gamma;
        this.observationSize = observationSize;
        this.observations = new float[n][observationSize];
        this.actions = new int[n];
        this.rewards = new float[n];
    }

    void clear() {
        head = 0;
        count = 0;
    }

    /**
     * Records the step {@code (observation, action, reward)} that led to {@code next}, and stores in
     * {@code buffer} every transition that is now complete: the oldest one when n steps are pending, all of them
     * when the episode ended.
     */
    void step(float[] observation, int action, float reward, float[] next, boolean terminated, boolean truncated,
              ReplayBuffer buffer) {
        push(observation, action, reward);
        if (terminated || truncated) {
            while (count > 0) {
                emitOldest(next, terminated, buffer);
            }
        } else if (count == n) {
            emitOldest(next, false, buffer);
        }
    }

    /**
     * Records a step as {@link #step} does but stores nothing: for rebuilding the window of an interrupted
     * episode by replaying its actions, whose transitions are already in the buffer.
     */
    void replayStep(float[] observation, int action, float reward) {
        push(observation, action, reward);
        if (count == n) {
            drop();
        }
    }

    private void push(float[] observation, int action, float reward) {
        if (observation.length != observationSize) {
            throw new IllegalArgumentException("observation has " + observation.length + " floats, expected "
                    + observationSize);
        }
        int slot = (head + count) % n;
        System.arraycopy(observation, 0, observations[slot], 0, observationSize);
        actions[slot] = action;
        rewards[slot] = reward;
        count++;
    }

    private void emitOldest(float[] next, boolean terminated, ReplayBuffer buffer) {
        double sum = 0.0;
        double factor = 1.0;
        for (int i = 0; i < count; i++) {
            sum += factor * rewards[(head + i) % n];
            factor *= gamma;
        }
        buffer.add(observations[head], actions[head], (float) sum, next, terminated ? 0f : (float) factor);
        drop();
    }

    private void drop() {
        head = (head + 1) % n;
        count--;
    }
}
