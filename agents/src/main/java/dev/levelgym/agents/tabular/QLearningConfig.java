package dev.levelgym.agents.tabular;

import dev.levelgym.envs.UserInputException;
import java.util.Objects;

/**
 * Hyperparameters of {@link QLearningAgent}, in the spirit of CleanRL's {@code Args}: every knob in one place, with
 * where its default comes from.
 *
 * @param learningRate        step size α in (0, 1]. Default 0.1, as in Sutton &amp; Barto (2018), Example 6.7.
 * @param gamma               discount γ in [0, 1]. Default 0.99, CleanRL's {@code gamma} default.
 * @param epsilonStart        ε at step 0, in [0, 1]. Default 1.0, CleanRL {@code dqn.py}'s {@code start_e}.
 * @param epsilonEnd          ε after the decay, in [0, 1]. Default 0.05, CleanRL {@code dqn.py}'s {@code end_e}.
 * @param explorationFraction fraction of the total steps over which ε falls linearly from start to end, in [0, 1].
 *                            Default 0.5, CleanRL {@code dqn.py}'s {@code exploration_fraction}.
 * @param updateRule          Q-learning (default, the algorithm's name) or SARSA
 */
public record QLearningConfig(double learningRate, double gamma, double epsilonStart, double epsilonEnd,
                              double explorationFraction, UpdateRule updateRule) {

    public QLearningConfig {
        if (!(learningRate > 0.0 && learningRate <= 1.0)) {
            throw new UserInputException("learningRate must be in (0, 1], got " + learningRate);
        }
        requireUnit("gamma", gamma);
        requireUnit("epsilonStart", epsilonStart);
        requireUnit("epsilonEnd", epsilonEnd);
        requireUnit("explorationFraction", explorationFraction);
        Objects.requireNonNull(updateRule, "updateRule must be Q_LEARNING or SARSA, got null");
    }

    private static void requireUnit(String name, double value) {
        // Written so that NaN fails too.
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new UserInputException(name + " must be in [0, 1], got " + value);
        }
    }

    public static QLearningConfig defaults() {
        return new QLearningConfig(0.1, 0.99, 1.0, 0.05, 0.5, UpdateRule.Q_LEARNING);
    }

    public QLearningConfig withLearningRate(double value) {
        return new QLearningConfig(value, gamma, epsilonStart, epsilonEnd, explorationFraction, updateRule);
    }

    public QLearningConfig withGamma(double value) {
        return new QLearningConfig(learningRate, value, epsilonStart, epsilonEnd, explorationFraction, updateRule);
    }

    public QLearningConfig withEpsilon(double start, double end, double fraction) {
        return new QLearningConfig(learningRate, gamma, start, end, fraction, updateRule);
    }

    public QLearningConfig withUpdateRule(UpdateRule value) {
        return new QLearningConfig(learningRate, gamma, epsilonStart, epsilonEnd, explorationFraction, value);
    }

    /**
     * ε after {@code step} of {@code totalSteps}: CleanRL's {@code linear_schedule}, falling from
     * {@link #epsilonStart} to {@link #epsilonEnd} over the first {@code explorationFraction * totalSteps} steps.
     */
    public double epsilon(long step, long totalSteps) {
        double duration = explorationFraction * totalSteps;
        if (duration <= 0.0 || step >= duration) {
            return epsilonEnd;
        }
        return epsilonStart + (epsilonEnd - epsilonStart) * (step / duration);
    }
}
