package dev.levelgym.envs.vector;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.MultiDiscrete;
import dev.levelgym.envs.spaces.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Steps N environment copies one after another on the calling thread, as Gymnasium's {@code SyncVectorEnv}
 * with {@code NEXT_STEP} autoreset (see {@link VectorEnv}).
 *
 * <p>Observations are written as floats: a Box observation as its elements, a Discrete observation as one float
 * holding its value, a MultiDiscrete observation as one float per element. Every copy must report the same
 * spaces, because the batch layout is fixed by the first copy.
 */
public final class SyncVectorEnv implements VectorEnv {

    private final List<Env<Object, Integer>> envs;
    private final Space<?> observationSpace;
    private final Discrete actionSpace;
    private final int observationSize;

    private final float[] observations;
    private final double[] rewards;
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final boolean[] needsReset;
    private final List<Map<String, Object>> infos;
    private boolean started;

    /**
     * Builds {@code numEnvs} copies with {@code factory}, which must return a new environment on every call
     * (copies that share state would not be independent).
     *
     * @throws IllegalArgumentException if the action space is not Discrete, the observation space cannot be
     *     flattened to floats, or the copies disagree on their spaces
     */
    public SyncVectorEnv(int numEnvs, Supplier<? extends Env<?, ?>> factory) {
        if (numEnvs <= 0) {
            throw new IllegalArgumentException("numEnvs must be positive, got " + numEnvs);
        }
        Objects.requireNonNull(factory, "factory");
        List<Env<Object, Integer>> built = new ArrayList<>(numEnvs);
        try {
            for (int i = 0; i < numEnvs; i++) {
                Env<?, ?> env = Objects.requireNonNull(factory.get(), "factory returned null for copy " + i);
                for (Env<Object, Integer> earlier : built) {
                    if (earlier == env) {
                        throw new IllegalArgumentException("factory returned the same env instance twice (copy "
                                + i + "); each copy needs its own env");
                    }
                }
                built.add(asDiscreteActionEnv(env, i));
            }
            observationSpace = built.get(0).observationSpace();
            observationSize = flatSize(observationSpace);
            actionSpace = (Discrete) built.get(0).actionSpace();
            for (int i = 1; i < numEnvs; i++) {
                Env<Object, Integer> env = built.get(i);
                if (!observationSpace.equals(env.observationSpace()) || !actionSpace.equals(env.actionSpace())) {
                    throw new IllegalArgumentException("copy " + i + " has spaces " + env.observationSpace() + " / "
                            + env.actionSpace() + " but copy 0 has " + observationSpace + " / " + actionSpace);
                }
            }
        } catch (RuntimeException e) {
            built.forEach(Env::close);
            throw e;
        }
        envs = List.copyOf(built);
        observations = new float[numEnvs * observationSize];
        rewards = new double[numEnvs];
        terminated = new boolean[numEnvs];
        truncated = new boolean[numEnvs];
        needsReset = new boolean[numEnvs];
        infos = new ArrayList<>(java.util.Collections.nCopies(numEnvs, Map.of()));
    }

    /**
     * A vector env over the given envs (at least one, each a distinct instance): e.g. one env a caller already
     * built, to run code written for N copies on it. Closing the vector env closes them.
     */
    public static SyncVectorEnv over(List<? extends Env<?, ?>> envs) {
        java.util.Iterator<? extends Env<?, ?>> next = List.copyOf(envs).iterator();
        return new SyncVectorEnv(envs.size(), next::next);
    }

    /** {@code numEnvs} copies made by {@code spec.make(options)}, so each carries the spec's wrappers. */
    public static SyncVectorEnv of(EnvSpec<?, ?> spec, int numEnvs, Map<String, ?> options) {
        return new SyncVectorEnv(numEnvs, () -> spec.make(options));
    }

