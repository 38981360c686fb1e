package dev.levelgym.agents.planning;

/**
 * What {@link ValueIteration#solve} finds.
 *
 * @param values     optimal discounted state values {@code V*(s)}
 * @param policy     a greedy action per state (lowest action on ties)
 * @param gamma      the discount they are optimal for
 * @param iterations sweeps until convergence
 */
public record OptimalPolicy(double[] values, int[] policy, double gamma, int iterations) {

    public OptimalPolicy {
        values = values.clone();
        policy = policy.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public int[] policy() {
        return policy.clone();
    }
}
