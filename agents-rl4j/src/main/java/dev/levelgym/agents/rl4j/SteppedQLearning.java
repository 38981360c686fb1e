package dev.levelgym.agents.rl4j;

import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.network.dqn.IDQN;
import org.deeplearning4j.rl4j.observation.Observation;
import org.deeplearning4j.rl4j.space.Box;

/**
 * RL4J's {@link QLearningDiscreteDense}, driven one step at a time instead of through {@code train()}, which runs to
 * {@code maxStep} in one call: levelgym's harness trains in chunks with greedy evaluations between them. The calls
 * are the ones RL4J's own {@code SyncLearning.train()} and {@code QLearning.trainEpoch()} make, in the same order
 * (preEpoch, resetNetworks, reset; trainStep and incrementStep per step; finishEpoch, incrementEpoch, postEpoch), so
 * the learning is RL4J's: its ε-greedy policy, replay memory, double-DQN targets and target-network copies.
 */
final class SteppedQLearning extends QLearningDiscreteDense<Box> {

    private Observation observation;

    SteppedQLearning(LevelgymMdp<?> mdp, IDQN network, QLearningConfiguration configuration) {
        super(mdp, network, configuration);
    }

    /** True between {@link #startEpisode()} and {@link #endEpisode()}. */
    boolean inEpisode() {
        return observation != null;
    }

    /** Starts an episode: resets the MDP and RL4J's per-episode state. */
    void startEpisode() {
        preEpoch();
        resetNetworks();
        observation = getLegacyMDPWrapper().reset();
    }

    /** One RL4J training step (act ε-greedily, store the transition, maybe fit); returns the MDP's reply. */
    StepReply<Observation> step() {
        StepReply<Observation> reply = trainStep(observation).getStepReply();
        incrementStep();
        observation = reply.getObservation();
        return reply;
    }

    /** Ends the episode: hands RL4J the last observation (a non-terminal one is bootstrapped from). */
    void endEpisode() {
        finishEpoch(observation);
        incrementEpoch();
        postEpoch();
        observation = null;
    }
}
