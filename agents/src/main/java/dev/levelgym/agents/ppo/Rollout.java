package dev.levelgym.agents.ppo;

/**
 * PPO's rollout storage: {@code numSteps} vector steps of {@code numEnvs} copies, step-major ({@code t * numEnvs +
 * i}), as CleanRL's {@code ppo.py} keeps them, plus the advantages and returns of generalized advantage estimation.
 * Rows of copies that autoreset on a step are not transitions ({@link #valid} false): they get no advantage, cut no
 * return, and are left out of the minibatches.
 */
final class Rollout {

    final int numSteps;
    final int numEnvs;
    final int observationSize;
    final float[] observations;
    final int[] actions;
    final float[] logProbs;
    final float[] values;
    final float[] rewards;
    final boolean[] terminated;
    final boolean[] truncated;
    final boolean[] valid;
    final float[] advantages;
    final float[] returns;
    /** Vector steps stored so far; the rollout is full at {@link #numSteps}. */
    int position;

    Rollout(int numSteps, int numEnvs, int observationSize) {
        long rows = (long) numSteps * numEnvs;
        if (rows * observationSize > Integer.MAX_VALUE - 8) {
            throw new dev.levelgym.envs.UserInputException("a rollout of " + numSteps + " steps x " + numEnvs
                    + " env copies x " + observationSize + " floats per observation does not fit one array; "
                    + "lower numSteps or --num-envs");
        }
        // Observations, and the per-row actions, log-probabilities, values, rewards, advantages, returns and flags.
        dev.levelgym.nn.MemoryBudget.requireHeap("ppo config: a rollout of numSteps " + numSteps + " x " + numEnvs
                + " env copies x " + observationSize + " floats per observation",
                rows * ((long) observationSize * 4 + 27), "lower numSteps or --num-envs");
        this.numSteps = numSteps;
        this.numEnvs = numEnvs;
        this.observationSize = observationSize;
        int n = (int) rows;
        observations = new float[n * observationSize];
        actions = new int[n];
        logProbs = new float[n];
        values = new float[n];
        rewards = new float[n];
        terminated = new boolean[n];
        truncated = new boolean[n];
        valid = new boolean[n];
        advantages = new float[n];
        returns = new float[n];
    }

    boolean full() {
        return position == numSteps;
    }

    int rows() {
        return numSteps * numEnvs;
    }

    /**
     * Generalized advantage estimation (Schulman et al. 2016) backwards over the rollout, per copy:
     * {@code δ_t = r_t + γ V(s_{t+1}) (1 − terminated_t) − V(s_t)} and {@code A_t = δ_t + γλ (1 − done_t) A_{t+1}},
     * returns {@code A_t + V(s_t)}. The value after a step is the next row's value, which for a step that ended an
     * episode is the value of its last observation (the copy autoresets on the next row): so a truncated episode
     * bootstraps from where it was cut, and a terminated one does not. After the last row it is
     * {@code nextValues}, the values of the observations the rollout ended on.
     */
    void computeAdvantages(float[] nextValues, double gamma, double lambda) {
        for (int i = 0; i < numEnvs; i++) {
            double last = 0;
            for (int t = numSteps - 1; t >= 0; t--) {
                int row = t * numEnvs + i;
                if (!valid[row]) {
                    advantages[row] = 0;
                    returns[row] = 0;
                    last = 0;
                    continue;
                }
                double nextValue = t == numSteps - 1 ? nextValues[i] : values[row + numEnvs];
                double delta = rewards[row] + gamma * nextValue * (terminated[row] ? 0 : 1) - values[row];
                boolean done = terminated[row] || truncated[row];
                last = delta + gamma * lambda * (done ? 0 : last);
                advantages[row] = (float) last;
                returns[row] = (float) (last + values[row]);
            }
        }
    }
}
