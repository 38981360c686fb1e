package dev.levelgym.envs.wrappers;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import java.util.HashMap;
import java.util.Map;

/**
 * Adds an {@link EpisodeStatistics} under {@value #INFO_KEY} to the info of the step that ends an episode, as
 * Gymnasium's {@code RecordEpisodeStatistics}: return, length and wall-clock time.
 */
public final class RecordEpisodeStatistics<O, A> extends Wrapper<O, A> {

    public static final String INFO_KEY = "episode";

    /** One finished episode. */
    public record EpisodeStatistics(double episodeReturn, int length, double seconds) {
    }

    private double episodeReturn;
    private int length;
    private long startNanos;

    public RecordEpisodeStatistics(Env<O, A> env) {
        super(env);
    }

    @Override
    public ResetResult<O> reset(long seed) {
        restart();
        return env.reset(seed);
    }

    @Override
    public ResetResult<O> reset() {
        restart();
        return env.reset();
    }

    private void restart() {
        episodeReturn = 0;
        length = 0;
        startNanos = System.nanoTime();
    }

    @Override
    public StepResult<O> step(A action) {
        StepResult<O> result = env.step(action);
        episodeReturn += result.reward();
        length++;
        if (!result.done()) {
            return result;
        }
        Map<String, Object> info = new HashMap<>(result.info());
        info.put(INFO_KEY, new EpisodeStatistics(episodeReturn, length, (System.nanoTime() - startNanos) / 1e9));
        return result.withInfo(info);
    }
}
