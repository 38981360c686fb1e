package dev.levelgym.agents.rl4j;

import dev.levelgym.envs.UserInputException;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The "rl4j-dqn" agent's hyperparameters: RL4J's {@code QLearningConfiguration} and {@code DQNDenseNetworkConfiguration}
 * fields under RL4J's own names, minus the run's seed and length, which come from the harness. The defaults
 * ({@link #defaults()}) are those of RL4J's CartPole example ({@code rl4j-examples} {@code Cartpole.java}: QL
 * configuration {@code 123, 200, 150000, 150000, 32, 500, 10, 0.01, 0.99, 1.0, 0.1f, 1000, true} and a network of
 * {@code l2(0.001).updater(new Adam(0.0005)).numHiddenNodes(16).numLayer(3)}), with the episode cap raised from
 * CartPole-v0's 200 steps to CartPole-v1's 500.
 *
 * @param maxEpochStep        RL4J's own cap on an episode's steps (default 500); the episode is cut there as a
 *                            truncation, on top of any time limit the env has
 * @param expRepMaxSize       replay memory capacity, in transitions (default 150000)
 * @param batchSize           transitions per gradient step (default 32); RL4J trains every step once the memory
 *                            holds this many
 * @param targetDqnUpdateFreq gradient steps between hard copies into the target network (default 500)
 * @param updateStart         steps of uniformly random actions before ε starts annealing (default 10)
 * @param rewardFactor        rewards are multiplied by this before they are stored (default 0.01)
 * @param gamma               discount factor (default 0.99)
 * @param errorClamp          TD errors are clipped to ± this (default 1.0)
 * @param minEpsilon          ε after annealing (default 0.1)
 * @param epsilonNbStep       steps over which ε anneals linearly from 1 to {@code minEpsilon} (default 1000)
 * @param doubleDQN           double DQN targets (default true)
 * @param learningRate        Adam's learning rate (default 0.0005)
 * @param l2                  L2 weight decay (default 0.001)
 * @param numHiddenNodes      width of each hidden layer (default 16)
 * @param numLayers           hidden layers, ReLU (default 3)
 */
public record Rl4jDqnConfig(int maxEpochStep, int expRepMaxSize, int batchSize, int targetDqnUpdateFreq,
                            int updateStart, double rewardFactor, double gamma, double errorClamp, double minEpsilon,
                            int epsilonNbStep, boolean doubleDQN, double learningRate, double l2, int numHiddenNodes,
                            int numLayers) {

    public Rl4jDqnConfig {
        requirePositive("maxEpochStep", maxEpochStep);
        requirePositive("expRepMaxSize", expRepMaxSize);
        requirePositive("batchSize", batchSize);
        requirePositive("targetDqnUpdateFreq", targetDqnUpdateFreq);
        requirePositive("epsilonNbStep", epsilonNbStep);
        requirePositive("numHiddenNodes", numHiddenNodes);
        requirePositive("numLayers", numLayers);
        if (updateStart < 0) {
            throw new UserInputException("updateStart must be non-negative, got " + updateStart);
        }
        if (batchSize > expRepMaxSize) {
            throw new UserInputException("batchSize " + batchSize + " exceeds expRepMaxSize " + expRepMaxSize);
        }
        if (!(rewardFactor > 0) || Double.isInfinite(rewardFactor)) {
            throw new UserInputException("rewardFactor must be positive and finite, got " + rewardFactor);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new UserInputException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(errorClamp > 0)) {
            throw new UserInputException("errorClamp must be positive, got " + errorClamp);
        }
        if (!(minEpsilon >= 0 && minEpsilon <= 1)) {
            throw new UserInputException("minEpsilon must be in [0, 1], got " + minEpsilon);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new UserInputException("learningRate must be positive and finite, got " + learningRate);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new UserInputException("l2 must be non-negative and finite, got " + l2);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new UserInputException(name + " must be positive, got " + value);
        }
    }

    /** RL4J's CartPole example values, with a 500-step episode cap (see the class comment). */
    public static Rl4jDqnConfig defaults() {
        return new Rl4jDqnConfig(500, 150_000, 32, 500, 10, 0.01, 0.99, 1.0, 0.1, 1000, true, 0.0005, 0.001, 16, 3);
    }

    /** RL4J's learning configuration for a run of {@code maxStep} steps seeded with {@code seed}. */
    QLearningConfiguration learning(long seed, long maxStep) {
        return QLearningConfiguration.builder()
                .seed(seed)
                .maxEpochStep(maxEpochStep)
                .maxStep((int) Math.min(Integer.MAX_VALUE, maxStep))
                .expRepMaxSize(expRepMaxSize)
                .batchSize(batchSize)
                .targetDqnUpdateFreq(targetDqnUpdateFreq)
                .updateStart(updateStart)
                .rewardFactor(rewardFactor)
                .gamma(gamma)
                .errorClamp(errorClamp)
                .minEpsilon(minEpsilon)
                .epsilonNbStep(epsilonNbStep)
                .doubleDQN(doubleDQN)
                .build();
    }

    /** RL4J's dense network configuration; no training listeners (RL4J's default logs the score every 50 fits). */
    DQNDenseNetworkConfiguration network() {
        return DQNDenseNetworkConfiguration.builder()
                .learningRate(learningRate)
                .l2(l2)
                .updater(new Adam(learningRate))
                .numHiddenNodes(numHiddenNodes)
                .numLayers(numLayers)
                .listeners(java.util.List.of())
                .build();
    }
}