    public static SyncVectorEnv of(EnvSpec<?, ?> spec, int numEnvs) {
        return of(spec, numEnvs, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Env<Object, Integer> asDiscreteActionEnv(Env<?, ?> env, int index) {
        Space<?> space = env.actionSpace();
        if (!(space instanceof Discrete)) {
            throw new IllegalArgumentException("SyncVectorEnv needs a Discrete action space, but copy " + index
                    + " (" + env + ") has " + space);
        }
        // Safe: a Discrete space is a Space<Integer>, so the env's action type is Integer.
        return (Env<Object, Integer>) env;
    }

    private static int flatSize(Space<?> space) {
        if (space instanceof Box box) {
            return box.size();
        }
        if (space instanceof Discrete) {
            return 1;
        }
        if (space instanceof MultiDiscrete multi) {
            return multi.nvec().length;
        }
        throw new IllegalArgumentException("SyncVectorEnv cannot flatten observation space " + space);
    }

    /**
     * Copy {@code i} itself, for code that must drive one env directly (a bridge to a library with a loop of its
     * own); stepping it bypasses this vector env's bookkeeping.
     */
    public Env<?, ?> copy(int i) {
        return envs.get(Objects.checkIndex(i, envs.size()));
    }

    @Override
    public int numEnvs() {
        return envs.size();
    }

    @Override
    public int observationSize() {
        return observationSize;
    }

    @Override
    public Space<?> singleObservationSpace() {
        return observationSpace;
    }

    @Override
    public Discrete singleActionSpace() {
        return actionSpace;
    }

    @Override
    public VectorStep reset(long[] seeds) {
        requireLength(seeds, "seeds");
        for (int i = 0; i < envs.size(); i++) {
            recordReset(i, envs.get(i).reset(requireSeed(seeds[i], i)));
        }
        started = true;
        return result();
    }

    /** Resets every copy without seeding, each continuing its own generator. */
    public VectorStep reset() {
        for (int i = 0; i < envs.size(); i++) {
            recordReset(i, envs.get(i).reset());
        }
        started = true;
        return result();
    }

    @Override
    public VectorStep step(int[] actions, long[] resetSeeds) {
        if (!started) {
            throw new IllegalStateException("step() called before reset(): call reset(seed) first");
        }
        requireLength(actions, "actions");
        if (resetSeeds != null) {
            requireLength(resetSeeds, "resetSeeds");
        }
        // Validate all before stepping any, so a bad batch leaves every copy where it was.
        for (int i = 0; i < actions.length; i++) {
            if (!needsReset[i] && !actionSpace.contains(actions[i])) {
                throw new IllegalArgumentException("action at index " + i + " is " + actions[i] + ", not in "
                        + actionSpace);
            }
            if (needsReset[i] && resetSeeds != null) {
                requireSeed(resetSeeds[i], i);
            }
        }
        for (int i = 0; i < envs.size(); i++) {
            Env<Object, Integer> env = envs.get(i);
            if (needsReset[i]) {
                recordReset(i, resetSeeds == null ? env.reset() : env.reset(resetSeeds[i]));
                continue;
            }
            record(i, env.step(actions[i]));
        }
        return result();
    }

    @Override
    public boolean autoresets(int i) {
        return needsReset[Objects.checkIndex(i, envs.size())];
    }

    @Override
    public VectorStep restore(int i, long seed, int[] actions, int length) {
        Objects.checkIndex(i, envs.size());
        Env<Object, Integer> env = envs.get(i);
        recordReset(i, env.reset(requireSeed(seed, i)));
        for (int k = 0; k < length; k++) {
            if (needsReset[i]) {
                throw new IllegalArgumentException("copy " + i + ": the episode of seed " + seed + " ended after "
                        + k + " of " + length + " recorded actions; the env is not the one they were recorded on");
            }
            record(i, env.step(actions[k]));
        }
        started = true;
        return result();
    }

    private void record(int i, StepResult<Object> result) {
        writeObservation(i, result.observation());
        rewards[i] = result.reward();
        terminated[i] = result.terminated();
        truncated[i] = result.truncated();
        needsReset[i] = result.done();
        infos.set(i, result.info());
    }

    private void requireLength(Object array, String name) {
        int length = java.lang.reflect.Array.getLength(Objects.requireNonNull(array, name));
        if (length != envs.size()) {
            throw new IllegalArgumentException("expected " + envs.size() + " " + name + ", got " + length);
        }
    }

    private static long requireSeed(long seed, int i) {
        if (seed < 0) {
            throw new IllegalArgumentException("seed of copy " + i + " must be non-negative, got " + seed);
        }
        return seed;
    }

    private void recordReset(int i, ResetResult<Object> result) {
        writeObservation(i, result.observation());
        rewards[i] = 0;
        terminated[i] = false;
        truncated[i] = false;
        needsReset[i] = false;
        infos.set(i, result.info());
    }

    private void writeObservation(int i, Object observation) {
        int offset = i * observationSize;
        if (observation instanceof float[] values && values.length == observationSize) {
            System.arraycopy(values, 0, observations, offset, observationSize);
        } else if (observation instanceof Integer value && observationSize == 1) {
            observations[offset] = value;
        } else if (observation instanceof int[] values && values.length == observationSize) {
            for (int k = 0; k < observationSize; k++) {
                observations[offset + k] = values[k];
            }
        } else {
            throw new IllegalStateException("copy " + i + " returned observation "
                    + (observation instanceof float[] f ? Arrays.toString(f) : String.valueOf(observation))
                    + " that does not fit " + observationSpace);
        }
    }

    private VectorStep result() {
        return new VectorStep(observations, rewards, terminated, truncated);
    }

    @Override
    public Map<String, Object> info(int i) {
        Objects.checkIndex(i, envs.size());
        return infos.get(i);
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Env<Object, Integer> env : envs) {
            try {
                env.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "SyncVectorEnv(" + envs.size() + " x " + envs.get(0) + ")";
    }
}
