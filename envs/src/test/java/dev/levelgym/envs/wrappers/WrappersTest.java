package dev.levelgym.envs.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.testing.CounterEnv;
import dev.levelgym.envs.testing.RandomWalkEnv;
import dev.levelgym.envs.wrappers.RecordEpisodeStatistics.EpisodeStatistics;
import org.junit.jupiter.api.Test;

class WrappersTest {

    @Test
    void timeLimitTruncatesOnTheNthStep() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CounterEnv(100), 3);
        env.reset(0);
        assertFalse(env.step(0).truncated());
        assertFalse(env.step(0).truncated());
        StepResult<Integer> third = env.step(0);
        assertTrue(third.truncated());
        assertFalse(third.terminated());
        assertEquals(3, env.elapsedSteps());
    }

    @Test
    void timeLimitReportsBothFlagsWhenTheLastStepAlsoTerminates() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CounterEnv(2), 2);
        env.reset(0);
        env.step(0);
        StepResult<Integer> last = env.step(0);
        assertTrue(last.terminated());
        assertTrue(last.truncated());
    }

    @Test
    void timeLimitCountRestartsOnEveryReset() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CounterEnv(100), 2);
        env.reset(0);
        env.step(0);
        env.reset();
        assertEquals(0, env.elapsedSteps());
        assertFalse(env.step(0).truncated(), "one step into the new episode");
        assertTrue(env.step(0).truncated());
        env.reset(5);
        assertFalse(env.step(0).truncated());
    }

    @Test
    void timeLimitNeedsAPositiveLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TimeLimit<>(new CounterEnv(3), 0));
        assertEquals("maxEpisodeSteps must be positive, got 0", e.getMessage());
    }

    @Test
    void orderEnforcingRefusesStepAndRenderBeforeReset() {
        OrderEnforcing<Integer, Integer> env = new OrderEnforcing<>(new CounterEnv(3));
        IllegalStateException step = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(step.getMessage().startsWith("step() called before reset()"), step.getMessage());
        IllegalStateException render = assertThrows(IllegalStateException.class, () -> env.render(RenderMode.ANSI));
        assertTrue(render.getMessage().startsWith("render() called before reset()"), render.getMessage());
    }

    @Test
    void orderEnforcingRefusesStepAfterTheEpisodeEndedUntilReset() {
        OrderEnforcing<Integer, Integer> env = new OrderEnforcing<>(new CounterEnv(1));
        env.reset(0);
        assertTrue(env.step(0).terminated());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(e.getMessage().contains("after the episode ended"), e.getMessage());
        env.reset();
        assertEquals(1, env.step(0).observation());
    }

    @Test
    void orderEnforcingOverATimeLimitRefusesStepAfterTruncation() {
        Env<Integer, Integer> env = new OrderEnforcing<>(new TimeLimit<>(new CounterEnv(100), 1));
        env.reset(0);
        assertTrue(env.step(0).truncated());
        assertThrows(IllegalStateException.class, () -> env.step(0));
    }

    @Test
    void orderEnforcingLetsAnInvalidActionFailWithoutEndingTheEpisode() {
        OrderEnforcing<Integer, Integer> env = new OrderEnforcing<>(new CounterEnv(3));
        env.reset(0);
        assertThrows(IllegalArgumentException.class, () -> env.step(7));
        assertEquals(1, env.step(0).observation());
    }

    @Test
    void recordEpisodeStatisticsAddsReturnAndLengthOnTheLastStepOnly() {
        RecordEpisodeStatistics<Integer, Integer> env = new RecordEpisodeStatistics<>(new CounterEnv(3));
        env.reset(0);
        StepResult<Integer> first = env.step(2);
        assertFalse(first.info().containsKey(RecordEpisodeStatistics.INFO_KEY));
        assertEquals(1, first.info().get("count"));
        env.step(1);
        StepResult<Integer> last = env.step(2);
        EpisodeStatistics stats = assertInstanceOf(EpisodeStatistics.class,
                last.info().get(RecordEpisodeStatistics.INFO_KEY));
        assertEquals(5.0, stats.episodeReturn());
        assertEquals(3, stats.length());
        assertTrue(stats.seconds() >= 0 && stats.seconds() < 60, "seconds " + stats.seconds());
        assertEquals(3, last.info().get("count"), "the env's own info is kept");

        env.reset();
        env.step(0);
        env.step(0);
        EpisodeStatistics second = (EpisodeStatistics) env.step(1).info().get(RecordEpisodeStatistics.INFO_KEY);
        assertEquals(new EpisodeStatistics(1.0, 3, second.seconds()), second);
    }

    @Test
    void wrapperPassesThroughAndUnwraps() {
        RandomWalkEnv inner = new RandomWalkEnv();
        TimeLimit<float[], Integer> env = new TimeLimit<>(new OrderEnforcing<>(inner), 10);
        assertSame(inner, env.unwrapped());
        assertSame(inner.observationSpace(), env.observationSpace());
        assertSame(inner.actionSpace(), env.actionSpace());
        assertEquals("TimeLimit<OrderEnforcing<RandomWalkEnv>>", env.toString());
        env.reset(3);
        assertEquals(1, inner.resets());
    }

    @Test
    void closeReachesTheInnerEnv() {
        CounterEnv inner = new CounterEnv(3);
        new RecordEpisodeStatistics<>(new TimeLimit<>(inner, 5)).close();
        assertTrue(inner.closed());
    }
}
