package dev.levelgym.agents.bench;

import dev.levelgym.agents.Episode;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.bench.RunFiles.EvalPoint;
import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One training run into a directory (see {@link RunFiles}): trains in chunks on {@code numEnvs} env copies,
 * evaluates (greedily, or sampling the policy: the run's {@code evalPolicy}) at step 0, every {@code evalEvery}
 * steps and at the end on separate env copies without the training aids (episode {@code i} seeded
 * {@link Evaluation#DEFAULT_SEED} {@code + i}), checkpoints atomically with the run's record up to that step, and
 * appends every finished training episode to episodes.csv. Evaluation does not touch the training stream, so where the evaluations and
 * checkpoints fall does not change the training.
 *
 * <p>Resuming loads the checkpoint, restores the run's CSVs to what they were at the checkpoint (see
 * {@link #resume}), and carries on: the files then match an uninterrupted run's, except for wall-clock columns.
 */
public final class TrainingRun {

    /** Told about progress; called on the training thread. */
    public interface Listener {
        Listener NONE = new Listener() { };

        default void onEpisode(Episode episode) {
        }

        default void onEval(EvalPoint point) {
        }

        /** Something the user should know about the run's files, e.g. what a resume had to restart or repair. */
        default void onNote(String message) {
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
        AppendLog episodes;
        try {
            Files.createDirectories(out);
            AtomicFiles.removeLeftovers(out);
            AtomicFiles.writeString(out.resolve(RunFiles.RUN_JSON), Checkpoints.JSON.writeValueAsString(settings));
            AtomicFiles.writeString(out.resolve(RunFiles.EVAL_CSV), RunFiles.EVAL_HEADER + "\n");
            episodes = AppendLog.create(out.resolve(RunFiles.EPISODES_CSV), RunFiles.EPISODES_HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        TrainableAgent<?> agent;
        try (Env<?, ?> env = registry.make(settings.envId(), settings.envOptions())) {
            agent = kinds.create(settings.agent(), settings.envId(), env, settings.agentConfig(), settings.seed());
        } catch (RuntimeException e) {
            closeQuietly(episodes);
            throw e;
        }
        return executeOrClose(settings, out, agent, episodes, new ArrayList<>(), 0, 0, stopAfter, listener);
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
     * Continues the run in {@code out} from its checkpoint, so that it ends with the files an uninterrupted run
     * writes (wall-clock columns aside), whenever it was stopped or killed. {@code settings} must describe the same
     * run (see {@link RunSettings#resumeMismatch}); its evaluation and checkpoint intervals may differ.
     *
     * <p>What a kill can leave is repaired first: a checkpoint left renamed aside by a save is put back, and
     * temporary files are removed. eval.csv is restored from the checkpoint's copy (so a missing, cut or damaged
     * one loses nothing); episodes.csv is checked against the length and SHA-256 the checkpoint recorded and cut
     * there. A run killed before it wrote anything, or before its first checkpoint, starts from step 0.
     *
     * @throws CheckpointException naming the file if the checkpoint is corrupt, or of another agent kind or env
     *                             than the run's
     * @throws UserInputException  naming episodes.csv if the episodes the checkpoint covers were changed
     */
    public Outcome resume(RunSettings settings, Path out, long stopAfter, Listener listener) {
        try {
            if (!Files.exists(out.resolve(RunFiles.RUN_JSON)) && AtomicFiles.isEmpty(out)) {
                return start(settings, out, stopAfter, listener);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + out + ": " + e.getMessage(), e);
        }
        RunSettings stored = storedSettings(out);
        String mismatch = settings.resumeMismatch(stored);
        if (mismatch != null) {
            throw new UserInputException("--resume: " + mismatch);
        }
        Path checkpoint = out.resolve(RunFiles.CHECKPOINT);
        if (!Checkpoints.recover(checkpoint)) {
            listener.onNote(out + " has no checkpoint yet (the run stopped before its first); starting it from "
                    + "step 0");
            return start(settings, out, stopAfter, listener);
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
        AppendLog episodes = null;
        List<EvalPoint> evals;
        double wallOffset;
        double trainOffset;
        try {
            AtomicFiles.removeLeftovers(out);
            long steps = agent.steps();
            Path episodesCsv = out.resolve(RunFiles.EPISODES_CSV);
            Path evalCsv = out.resolve(RunFiles.EVAL_CSV);
            Path progressFile = checkpoint.resolve(RunFiles.CHECKPOINT_PROGRESS);
            if (Files.exists(progressFile)) {
                Path copy = checkpoint.resolve(RunFiles.CHECKPOINT_EVALS);
                String evalText = Files.readString(copy, StandardCharsets.UTF_8);
                evals = RunFiles.parseEvals(copy, evalText.lines().toList());
                AtomicFiles.writeString(evalCsv, evalText);
                RunFiles.Progress progress = Checkpoints.readJson(progressFile, RunFiles.Progress.class);
                if (Files.exists(episodesCsv)) {
                    episodes = AppendLog.resume(episodesCsv, progress.episodesCsv(), "the training episodes before "
                            + "step " + steps + " cannot be restored. Move it aside to continue the run with an "
                            + RunFiles.EPISODES_CSV + " that starts at step " + steps);
                } else {
                    listener.onNote(episodesCsv + " is missing: the training episodes before step " + steps
                            + " are lost; the new one records those from step " + steps + " on");
                    episodes = AppendLog.create(episodesCsv, RunFiles.EPISODES_HEADER);
                }
            } else {
                // A checkpoint of an earlier levelgym: no copy of eval.csv, no record of episodes.csv.
                if (!Files.exists(evalCsv) && steps > 0) {
                    listener.onNote(evalCsv + " is missing, and this checkpoint (written by an earlier levelgym) "
                            + "keeps no copy: the evaluations before step " + steps + " are lost");
                }
                RunFiles.truncateAfter(episodesCsv, RunFiles.EPISODES_HEADER, 6, 2, steps);
                RunFiles.truncateAfter(evalCsv, RunFiles.EVAL_HEADER, 6, 0, steps);
                evals = RunFiles.readEvals(evalCsv);
                episodes = AppendLog.openAtEnd(episodesCsv);
            }
            wallOffset = lastWallSeconds(episodesCsv);
            trainOffset = evals.isEmpty() ? 0 : evals.get(evals.size() - 1).trainSeconds();
            if (!evals.isEmpty()) {
                wallOffset = Math.max(wallOffset, evals.get(evals.size() - 1).wallSeconds());
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(episodes);
            agent.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot resume the run in " + out + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
        return executeOrClose(settings, out, agent, episodes, new ArrayList<>(evals), wallOffset, trainOffset,
                stopAfter, listener);
    }

    /** The wall-clock column of episodes.csv's last row, 0 if it has none. */
    private static double lastWallSeconds(Path episodesCsv) throws IOException {
        List<String> lines = Files.readAllLines(episodesCsv, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 1; i--) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length == 6) {
                try {
                    return Double.parseDouble(f[5]);
                } catch (NumberFormatException e) {
                    throw new UserInputException(episodesCsv + ":" + (i + 1) + ": damaged row '" + lines.get(i)
                            + "'");
                }
            }
        }
        return 0;
    }

    private static void closeQuietly(AppendLog log) {
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                // the failure being reported is the one that matters
            }
        }
    }

    /** {@link #execute}, freeing the agent's native memory if the run fails (on success the caller owns it). */
    private Outcome executeOrClose(RunSettings s, Path out, TrainableAgent<?> agent, AppendLog episodes,
                                   List<EvalPoint> evals, double wallOffset, double trainOffset, long stopAfter,
                                   Listener listener) {
        try {
            return execute(s, out, agent, episodes, evals, wallOffset, trainOffset, stopAfter, listener);
        } catch (RuntimeException | Error e) {
            agent.close();
            throw e;
        }
    }

    /**
     * Trains on {@code s.numEnvs()} copies of the env and evaluates by {@code s.evalPolicy()} (greedy or sampled)
     * on as many copies of the env as the game is defined ({@link EnvSpec#evaluationOptions}: without reward shaping
     * and other training aids).
     * Closes {@code episodes}.
     */
    private Outcome execute(RunSettings s, Path out, TrainableAgent<?> agent, AppendLog episodes,
                            List<EvalPoint> evals, double wallOffset, double trainOffset, long stopAfter,
                            Listener listener) {
        EnvSpec<?, ?> spec = registry.spec(s.envId());
        OptionalDouble threshold = spec.rewardThreshold();
        long start = System.nanoTime();
        double trainSeconds = trainOffset;
        long total = s.steps();
        long stop = Math.min(total, stopAfter);
        Path evalFile = out.resolve(RunFiles.EVAL_CSV);
        try (AppendLog episodesCsv = episodes;
             VectorEnv env = SyncVectorEnv.of(spec, s.numEnvs(), s.envOptions());
             VectorEnv evalEnv = SyncVectorEnv.of(spec, s.numEnvs(), spec.evaluationOptions(s.envOptions()));
             AppendLog evalCsv = AppendLog.openAtEnd(evalFile)) {
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
                    evalCsv.append(RunFiles.evalRow(point));
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
                    // The run's record as of this step goes into the checkpoint with the agent, all or nothing.
                    RunFiles.Progress progress = new RunFiles.Progress(episodesCsv.mark());
                    byte[] evalCopy = RunFiles.evalText(evals).getBytes(StandardCharsets.UTF_8);
                    agent.save(out.resolve(RunFiles.CHECKPOINT), dir -> {
                        Checkpoints.writeFile(dir.resolve(RunFiles.CHECKPOINT_EVALS), o -> o.write(evalCopy));
                        Checkpoints.writeJson(dir.resolve(RunFiles.CHECKPOINT_PROGRESS), progress);
                    });
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
                        episodesCsv.append(RunFiles.episodeRow(s.seed(), episode.index(), episode.endStep(),
                                episode.totalReturn(), episode.length(), wall));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e.getMessage(), e);
                    }
                    listener.onEpisode(episode);
                });
                trainSeconds += (System.nanoTime() - chunkStart) / 1e9;
                step = agent.steps();
                episodesCsv.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
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
