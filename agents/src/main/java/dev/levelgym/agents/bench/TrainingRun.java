package dev.levelgym.agents.bench;

import dev.levelgym.agents.Episode;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.bench.RunFiles.EvalPoint;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One training run into a directory (see {@link RunFiles}): trains in chunks on {@code numEnvs} env copies,
 * evaluates greedily at step 0, every {@code evalEvery} steps and at the end on separate env copies without the
 * training aids (episode {@code i} seeded
 * {@link Evaluation#DEFAULT_SEED} {@code + i}), checkpoints atomically, and appends every finished training
 * episode to episodes.csv. Evaluation does not touch the training stream, so where the evaluations and
 * checkpoints fall does not change the training.
 *
 * <p>Resuming loads the checkpoint, drops the CSV rows written after it, and carries on: the files then match an
 * uninterrupted run's, except for wall-clock columns.
 */
public final class TrainingRun {

    /** Told about progress; called on the training thread. */
    public interface Listener {
        Listener NONE = new Listener() { };

        default void onEpisode(Episode episode) {
        }

        default void onEval(EvalPoint point) {
        }
    }

    /**
     * What a run did.
     *
     * @param evals        every evaluation of the run so far, including those before a resume
     * @param trainSeconds wall seconds spent inside the agent's training calls (not evaluating or saving)
     * @param finished     true if the agent reached the run's steps, false if stopped early
     */
    public record Outcome(TrainableAgent<?> agent, List<EvalPoint> evals, long steps, long updates,
                          double trainSeconds, boolean finished) {
    }

    private final AgentKinds kinds;
    private final Registry registry;

    public TrainingRun(AgentKinds kinds, Registry registry) {
        this.kinds = kinds;
        this.registry = registry;
    }

    /** Starts a new run in {@code out} (created if needed), stopping at {@code stopAfter} steps at the latest. */
    public Outcome start(RunSettings settings, Path out, long stopAfter, Listener listener) {
        try {
            Files.createDirectories(out);
            Checkpoints.JSON.writeValue(out.resolve(RunFiles.RUN_JSON).toFile(), settings);
            Files.writeString(out.resolve(RunFiles.EPISODES_CSV), RunFiles.EPISODES_HEADER + "\n");
            Files.writeString(out.resolve(RunFiles.EVAL_CSV), RunFiles.EVAL_HEADER + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out + ": " + e.getMessage(), e);
        }
        TrainableAgent<?> agent;
        try (Env<?, ?> env = registry.make(settings.envId(), settings.envOptions())) {
            agent = kinds.create(settings.agent(), settings.envId(), env, settings.agentConfig(), settings.seed());
        }
        return executeOrClose(settings, out, agent, new ArrayList<>(), 0, 0, stopAfter, listener);
    }

    /** The settings stored in {@code out}'s run.json. */
    public static RunSettings storedSettings(Path out) {
        Path file = out.resolve(RunFiles.RUN_JSON);
        if (!Files.exists(file)) {
            throw new UserInputException("--resume: " + out + " holds no run (no " + RunFiles.RUN_JSON + ")");
        }
        return Checkpoints.readJson(file, RunSettings.class);
    }

    /**
     * Continues the run in {@code out} from its checkpoint. {@code settings} must describe the same run (see
     * {@link RunSettings#resumeMismatch}); its evaluation and checkpoint intervals may differ.
     *
     * @throws CheckpointException naming the file if the checkpoint is corrupt, or of another agent kind or env
     *                             than the run's
     */
    public Outcome resume(RunSettings settings, Path out, long stopAfter, Listener listener) {
        RunSettings stored = storedSettings(out);
        String mismatch = settings.resumeMismatch(stored);
        if (mismatch != null) {
            throw new UserInputException("--resume: " + mismatch);
        }
        Path checkpoint = out.resolve(RunFiles.CHECKPOINT);
        if (!Files.isDirectory(checkpoint)) {
            throw new UserInputException("--resume: " + out + " has no checkpoint yet; start it again with --force");
        }
        Path manifest = checkpoint.resolve(Checkpoints.MANIFEST);
        String checkpointKind = AgentKinds.manifestKind(checkpoint);
        if (!checkpointKind.equals(settings.agent())) {
            throw new CheckpointException(manifest + ": a '" + checkpointKind + "' checkpoint, but the run's agent is "
                    + settings.agent());
        }
        String checkpointEnv = AgentKinds.manifestEnvId(checkpoint);
        if (!checkpointEnv.equals(settings.envId())) {
            throw new CheckpointException(manifest + ": a checkpoint trained on " + checkpointEnv
                    + ", but the run's env is " + settings.envId());
        }
        TrainableAgent<?> agent;
        try (Env<?, ?> env = registry.make(settings.envId(), settings.envOptions())) {
            agent = kinds.load(checkpoint, env);
        }
        long steps = agent.steps();
        try {
            RunFiles.truncateAfter(out.resolve(RunFiles.EPISODES_CSV), RunFiles.EPISODES_HEADER, 2, steps);
            RunFiles.truncateAfter(out.resolve(RunFiles.EVAL_CSV), RunFiles.EVAL_HEADER, 0, steps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the CSVs in " + out + ": " + e.getMessage(), e);
        }
        List<EvalPoint> evals = new ArrayList<>(RunFiles.readEvals(out.resolve(RunFiles.EVAL_CSV)));
        List<String[]> episodes = RunFiles.rows(out.resolve(RunFiles.EPISODES_CSV));
        double wallOffset = episodes.isEmpty() ? 0 : Double.parseDouble(episodes.get(episodes.size() - 1)[5]);
        double trainOffset = evals.isEmpty() ? 0 : evals.get(evals.size() - 1).trainSeconds();
        if (!evals.isEmpty()) {
            wallOffset = Math.max(wallOffset, evals.get(evals.size() - 1).wallSeconds());
        }
        return executeOrClose(settings, out, agent, evals, wallOffset, trainOffset, stopAfter, listener);
    }

    /** {@link #execute}, freeing the agent's native memory if the run fails (on success the caller owns it). */
    private Outcome executeOrClose(RunSettings s, Path out, TrainableAgent<?> agent, List<EvalPoint> evals,
                                   double wallOffset, double trainOffset, long stopAfter, Listener listener) {
        try {
            return execute(s, out, agent, evals, wallOffset, trainOffset, stopAfter, listener);
        } catch (RuntimeException | Error e) {
            agent.close();
            throw e;
        }
    }

    /**
     * Trains on {@code s.numEnvs()} copies of the env and evaluates greedily on as many copies of the env as the
     * game is defined ({@link EnvSpec#evaluationOptions}: without reward shaping and other training aids).
     */
    private Outcome execute(RunSettings s, Path out, TrainableAgent<?> agent, List<EvalPoint> evals,
                            double wallOffset, double trainOffset, long stopAfter, Listener listener) {
        EnvSpec<?, ?> spec = registry.spec(s.envId());
        OptionalDouble threshold = spec.rewardThreshold();
        long start = System.nanoTime();
        double trainSeconds = trainOffset;
        long total = s.steps();
        long stop = Math.min(total, stopAfter);
        try (VectorEnv env = SyncVectorEnv.of(spec, s.numEnvs(), s.envOptions());
             VectorEnv evalEnv = SyncVectorEnv.of(spec, s.numEnvs(), spec.evaluationOptions(s.envOptions()));
             BufferedWriter episodesCsv = Files.newBufferedWriter(out.resolve(RunFiles.EPISODES_CSV),
                     StandardOpenOption.APPEND);
             BufferedWriter evalCsv = Files.newBufferedWriter(out.resolve(RunFiles.EVAL_CSV),
                     StandardOpenOption.APPEND)) {
            long lastEval = evals.isEmpty() ? -1 : evals.get(evals.size() - 1).globalStep();
            long step = agent.steps();
            long lastSaved = step;
            while (true) {
                long nextEval = nextEvalPoint(lastEval, s.evalEvery(), total);
                // A vector step adds up to N steps (and PPO finishes its rollout), so a chunk may end past its mark.
                if (nextEval >= 0 && step >= nextEval) {
                    double wall = wallOffset + (System.nanoTime() - start) / 1e9;
                    EvalResult result = Evaluation.run(agent, evalEnv, s.evalPolicy(), s.evalEpisodes(),
                            Evaluation.DEFAULT_SEED, threshold);
                    EvalPoint point = new EvalPoint(step, result, wall, trainSeconds);
                    evals.add(point);
                    evalCsv.write(RunFiles.evalRow(point));
                    evalCsv.newLine();
                    evalCsv.flush();
                    listener.onEval(point);
                    lastEval = step;
                    nextEval = nextEvalPoint(lastEval, s.evalEvery(), total);
                }
                boolean done = step >= stop;
                boolean checkpointDue = s.checkpointEvery() > 0
                        && step / s.checkpointEvery() > lastSaved / s.checkpointEvery();
                if (step != lastSaved && (done || checkpointDue)) {
                    episodesCsv.flush();
                    agent.save(out.resolve(RunFiles.CHECKPOINT));
                    lastSaved = step;
                }
                if (done) {
                    break;
                }
                long target = stop;
                if (nextEval > step) {
                    target = Math.min(target, nextEval);
                }
                if (s.checkpointEvery() > 0) {
                    target = Math.min(target, (step / s.checkpointEvery() + 1) * s.checkpointEvery());
                }
                long chunkStart = System.nanoTime();
                agent.train(env, total, s.seed(), target, episode -> {
                    double wall = wallOffset + (System.nanoTime() - start) / 1e9;
                    try {
                        episodesCsv.write(RunFiles.episodeRow(s.seed(), episode.index(), episode.endStep(),
                                episode.totalReturn(), episode.length(), wall));
                        episodesCsv.newLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    listener.onEpisode(episode);
                });
                trainSeconds += (System.nanoTime() - chunkStart) / 1e9;
                step = agent.steps();
                episodesCsv.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out + ": " + e.getMessage(), e);
        }
        return new Outcome(agent, List.copyOf(evals), agent.steps(), agent.updates(), trainSeconds,
                agent.steps() >= total);
    }

    /** The first evaluation step after {@code last} (-1: none yet): 0, every {@code every}, and {@code total}. */
    static long nextEvalPoint(long last, long every, long total) {
        if (last >= total) {
            return -1;
        }
        if (every <= 0) {
            return last < 0 ? 0 : total;
        }
        long next = last < 0 ? 0 : (last / every + 1) * every;
        return Math.min(next, total);
    }
}
