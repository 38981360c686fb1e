package dev.levelgym.envs.check;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.MultiDiscrete;
import dev.levelgym.envs.spaces.Space;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks that an environment honours the {@link Env} contract, after Gymnasium's {@code utils/env_checker.py}:
 * spaces present, observations inside the observation space, finite rewards, non-null infos, seeded
 * determinism of the first observation and of whole trajectories (across episode ends), rejection of actions
 * outside the action space, {@code reset()} without a seed, and rendering that either works or says it is
 * unsupported.
 *
 * <p>The check drives the env through several episodes and leaves it in an arbitrary state; reset it before
 * using it again. Every problem is collected rather than thrown at the first one, so a report lists them all.
 */
public final class EnvChecker {

    /** Steps per rollout in the determinism check; enough to cross episode ends of the bundled envs. */
    public static final int DEFAULT_STEPS = 300;

    private final Env<Object, Object> env;
    private final long seed;
    private final int steps;
    private final List<String> failures = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** Kinds of per-step problem already reported, so one bad env gives one line per kind, not hundreds. */
    private final Set<String> reportedKinds = new HashSet<>();
    private Space<Object> observationSpace;
    private Space<Object> actionSpace;

    @SuppressWarnings("unchecked")
    private EnvChecker(Env<?, ?> env, long seed, int steps) {
        // The checker only passes back values drawn from the env's own spaces, so erasing the types is safe.
        this.env = (Env<Object, Object>) Objects.requireNonNull(env, "env");
        if (seed < 0 || seed == Long.MAX_VALUE) {
            throw new IllegalArgumentException("seed must be in [0, Long.MAX_VALUE), got " + seed);
        }
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be positive, got " + steps);
        }
        this.seed = seed;
        this.steps = steps;
    }

    public static EnvCheckReport check(Env<?, ?> env, long seed) {
        return check(env, seed, DEFAULT_STEPS);
    }

    /** Checks {@code env} with rollouts of {@code steps} steps, seeding with {@code seed} (and {@code seed + 1}). */
    public static EnvCheckReport check(Env<?, ?> env, long seed, int steps) {
        return new EnvChecker(env, seed, steps).run();
    }

    /**
     * {@link #check(Env, long)}, throwing if anything failed.
     *
     * @return the report, which may still hold warnings
     * @throws EnvCheckException listing every failure
     */
    public static EnvCheckReport checkOrThrow(Env<?, ?> env, long seed) {
        EnvCheckReport report = check(env, seed);
        if (!report.passed()) {
            throw new EnvCheckException(report);
        }
        return report;
    }

    private EnvCheckReport run() {
        if (checkSpaces()) {
            checkSeededReset();
            checkTrajectoryDeterminism();
            checkInvalidAction();
            checkUnseededReset();
            checkRender();
        }
        return new EnvCheckReport(String.valueOf(env), failures, warnings);
    }

    private boolean checkSpaces() {
        observationSpace = call("observationSpace()", env::observationSpace);
        actionSpace = call("actionSpace()", env::actionSpace);
        return observationSpace != null && actionSpace != null;
    }

    private void checkSeededReset() {
        ResetResult<Object> first = call("reset(" + seed + ")", () -> env.reset(seed));
        if (first == null) {
            return;
        }
        checkObservation("reset(" + seed + ")", first.observation());
        checkInfo("reset(" + seed + ")", first.info());
        Object firstObservation = Transition.copy(first.observation());

        ResetResult<Object> again = call("second reset(" + seed + ")", () -> env.reset(seed));
        if (again != null && !Objects.deepEquals(firstObservation, again.observation())) {
            failures.add("reset(" + seed + ") is not deterministic: two resets with the same seed gave first "
                    + "observations " + Transition.describe(firstObservation) + " and "
                    + Transition.describe(again.observation()));
        }
        ResetResult<Object> other = call("reset(" + (seed + 1) + ")", () -> env.reset(seed + 1));
        if (other != null && Objects.deepEquals(firstObservation, other.observation())) {
            warnings.add("reset(" + seed + ") and reset(" + (seed + 1) + ") gave the same first observation "
                    + Transition.describe(firstObservation) + "; fine for a fixed start state, otherwise check that "
                    + "reset(seed) seeds the generator");
        }
    }

    private void checkTrajectoryDeterminism() {
        List<Object> actions = new ArrayList<>(steps);
        Pcg64 random = Pcg64.seeded(seed);
        for (int i = 0; i < steps; i++) {
            Object action = actionSpace.sample(random);
            if (!actionSpace.contains(action)) {
                failures.add("actionSpace().sample() returned " + Transition.describe(action) + ", not in "
                        + actionSpace);
                return;
            }
            actions.add(action);
        }
        List<Transition> first = rollout(actions, true);
        List<Transition> second = rollout(actions, false);
        if (first == null || second == null) {
            return;
        }
        for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
            if (!first.get(i).sameAs(second.get(i))) {
                Transition t = first.get(i);
                failures.add("not deterministic: the same seed " + seed + " and actions gave different trajectories "
                        + (t.reset() ? "at the reset after step " : "at step ") + t.step() + ": first run "
                        + t + "; second run " + second.get(i));
                return;
            }
        }
        if (first.stream().skip(1).noneMatch(Transition::reset)) {
            warnings.add("no episode ended within " + steps + " random steps, so determinism across episode "
                    + "ends was not checked");
        }
    }

    /**
     * Plays {@code actions} from {@code reset(seed)}, starting a new episode with {@code reset()} whenever one
     * ends. Returns null if the env threw.
     */
    private List<Transition> rollout(List<Object> actions, boolean validate) {
        ResetResult<Object> start = call("reset(" + seed + ")", () -> env.reset(seed));
        if (start == null) {
            return null;
        }
        List<Transition> out = new ArrayList<>();
        out.add(Transition.ofReset(0, start.observation()));
        Object previous = start.observation();
        for (int i = 0; i < actions.size(); i++) {
            Object action = actions.get(i);
            String where = "step " + (i + 1) + " (action " + Transition.describe(action) + ")";
            StepResult<Object> result = call(where, () -> env.step(action));
            if (result == null) {
                return null;
            }
            out.add(Transition.ofStep(i + 1, result.observation(), result.reward(), result.terminated(),
                    result.truncated()));
            if (validate) {
                validateStep(where, result, previous);
            }
            previous = result.observation();
            if (result.done()) {
                ResetResult<Object> reset = call("reset() after the episode ended at step " + (i + 1), env::reset);
                if (reset == null) {
                    return null;
                }
                if (validate) {
                    checkObservation("reset() after step " + (i + 1), reset.observation());
                }
                out.add(Transition.ofReset(i + 1, reset.observation()));
                previous = reset.observation();
            }
        }
        return out;
    }

    private void validateStep(String where, StepResult<Object> result, Object previous) {
        checkObservation(where, result.observation());
        checkInfo(where, result.info());
        if (!Double.isFinite(result.reward()) && reportedKinds.add("reward")) {
            failures.add(where + ": reward " + result.reward() + " is not finite");
        }
        if (result.observation() == previous && previous != null && previous.getClass().isArray()
                && reportedKinds.add("alias")) {
            warnings.add(where + ": returned the same observation array as the previous call; callers that keep "
                    + "observations will see them change");
        }
    }

    private void checkInvalidAction() {
        Optional<Object> invalid = outside(actionSpace);
        if (invalid.isEmpty()) {
            return;
        }
        if (call("reset(" + seed + ") before the invalid-action check", () -> env.reset(seed)) == null) {
            return;
        }
        String what = "step(" + Transition.describe(invalid.get()) + ") with an action outside " + actionSpace;
        try {
            env.step(invalid.get());
            failures.add(what + " was accepted; it must throw IllegalArgumentException");
        } catch (IllegalArgumentException expected) {
            // The contract's answer.
        } catch (RuntimeException e) {
            failures.add(what + " threw " + e + " instead of IllegalArgumentException");
        }
    }

    /** A value of the space's type just outside it, if the type has one. */
    private static Optional<Object> outside(Space<?> space) {
        if (space instanceof Discrete d) {
            // start + n overflows only for absurd spaces; below start is then the outside value.
            return Optional.of(d.start() + d.n() > d.start() ? d.start() + d.n() : d.start() - 1);
        }
        if (space instanceof MultiDiscrete m) {
            int[] value = new int[m.nvec().length];
            value[0] = m.nvec()[0];
            return Optional.of(value);
        }
        if (space instanceof Box b) {
            float[] low = b.low();
            float[] high = b.high();
            float[] value = new float[b.size()];
            for (int i = 0; i < value.length; i++) {
                value[i] = Float.isFinite(low[i]) ? low[i] : Float.isFinite(high[i]) ? high[i] : 0f;
            }
            for (int i = 0; i < value.length; i++) {
                if (Float.isFinite(high[i])) {
                    value[i] = Math.nextUp(high[i]);
                    return Optional.of(value);
                }
                if (Float.isFinite(low[i])) {
                    value[i] = Math.nextDown(low[i]);
                    return Optional.of(value);
                }
            }
            // Unbounded everywhere: NaN is the only member-typed value outside.
            value[0] = Float.NaN;
            return Optional.of(value);
        }
        return Optional.empty();
    }

    private void checkUnseededReset() {
        ResetResult<Object> result = call("reset() without a seed", env::reset);
        if (result != null) {
            checkObservation("reset() without a seed", result.observation());
            checkInfo("reset() without a seed", result.info());
        }
    }

    private void checkRender() {
        if (call("reset(" + seed + ") before rendering", () -> env.reset(seed)) == null) {
            return;
        }
        for (RenderMode mode : RenderMode.values()) {
            try {
                Rendering rendering = env.render(mode);
                boolean rightKind = mode == RenderMode.ANSI ? rendering instanceof Rendering.Text
                        : rendering instanceof Rendering.RgbFrame;
                if (!rightKind) {
                    failures.add("render(" + mode + ") returned " + rendering + ", not a "
                            + (mode == RenderMode.ANSI ? "Text" : "RgbFrame"));
                }
            } catch (UnsupportedOperationException unsupported) {
                // Allowed: the env does not draw in this mode.
            } catch (RuntimeException e) {
                failures.add("render(" + mode + ") threw " + e + "; it must work or throw "
                        + "UnsupportedOperationException");
            }
        }
    }

    private void checkObservation(String where, Object observation) {
        if (!observationSpace.contains(observation) && reportedKinds.add("observation")) {
            failures.add(where + ": observation " + Transition.describe(observation) + " is not in "
                    + observationSpace);
        }
    }

    private void checkInfo(String where, Map<String, Object> info) {
        if (info == null && reportedKinds.add("info")) {
            failures.add(where + ": info is null");
        }
    }

    /** Runs one env call, recording a failure (and returning null) if it throws or returns null. */
    private <T> T call(String what, Supplier<T> action) {
        try {
            T value = action.get();
            if (value == null) {
                failures.add(what + " returned null");
            }
            return value;
        } catch (RuntimeException e) {
            failures.add(what + " threw " + e);
            return null;
        }
    }
}
