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
        if (observation.length != observationSize) {
            throw new IllegalArgumentException("observation has " + observation.length + " floats, expected "
                    + observationSize);
        }
        step(observation, 0, action, reward, next, 0, terminated, truncated, buffer);
    }

    /** {@link #step} for observations at offsets of flat batches. */
    void step(float[] observations, int offset, int action, float reward, float[] nexts, int nextOffset,
              boolean terminated, boolean truncated, ReplayBuffer buffer) {
        push(observations, offset, action, reward);
        if (terminated || truncated) {
            while (count > 0) {
                emitOldest(nexts, nextOffset, terminated, buffer);
            }
        } else if (count == n) {
            emitOldest(nexts, nextOffset, false, buffer);
        }
    }

    private void push(float[] observation, int offset, int action, float reward) {
        int slot = (head + count) % n;
        System.arraycopy(observation, offset, observations[slot], 0, observationSize);
        actions[slot] = action;
        rewards[slot] = reward;
        count++;
    }

    private void emitOldest(float[] next, int nextOffset, boolean terminated, ReplayBuffer buffer) {
        double sum = 0.0;
        double factor = 1.0;
        for (int i = 0; i < count; i++) {
            sum += factor * rewards[(head + i) % n];
            factor *= gamma;
        }
        buffer.add(observations[head], 0, actions[head], (float) sum, next, nextOffset,
                terminated ? 0f : (float) factor);
        drop();
    }

    /** The pending steps, oldest first, for a checkpoint: what an episode in progress has not stored yet. */
    Pending pending() {
        float[][] obs = new float[count][];
        int[] acts = new int[count];
        float[] rews = new float[count];
        for (int i = 0; i < count; i++) {
            int slot = (head + i) % n;
            obs[i] = observations[slot].clone();
            acts[i] = actions[slot];
            rews[i] = rewards[slot];
        }
        return new Pending(obs, acts, rews);
    }

    /** Puts back what {@link #pending} returned. */
    void restore(Pending pending) {
        if (pending.actions().length >= n || pending.observations().length != pending.actions().length
                || pending.rewards().length != pending.actions().length) {
            throw new IllegalArgumentException("a window of " + n + " steps cannot hold " + pending.actions().length
                    + " pending steps");
        }
        clear();
        for (int i = 0; i < pending.actions().length; i++) {
            if (pending.observations()[i].length != observationSize) {
                throw new IllegalArgumentException("pending observation of " + pending.observations()[i].length
                        + " floats, expected " + observationSize);
            }
            push(pending.observations()[i], 0, pending.actions()[i], pending.rewards()[i]);
        }
    }

    /** The steps a window holds between calls, as saved in a checkpoint. */
    record Pending(float[][] observations, int[] actions, float[] rewards) {
    }

    private void drop() {
        head = (head + 1) % n;
        count--;
    }
}
