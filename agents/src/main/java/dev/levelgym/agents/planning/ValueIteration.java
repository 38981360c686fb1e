package dev.levelgym.agents.planning;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.frozenlake.FrozenLake;
import dev.levelgym.envs.frozenlake.Transition;

/**
 * Dynamic programming over FrozenLake's transition table ({@link FrozenLake#transitions}), the ground truth for
 * judging learned policies without Monte Carlo noise.
 *
 * <p>"Success" means stepping onto the goal tile. Success probabilities come in two horizons: eventual success
 * (undiscounted, unbounded number of steps: the limit as the time limit grows) and success within {@code horizon}
 * steps (what a {@code TimeLimit} of that many steps allows, e.g. 100 for {@code FrozenLake-v1}). Both are computed
 * by iterating the exact Bellman equations from zero; the unbounded one stops when no state changes by more than
 * {@value #TOLERANCE}, which starting from zero converges to the least fixed point, i.e. the reach probability
 * (a policy that cycles forever away from the goal gets 0, not an arbitrary value). Iterating from below, the
 * result is low by about the last change divided by one minus the contraction rate: well under 1e-9 on the
 * standard maps, which is what "exact" means here.
 */
public final class ValueIteration {

    /**
     * Default discount: 0.99, the same as {@code QLearningConfig.defaults()}, so that planning and learning
     * optimise the same objective.
     */
    public static final double DEFAULT_GAMMA = 0.99;

    static final double TOLERANCE = 1e-14;
    private static final int MAX_SWEEPS = 10_000_000;
    private static final int ACTIONS = 4;

    private ValueIteration() {
    }

    /** Optimal discounted values and a greedy policy for {@link #DEFAULT_GAMMA}. */
    public static OptimalPolicy solve(FrozenLake lake) {
        return solve(lake, DEFAULT_GAMMA);
    }

    /** Optimal discounted values and a greedy policy for {@code gamma} in [0, 1). */
    public static OptimalPolicy solve(FrozenLake lake, double gamma) {
        if (!(gamma >= 0.0 && gamma < 1.0)) {
            throw new UserInputException("gamma must be in [0, 1) for discounted value iteration, got " + gamma
                    + " (use optimalSuccessProbabilities for the undiscounted problem)");
        }
        int n = lake.map().numStates();
        double[] v = new double[n];
        for (int sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
            double delta = 0.0;
            for (int s = 0; s < n; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < ACTIONS; a++) {
                    best = Math.max(best, discountedQ(lake, v, s, a, gamma));
                }
                delta = Math.max(delta, Math.abs(best - v[s]));
                v[s] = best;
            }
            if (delta < TOLERANCE) {
                int[] policy = new int[n];
                for (int s = 0; s < n; s++) {
                    policy[s] = argmax(lake, v, s, gamma);
                }
                return new OptimalPolicy(v, policy, gamma, sweep);
            }
        }
        throw new IllegalStateException("value iteration did not converge in " + MAX_SWEEPS + " sweeps");
    }

    private static double discountedQ(FrozenLake lake, double[] v, int s, int a, double gamma) {
        double q = 0.0;
        for (Transition t : lake.transitions(s, a)) {
            q += t.probability() * (t.reward() + (t.terminated() ? 0.0 : gamma * v[t.nextState()]));
        }
        return q;
    }

    private static int argmax(FrozenLake lake, double[] v, int s, double gamma) {
        int best = 0;
        double bestQ = discountedQ(lake, v, s, 0, gamma);
        for (int a = 1; a < ACTIONS; a++) {
            double q = discountedQ(lake, v, s, a, gamma);
            // Values within the convergence tolerance are ties; prefer the lowest action as the agents do.
            if (q > bestQ + 1e-9) {
                best = a;
                bestQ = q;
            }
        }
        return best;
    }

    /** Per state, the probability that {@code policy} eventually reaches the goal (no time limit). */
    public static double[] successProbabilities(FrozenLake lake, int[] policy) {
        requirePolicy(lake, policy);
        return reach(lake, policy, MAX_SWEEPS, true);
    }

    /** Per state, the probability that {@code policy} reaches the goal within {@code horizon} steps. */
    public static double[] successProbabilities(FrozenLake lake, int[] policy, int horizon) {
        requirePolicy(lake, policy);
        requireHorizon(horizon);
        return reach(lake, policy, horizon, false);
    }

    /** Per state, the highest probability any policy has of eventually reaching the goal. */
    public static double[] optimalSuccessProbabilities(FrozenLake lake) {
        return reach(lake, null, MAX_SWEEPS, true);
    }

    /**
     * Per state, the highest probability any (possibly time-dependent) policy has of reaching the goal within
     * {@code horizon} steps. A stationary policy, which is all a Q-table gives, can do worse.
     */
    public static double[] optimalSuccessProbabilities(FrozenLake lake, int horizon) {
        requireHorizon(horizon);
        return reach(lake, null, horizon, false);
    }

    /**
     * {@code sweeps} synchronous backups of the reach probability from zero, under {@code policy} or, if null,
     * maximising over actions. With {@code untilConverged}, stops early once nothing changes by more than
     * {@link #TOLERANCE}, and fails if that never happens.
     */
    private static double[] reach(FrozenLake lake, int[] policy, int sweeps, boolean untilConverged) {
        int n = lake.map().numStates();
        double[] v = new double[n];
        for (int sweep = 0; sweep < sweeps; sweep++) {
            // Synchronous (Jacobi) backups, so that after k sweeps v is exactly the k-step probability.
            double[] next = new double[n];
            double delta = 0.0;
            for (int s = 0; s < n; s++) {
                double best = 0.0;
                for (int a = 0; a < ACTIONS; a++) {
                    if (policy != null && a != policy[s]) {
                        continue;
                    }
                    double p = 0.0;
                    for (Transition t : lake.transitions(s, a)) {
                        if (lake.map().tile(t.nextState()) == 'G') {
                            p += t.probability();
                        } else if (!t.terminated()) {
                            p += t.probability() * v[t.nextState()];
                        }
                    }
                    best = Math.max(best, p);
                }
                next[s] = best;
                delta = Math.max(delta, Math.abs(best - v[s]));
            }
            v = next;
            if (untilConverged && delta < TOLERANCE) {
                return v;
            }
        }
        if (untilConverged) {
            throw new IllegalStateException("success probabilities did not converge in " + sweeps + " sweeps");
        }
        return v;
    }

    private static void requirePolicy(FrozenLake lake, int[] policy) {
        if (policy.length != lake.map().numStates()) {
            throw new UserInputException("policy has " + policy.length + " actions, the lake has "
                    + lake.map().numStates() + " states");
        }
        for (int s = 0; s < policy.length; s++) {
            if (policy[s] < 0 || policy[s] >= ACTIONS) {
                throw new UserInputException("policy action " + policy[s] + " in state " + s
                        + " is not in Discrete(4)");
            }
        }
    }

    private static void requireHorizon(int horizon) {
        if (horizon < 0) {
            throw new UserInputException("horizon must be non-negative, got " + horizon);
        }
    }
}
