package dev.levelgym.agents.rl4j;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test env with chosen spaces: observes its first observation space member forever, records the actions it is
 * given, and ends an episode as terminated after {@code terminateAfter} steps.
 */
final class SpacesEnv<O, A> implements Env<O, A> {

    private final Space<O> observationSpace;
    private final Space<A> actionSpace;
    private final O observation;
    private final int terminateAfter;
    final List<A> actions = new ArrayList<>();
    private int t;

    SpacesEnv(Space<O> observationSpace, Space<A> actionSpace, O observation, int terminateAfter) {
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.observation = observation;
        this.terminateAfter = terminateAfter;
    }

    @Override
    public ResetResult<O> reset(long seed) {
        return reset();
    }

    @Override
    public ResetResult<O> reset() {
        t = 0;
        return ResetResult.of(observation);
    }

    @Override
    public StepResult<O> step(A action) {
        actionSpace.requireContains(action, "action");
        actions.add(action);
        t++;
        return new StepResult<>(observation, 1.0, t >= terminateAfter, false, Map.of());
    }

    @Override
    public Space<O> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<A> actionSpace() {
        return actionSpace;
    }

    @Override
    public Rendering render(RenderMode mode) {
        throw new UnsupportedOperationException("no rendering");
    }
}
