package dev.levelgym.agents;

import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import dev.levelgym.envs.vector.VectorEnv.VectorStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training loop every {@link Learner} runs on, written once (CleanRL's loop, for any learner): N env copies
 * stepped in lockstep on a {@link VectorEnv} with Gymnasium's next-step autoreset; per vector step one batched
 * {@link Learner#actBatch}, the env step, {@link Learner#observe} of the N transitions and {@link Learner#update}.
 * Steps are env steps: a copy that autoresets on a vector step takes no step.
 *
 * <p><b>Determinism.</b> The loop draws every episode's reset seed from its own generator (PCG64, seeded by the
 * run's seed on a stream apart from the learner's), in copy order as episodes end, and resets each copy with the
 * seed drawn for it; the learner draws its exploration from generators of its own. So a run is a function of its
 * seed, the number of copies and the env.
 *
 * <p><b>Resume.</b> The loop records, per copy, the episode in progress: its seed and the actions taken so far
 * (and, for an episode that just ended and awaits its autoreset, the seed drawn for the next). Saved with the
 * learner's checkpoint ({@value #FILE}), it rebuilds the env copies on resume by resetting each with its seed and
 * replaying its actions ({@link VectorEnv#restore}), so training on from a checkpoint continues the same run: bit
 * for bit, where the learner saves all of its own state too. The loop also restores a vector env it was not last
 * run on, e.g. a new one for a later chunk.
 */
public final class TrainingLoop {

    /** The loop's file in a checkpoint directory. */
    public static final String FILE = "training-loop.json";
    /** Mixed into the run's seed for the episode-seed generator, so it never shares a stream with a learner's. */
    private static final long EPISODE_SEED_STREAM = 0x2545F4914F6CDD1DL;

    private Long seed;
    private long totalSteps;
    private long steps;
    private long episodes;
    private int numEnvs;
    private Pcg64 episodeSeeds;
    private Slot[] slots;
    /** False for a checkpoint written before the loop existed: it acts, but cannot continue its run. */
    private boolean resumable = true;

    /** The vector env the slots describe, or null when the copies must be rebuilt (not saved). */
    private VectorEnv attached;
    /** The env a single-env call last wrapped, and its wrapper, so chunks of one run reuse the copy. */
    private Env<?, ?> wrappedEnv;
    private VectorEnv wrapper;
    private Transitions transitions;
    private long[] resetSeeds;

    /** A loop before its first run. */
    public TrainingLoop() {
    }

    /** Env steps taken, over the run. */
    public long steps() {
        return steps;
    }

    /** Episodes finished, over the run. */
    public long episodes() {
        return episodes;
    }

    /** The run's total steps as last passed to {@link #run} (schedules span them); 0 before. */
    public long totalSteps() {
        return totalSteps;
    }

    /** Env copies the run trains on; 0 before the first run. */
    public int numEnvs() {
        return numEnvs;
    }

    /** The run's seed, or null before the first run. */
    public Long seed() {
        return seed;
    }

    /** {@link #run(Learner, VectorEnv, long, long, long, EpisodeListener)} on one env. */
    public TrainingResult run(Learner<?> learner, Env<?, Integer> env, long totalSteps, long seed, long stopAt,
                              EpisodeListener listener) {
        if (wrappedEnv != env) {
            // Not closed: closing the wrapper would close the caller's env.
            wrapper = SyncVectorEnv.over(List.of(env));
            wrappedEnv = env;
        }
        return run(learner, wrapper, totalSteps, seed, stopAt, listener);
    }

    /**
     * Trains {@code learner} on {@code env} until the step counter reaches {@code stopAt} (at most
     * {@code totalSteps}) and the learner is at a boundary ({@link Learner#atBoundary}).
     *
     * @param env  the run's copies: the same number of copies of the same env on every call
     * @param seed seeds the run on the first call; later calls must pass the same seed
     */
    public TrainingResult run(Learner<?> learner, VectorEnv env, long totalSteps, long seed, long stopAt,
                              EpisodeListener listener) {
        TrainingArguments.requireRun(totalSteps, stopAt, seed);
        if (!resumable) {
            throw new CheckpointException("this checkpoint was written by an earlier levelgym, before the training "
                    + "loop saved its state: it can act and be evaluated, but not continue training; start a new run");
        }
        if (this.seed == null) {
            learner.beginRun(env, seed);
            start(env, seed);
        } else {
            TrainingArguments.requireSameSeed(this.seed, seed);
            if (env.numEnvs() != numEnvs) {
                throw new UserInputException("this run trains on " + numEnvs + " env copies; resuming it on "
                        + env.numEnvs() + " would not continue it (use --num-envs " + numEnvs + ")");
            }
            learner.requireSpaces(env);
            if (env != attached) {
                restore(env);
            }
        }
        this.totalSteps = totalSteps;
        long limit = Math.min(stopAt, totalSteps);
        long episodesBefore = episodes;
        double returns = 0.0;
        List<Integer> ended = new ArrayList<>();
        Transitions t = transitions;
        while (steps < limit || !learner.atBoundary()) {
            learner.actBatch(t.observations, true, t.actions);
            for (int i = 0; i < numEnvs; i++) {
                t.valid[i] = !slots[i].ended;
                resetSeeds[i] = slots[i].ended ? slots[i].nextSeed : 0L;
            }
            VectorStep step = env.step(t.actions, resetSeeds);
            t.nextObservations = step.observations();
            t.rewards = step.rewards();
            t.terminated = step.terminated();
            t.truncated = step.truncated();
            ended.clear();
            for (int i = 0; i < numEnvs; i++) {
                Slot slot = slots[i];
                if (!t.valid[i]) {
                    slots[i] = new Slot(slot.nextSeed);
                    continue;
                }
                slot.record(t.actions[i], t.rewards[i]);
                steps++;
                if (t.terminated[i] || t.truncated[i]) {
                    slot.ended = true;
                    slot.terminated = t.terminated[i];
                    slot.nextSeed = nextEpisodeSeed();
                    ended.add(i);
                }
            }
            learner.observe(t);
            learner.update();
            for (int i : ended) {
                Slot slot = slots[i];
                returns += slot.totalReturn;
                listener.onEpisode(new Episode(episodes++, steps, slot.totalReturn, slot.length, slot.terminated));
            }
            System.arraycopy(step.observations(), 0, t.observations, 0, t.observations.length);
        }
        long finished = episodes - episodesBefore;
        return new TrainingResult(steps, episodes, finished, finished == 0 ? Double.NaN : returns / finished);
    }

    private long nextEpisodeSeed() {
        return episodeSeeds.nextLong() >>> 1;
    }

    private void start(VectorEnv env, long runSeed) {
        seed = runSeed;
        numEnvs = env.numEnvs();
        episodeSeeds = Pcg64.seeded(runSeed ^ EPISODE_SEED_STREAM);
        slots = new Slot[numEnvs];
        long[] seeds = new long[numEnvs];
        for (int i = 0; i < numEnvs; i++) {
            seeds[i] = nextEpisodeSeed();
            slots[i] = new Slot(seeds[i]);
        }
        allocate(env);
        VectorStep first = env.reset(seeds);
        System.arraycopy(first.observations(), 0, transitions.observations, 0, transitions.observations.length);
        attached = env;
    }

    private void restore(VectorEnv env) {
        allocate(env);
        VectorStep batch = null;
        for (int i = 0; i < numEnvs; i++) {
            Slot slot = slots[i];
            try {
                batch = env.restore(i, slot.seed, slot.actions, slot.length);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("cannot resume: " + e.getMessage(), e);
            }
            if (env.autoresets(i) != slot.ended) {
                throw new UserInputException("cannot resume: copy " + i + "'s episode (seed " + slot.seed + ", "
                        + slot.length + " actions) " + (slot.ended ? "did not end" : "ended") + " on replay, as it "
                        + (slot.ended ? "had" : "had not") + "; the env is not the one the run trained on");
            }
        }
        System.arraycopy(batch.observations(), 0, transitions.observations, 0, transitions.observations.length);
        attached = env;
    }

    private void allocate(VectorEnv env) {
        if (transitions == null || transitions.observationSize() != env.observationSize()) {
            transitions = new Transitions(numEnvs, env.observationSize());
            resetSeeds = new long[numEnvs];
        }
    }

    /** Writes the loop's state into a checkpoint directory being written. */
    public void write(Path dir) throws IOException {
        List<SavedSlot> saved = new ArrayList<>();
        if (slots != null) {
            for (Slot s : slots) {
                saved.add(new SavedSlot(s.seed, Arrays.copyOf(s.actions, s.length), s.totalReturn, s.ended,
                        s.terminated, s.nextSeed));
            }
        }
        Checkpoints.writeJson(dir.resolve(FILE), new State(seed, totalSteps, steps, episodes, numEnvs,
                episodeSeeds == null ? null : episodeSeeds.state(), saved));
    }

    /**
     * The loop saved in the checkpoint at {@code dir}. A checkpoint of an earlier levelgym has no loop file: its
     * loop carries the manifest's counts and refuses to continue training.
     *
     * @throws CheckpointException naming the file if it is corrupt
     */
    public static TrainingLoop read(Path dir, long manifestSteps, long manifestEpisodes) {
        Path file = dir.resolve(FILE);
        TrainingLoop loop = new TrainingLoop();
        if (!Files.exists(file)) {
            loop.steps = manifestSteps;
            loop.episodes = manifestEpisodes;
            loop.resumable = manifestSteps == 0;
            return loop;
        }
        State state = Checkpoints.readJson(file, State.class);
        try {
            if (state.steps() != manifestSteps || state.episodes() != manifestEpisodes) {
                throw new IllegalArgumentException("counts " + state.steps() + " steps, " + state.episodes()
                        + " episodes differ from the manifest's " + manifestSteps + ", " + manifestEpisodes);
            }
            loop.seed = state.seed();
            loop.totalSteps = state.totalSteps();
            loop.steps = state.steps();
            loop.episodes = state.episodes();
            if (state.seed() != null) {
                loop.numEnvs = state.numEnvs();
                if (state.slots().size() != loop.numEnvs || loop.numEnvs < 1) {
                    throw new IllegalArgumentException(state.slots().size() + " episode records for "
                            + state.numEnvs() + " env copies");
                }
                loop.episodeSeeds = Pcg64.restore(state.rng());
                loop.slots = new Slot[loop.numEnvs];
                for (int i = 0; i < loop.numEnvs; i++) {
                    SavedSlot s = state.slots().get(i);
                    Slot slot = new Slot(s.seed());
                    for (int a : s.actions()) {
                        slot.record(a, 0.0);
                    }
                    slot.totalReturn = s.totalReturn();
                    slot.ended = s.ended();
                    slot.terminated = s.terminated();
                    slot.nextSeed = s.nextSeed();
                    loop.slots[i] = slot;
                }
            }
            return loop;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CheckpointException("corrupt checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    /** One env copy's episode in progress. */
    private static final class Slot {
        final long seed;
        int[] actions = new int[16];
        int length;
        double totalReturn;
        /** The episode ended on the last step; the copy autoresets with {@link #nextSeed} on the next. */
        boolean ended;
        boolean terminated;
        long nextSeed;

        Slot(long seed) {
            this.seed = seed;
        }

        void record(int action, double reward) {
            if (length == actions.length) {
                actions = Arrays.copyOf(actions, length * 2);
            }
            actions[length++] = action;
            totalReturn += reward;
        }
    }

    private record SavedSlot(long seed, int[] actions, double totalReturn, boolean ended, boolean terminated,
                             long nextSeed) {
    }

    /** {@value #FILE}. */
    private record State(Long seed, long totalSteps, long steps, long episodes, int numEnvs, long[] rng,
                         List<SavedSlot> slots) {
    }
}
