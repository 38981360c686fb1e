package dev.levelgym.envs.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Options;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import dev.levelgym.envs.testing.CounterEnv;
import dev.levelgym.envs.testing.Flaw;
import dev.levelgym.envs.testing.RandomWalkEnv;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EnvCheckerTest {

    @Test
    void wellBehavedEnvPasses() {
        EnvCheckReport report = EnvChecker.check(new RandomWalkEnv(), 0);
        assertTrue(report.passed(), report.summary());
        assertTrue(report.warnings().isEmpty(), report.summary());
    }

    @Test
    void wellBehavedEnvPassesThroughTheStandardWrappers() {
        EnvSpec<float[], Integer> spec = new EnvSpec<>("Walk-v0", options -> new RandomWalkEnv(),
                OptionalInt.of(5), OptionalDouble.empty(), Options.empty());
        EnvCheckReport report = EnvChecker.checkOrThrow(spec.make(), 123);
        assertTrue(report.passed());
    }

    @Test
    void fixedStartStateIsOnlyAWarning() {
        EnvCheckReport report = EnvChecker.check(new CounterEnv(4), 5);
        assertTrue(report.passed(), report.summary());
        assertEquals(1, report.warnings().size(), report.summary());
        assertTrue(report.warnings().get(0).contains("same first observation"), report.summary());
    }

    @Test
    void nonDeterministicResetFails() {
        EnvCheckReport report = EnvChecker.check(new RandomWalkEnv(Flaw.NONDETERMINISTIC_RESET), 0);
        assertFalse(report.passed());
        assertTrue(report.failures().stream().anyMatch(f -> f.startsWith("reset(0) is not deterministic")),
                report.summary());
    }

    @Test
    void nonDeterministicStepsFailTheTrajectoryCheck() {
        EnvCheckReport report = EnvChecker.check(new RandomWalkEnv(Flaw.NONDETERMINISTIC_STEP), 0);
        assertEquals(1, report.failures().size(), report.summary());
        assertTrue(report.failures().get(0).contains("different trajectories at step 1"), report.summary());
    }

    @Test
    void observationOutsideTheSpaceFails() {
        EnvCheckReport report = EnvChecker.check(new RandomWalkEnv(Flaw.OBSERVATION_OUT_OF_SPACE), 0);
        assertEquals(1, report.failures().size(), report.summary());
        String failure = report.failures().get(0);
        assertTrue(failure.startsWith("step 1 (action "), failure);
        assertTrue(failure.contains("is not in Box([-4.  0.], [4. 1.], (2,), float32)"), failure);
    }

    @Test
    void nanRewardFails() {
        EnvCheckReport report = EnvChecker.check(new RandomWalkEnv(Flaw.NAN_REWARD), 0);
        assertEquals(1, report.failures().size(), report.summary());
        assertTrue(report.failures().get(0).contains("reward NaN is not finite"), report.summary());
    }

    @Test
    void acceptingAnInvalidActionFails() {
        EnvCheckReport report = EnvChecker.check(new RandomWalkEnv(Flaw.ACCEPTS_INVALID_ACTION), 0);
        assertEquals(1, report.failures().size(), report.summary());
        assertTrue(report.failures().get(0).startsWith("step(2) with an action outside Discrete(2) was accepted"),
                report.summary());
    }

    @Test
    void renderThrowingTheWrongExceptionFails() {
        EnvCheckReport report = EnvChecker.check(new RandomWalkEnv(Flaw.RENDER_THROWS), 0);
        assertEquals(2, report.failures().size(), report.summary());
        assertTrue(report.failures().get(0).startsWith("render(ANSI) threw java.lang.IllegalStateException"),
                report.summary());
    }

    @Test
    void nullSpacesFailAndStopTheCheck() {
        EnvCheckReport report = EnvChecker.check(new NullSpacesEnv(), 0);
        assertEquals(java.util.List.of("observationSpace() returned null", "actionSpace() returned null"),
                report.failures());
    }

    @Test
    void checkOrThrowCarriesTheReport() {
        EnvCheckException e = assertThrows(EnvCheckException.class,
                () -> EnvChecker.checkOrThrow(new RandomWalkEnv(Flaw.NAN_REWARD), 0));
        assertFalse(e.report().passed());
        assertTrue(e.getMessage().contains("FAIL step 1"), e.getMessage());
        assertTrue(e.getMessage().contains("reward NaN is not finite"), e.getMessage());
    }

    @Test
    void neverEndingEnvGetsAWarningAboutEpisodeEnds() {
        EnvCheckReport report = EnvChecker.check(new CounterEnv(1_000), 0, 20);
        assertTrue(report.passed(), report.summary());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("no episode ended within 20")),
                report.summary());
    }

    @Test
    void reusedObservationBufferIsWarnedAbout() {
        EnvCheckReport report = EnvChecker.check(new BufferReusingEnv(), 0, 10);
        assertTrue(report.passed(), report.summary());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("same observation array")),
                report.summary());
    }

    @Test
    void invalidSeedIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> EnvChecker.check(new CounterEnv(3), -1));
    }

    @Test
    void reportSummaryListsEverything() {
        EnvCheckReport report = new EnvCheckReport("X", java.util.List.of("a"), java.util.List.of("b"));
        assertEquals("X: 1 failure(s), 1 warning(s)\n  FAIL a\n  WARN b", report.summary());
    }

    private static final class NullSpacesEnv implements Env<Integer, Integer> {
        @Override
        public ResetResult<Integer> reset(long seed) {
            return ResetResult.of(0);
        }

        @Override
        public ResetResult<Integer> reset() {
            return ResetResult.of(0);
        }

        @Override
        public StepResult<Integer> step(Integer action) {
            throw new AssertionError("must not be stepped");
        }

        @Override
        public Space<Integer> observationSpace() {
            return null;
        }

        @Override
        public Space<Integer> actionSpace() {
            return null;
        }

        @Override
        public Rendering render(RenderMode mode) {
            throw new UnsupportedOperationException();
        }
    }

    /** Correct except that it writes every observation into one array. */
    private static final class BufferReusingEnv implements Env<float[], Integer> {
        private final float[] buffer = new float[2];
        private Pcg64 random = Pcg64.seeded(0);

        @Override
        public ResetResult<float[]> reset(long seed) {
            random = Pcg64.seeded(seed);
            return reset();
        }

        @Override
        public ResetResult<float[]> reset() {
            buffer[0] = 0;
            buffer[1] = (float) random.nextDouble();
            return ResetResult.of(buffer);
        }

        @Override
        public StepResult<float[]> step(Integer action) {
            actionSpace().requireContains(action, "action");
            buffer[0] = action;
            buffer[1] = (float) random.nextDouble();
            return new StepResult<>(buffer, 0, false, false, Map.of());
        }

        @Override
        public Space<float[]> observationSpace() {
            return dev.levelgym.envs.spaces.Box.uniform(0, 1, 2);
        }

        @Override
        public Space<Integer> actionSpace() {
            return new Discrete(2);
        }

        @Override
        public Rendering render(RenderMode mode) {
            throw new UnsupportedOperationException();
        }
    }
}
