package dev.levelgym.agents.rl4j;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.spaces.Discrete;
import java.util.Objects;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;
import org.nd4j.linalg.api.rng.Random;

/**
 * A levelgym {@link Env} as RL4J's {@link MDP}: observations become RL4J {@link Box}es (a Box flattened, a Discrete
 * one-hot encoded, see {@link ObservationEncoding}), the Discrete action space becomes a {@link DiscreteSpace} of
 * the same size (RL4J's action {@code a} is the env's {@code start + a}), and RL4J's single {@code done} is
 * {@code terminated || truncated}. RL4J therefore treats a time limit as a terminal state and does not bootstrap
 * past it; {@link #lastStep()} keeps the two apart for callers that care.
 *
 * <p>Seeding: the first {@link #reset()} after {@link #seedNextReset} resets the env with that seed; the others
 * continue the env's own generator, as Gymnasium's {@code reset()} without a seed.
 *
 * @param <O> the env's observation type
 */
public final class LevelgymMdp<O> implements MDP<Box, Integer, DiscreteSpace> {

    private final Env<O, Integer> env;
    private final ObservationEncoding<O> encoding;
    private final ArrayObservationSpace<Box> observationSpace;
    private final DiscreteSpace actionSpace;
    private final int actionStart;
    private Long nextSeed;
    private StepResult<O> lastStep;
    private boolean done = true;

    private LevelgymMdp(Env<O, Integer> env, ObservationEncoding<O> encoding, Discrete actions, Random random) {
        this.env = env;
        this.encoding = encoding;
        this.observationSpace = new ArrayObservationSpace<>(new int[] {encoding.size()});
        this.actionSpace = new DiscreteSpace(actions.n(), random);
        this.actionStart = actions.start();
    }

    /**
     * {@code env} as an MDP.
     *
     * @param random draws {@link DiscreteSpace#randomAction()}, which RL4J's ε-greedy exploration uses: pass a
     *               seeded generator for reproducible runs
     * @throws IllegalArgumentException naming the space if RL4J cannot express the env's observation or action
     *                                  space
     */
    @SuppressWarnings("unchecked")
    public static LevelgymMdp<?> of(Env<?, ?> env, Random random) {
        Objects.requireNonNull(random, "random");
        ObservationEncoding<?> encoding = encodingFor(env);
        return new LevelgymMdp<>((Env<Object, Integer>) env, (ObservationEncoding<Object>) encoding,
                (Discrete) env.actionSpace(), random);
    }

    /**
     * The observation encoding for {@code env}, after checking RL4J can express both its spaces.
     *
     * @throws IllegalArgumentException naming the space if it cannot
     */
    static ObservationEncoding<?> encodingFor(Env<?, ?> env) {
        ObservationEncoding<?> encoding = ObservationEncoding.of(env.observationSpace());
        if (!(env.actionSpace() instanceof Discrete)) {
            throw new UserInputException("RL4J cannot express the action space " + env.actionSpace()
                    + ": its DQN takes a Discrete action space");
        }
        return encoding;
    }

    /** The env's observation as the vector RL4J's network reads. */
    public double[] encode(O observation) {
        return encoding.encode(observation);
    }

    /** Makes the next {@link #reset()} reset the env with {@code seed}. */
    public void seedNextReset(long seed) {
        this.nextSeed = seed;
    }

    public Env<O, Integer> env() {
        return env;
    }

    /** The env's last step as it returned it (terminated and truncated apart), or null before the first step. */
    public StepResult<O> lastStep() {
        return lastStep;
    }

    @Override
    public ObservationSpace<Box> getObservationSpace() {
        return observationSpace;
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return actionSpace;
    }

    @Override
    public Box reset() {
        ResetResult<O> result;
        if (nextSeed != null) {
            result = env.reset(nextSeed);
            nextSeed = null;
        } else {
            result = env.reset();
        }
        lastStep = null;
        done = false;
        return new Box(encoding.encode(result.observation()));
    }

    /** @param action RL4J's action, 0 to n − 1 */
    @Override
    public StepReply<Box> step(Integer action) {
        if (done) {
            throw new IllegalStateException("step after the episode ended: reset first");
        }
        if (action == null || action < 0 || action >= actionSpace.getSize()) {
            throw new UserInputException("RL4J action " + action + " is not in 0.." + (actionSpace.getSize() - 1));
        }
        StepResult<O> result = env.step(actionStart + action);
        lastStep = result;
        done = result.done();
        return new StepReply<>(new Box(encoding.encode(result.observation())), result.reward(), done,
                result.info());
    }

    @Override
    public boolean isDone() {
        return done;
    }

    /** Closes the env. */
    @Override
    public void close() {
        env.close();
    }

    /** Refused: an env instance cannot be copied. RL4J's asynchronous learners need this; its DQN does not. */
    @Override
    public MDP<Box, Integer, DiscreteSpace> newInstance() {
        throw new UnsupportedOperationException("LevelgymMdp cannot copy its env; RL4J's asynchronous learners "
                + "need an MDP per thread, so build one LevelgymMdp per env instead");
    }
}
