package dev.levelgym.agents.bench;

import dev.levelgym.agents.Episode;
import dev.levelgym.agents.bench.RunFiles.EvalPoint;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.registry.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Runs a benchmark grid on a fixed thread pool. Each cell is an independent {@link TrainingRun} in
 * {@code out/runs/<agent>/seed-<k>/} with its own envs and agent, so its results depend only on its agent and
 * seed, not on the thread count or scheduling. Evaluations use separate envs seeded from
 * {@link GreedyEvaluation#DEFAULT_SEED}, never a grid seed. Writes {@code summary.json}, {@code summary.md} and
 * {@code curves.png} (see {@link BenchSummary}).
 *
 * <p>Resumable: the settings go to {@code out/bench.json} first, each cell checkpoints as it trains and, once done,
 * writes its result to {@code cell.json} in its directory. {@link #resume} reads finished cells back, continues
 * the others from their checkpoints (from scratch if they have none yet) and writes the same summary an
 * uninterrupted run would (timings aside).
 */
public final class BenchRunner {

    /** Told about progress from the worker threads; implementations must be thread-safe. */
    public interface Progress {
        Progress NONE = new Progress() { };

        /** {@code steps} more training steps were taken in some cell. */
        default void onSteps(long steps) {
        }

        default void onCellDone(CellResult cell) {
        }
    }

    /** The settings of the benchmark in an output directory. */
    public static final String SETTINGS_FILE = "bench.json";
    /** A finished cell's result, in its run directory. */
    public static final String CELL_FILE = "cell.json";

    private final AgentKinds kinds;
    private final Registry registry;

    public BenchRunner(AgentKinds kinds, Registry registry) {
        this.kinds = kinds;
        this.registry = registry;
    }

    public static Path cellDir(Path out, String agent, long seed) {
        return out.resolve("runs").resolve(agent).resolve("seed-" + seed);
    }

    /**
     * Fails, before anything runs, on an unknown env or agent, bad env options or agent configs, and agents that
     * cannot handle the env.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public void validate(BenchSettings settings) {
        Map<String, String> trainOptions = ProceduralSplit.trainOptions(settings.envId(), settings.envOptions());
        try (Env<?, ?> env = registry.make(settings.envId(), trainOptions)) {
            for (String agent : settings.agents()) {
                kinds.create(agent, settings.envId(), env, settings.agentConfigs().get(agent), 0).close();
            }
        }
    }

    /** Runs every cell into {@code out} (expected empty), writes the summary files, and returns the summary. */
    public BenchSummary run(BenchSettings settings, Path out, Progress progress) {
        validate(settings);
        try {
            Files.createDirectories(out);
            writeAtomically(out.resolve(SETTINGS_FILE), Checkpoints.JSON.writeValueAsString(settings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out + ": " + e.getMessage(), e);
        }
        return execute(settings, out, progress, false);
    }

    /**
     * Continues the benchmark in {@code out}: finished cells are read back, unfinished ones resume from their
     * checkpoints. {@code settings} must be those of the stored benchmark except for threads and checkpoint
     * interval.
     *
     * @throws IllegalArgumentException if {@code out} holds no benchmark or the settings differ, naming the flag
     */
    public BenchSummary resume(BenchSettings settings, Path out, Progress progress) {
        validate(settings);
        requireResumable(settings, out);
        return execute(settings, out, progress, true);
    }

    /**
     * Checks that {@code out} holds a benchmark that {@code settings} can resume.
     *
     * @throws IllegalArgumentException naming the file, or the first flag whose value differs from the stored one
     */
    public static void requireResumable(BenchSettings settings, Path out) {
        String mismatch = settings.resumeMismatch(storedSettings(out));
        if (mismatch != null) {
            throw new IllegalArgumentException("--resume: " + mismatch + " (" + out.resolve(SETTINGS_FILE) + ")");
        }
    }

    /** The settings stored in {@code out}'s bench.json. */
    public static BenchSettings storedSettings(Path out) {
        Path file = out.resolve(SETTINGS_FILE);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("--resume: " + out + " holds no benchmark (no " + SETTINGS_FILE + ")");
        }
        try {
            return Checkpoints.JSON.readValue(file.toFile(), BenchSettings.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--resume: corrupt benchmark file " + file + ": " + firstLine(e), e);
        }
    }

    private BenchSummary execute(BenchSettings settings, Path out, Progress progress, boolean resume) {
        Map<String, String> trainOptions = ProceduralSplit.trainOptions(settings.envId(), settings.envOptions());
        Optional<Map<String, String>> heldOutOptions = ProceduralSplit.heldOutOptions(settings.envId(), trainOptions);
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        List<CellResult> cells = new ArrayList<>();
        // Set by the first cell that fails: the others stop at their next episode, so that no worker is still
        // writing into out when this method throws, and a later --resume finds every cell at a checkpoint.
        AtomicBoolean stopped = new AtomicBoolean();
        RuntimeException failure = null;
        try {
            List<Future<CellResult>> futures = new ArrayList<>();
            for (String agent : settings.agents()) {
                for (long seed = 0; seed < settings.seeds(); seed++) {
                    long cellSeed = seed;
                    futures.add(pool.submit(() -> {
                        if (stopped.get()) {
                            throw new CellStopped();
                        }
                        try {
                            CellResult cell = runCell(settings, trainOptions, heldOutOptions, agent, cellSeed, out,
                                    progress, resume, stopped);
                            progress.onCellDone(cell);
                            return cell;
                        } catch (RuntimeException | Error e) {
                            stopped.set(true);
                            throw e;
                        }
                    }));
                }
            }
            for (Future<CellResult> future : futures) {
                try {
                    cells.add(future.get());
                } catch (ExecutionException e) {
                    if (failure == null && !(e.getCause() instanceof CellStopped)) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        if (failure != null) {
            throw failure;
        }
        BenchSummary summary = BenchSummary.of(settings, trainOptions, heldOutOptions.orElse(null),
                registry.spec(settings.envId()).rewardThreshold(), cells);
        summary.write(out);
        return summary;
    }

    private CellResult runCell(BenchSettings s, Map<String, String> trainOptions,
                               Optional<Map<String, String>> heldOutOptions, String agent, long seed, Path out,
                               Progress progress, boolean resume, AtomicBoolean stopped) {
        Path dir = cellDir(out, agent, seed);
        Path cellFile = dir.resolve(CELL_FILE);
        if (resume && Files.exists(cellFile)) {
            CellResult done = readCell(cellFile, agent, seed);
            progress.onSteps(done.steps());
            return done;
        }
        RunSettings run = new RunSettings(s.envId(), trainOptions, agent, s.agentConfigs().get(agent), s.steps(),
                seed, s.evalEvery(), s.evalEpisodes(), s.checkpointEvery());
        boolean fromCheckpoint = resume && Files.isDirectory(dir.resolve(RunFiles.CHECKPOINT));
        if (resume && !fromCheckpoint) {
            deleteRecursively(dir); // stopped before its first checkpoint: nothing in it is worth keeping
        }
        long[] reported = {0};
        TrainingRun.Listener listener = new TrainingRun.Listener() {
            @Override
            public void onEpisode(Episode episode) {
                if (stopped.get()) {
                    throw new CellStopped();
                }
                progress.onSteps(episode.endStep() - reported[0]);
                reported[0] = episode.endStep();
            }
        };
        TrainingRun training = new TrainingRun(kinds, registry);
        TrainingRun.Outcome outcome = fromCheckpoint ? training.resume(run, dir, Long.MAX_VALUE, listener)
                : training.start(run, dir, Long.MAX_VALUE, listener);
        CellResult cell;
        try {
            progress.onSteps(outcome.steps() - reported[0]);
            cell = result(s, heldOutOptions, agent, seed, outcome);
        } finally {
            outcome.agent().close();
        }
        try {
            writeAtomically(cellFile, Checkpoints.JSON.writeValueAsString(cell));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + cellFile + ": " + e.getMessage(), e);
        }
        return cell;
    }

    /** Thrown in a cell that stops because another one failed. */
    private static final class CellStopped extends RuntimeException {
        CellStopped() {
            super("stopped because another run of the benchmark failed", null, false, false);
        }
    }

    private static CellResult readCell(Path file, String agent, long seed) {
        CellResult cell;
        try {
            cell = Checkpoints.JSON.readValue(file.toFile(), CellResult.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("--resume: corrupt benchmark file " + file + ": " + firstLine(e)
                    + "; delete it to run that cell again", e);
        }
        if (cell == null || !agent.equals(cell.agent()) || cell.seed() != seed || cell.evals() == null
                || cell.evals().isEmpty()) {
            throw new IllegalArgumentException("--resume: corrupt benchmark file " + file + ": not the result of "
                    + agent + " seed " + seed + "; delete it to run that cell again");
        }
        return cell;
    }

    private static String firstLine(Exception e) {
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                : e.getMessage();
        return String.valueOf(message).lines().findFirst().orElse("");
    }

    /** Writes beside {@code file}, then renames: a reader sees the whole file or none. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, text);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }

    private CellResult result(BenchSettings s, Optional<Map<String, String>> heldOutOptions, String agent, long seed,
                              TrainingRun.Outcome outcome) {
        OptionalDouble threshold = registry.spec(s.envId()).rewardThreshold();
        Long stepsToSolve = null;
        Double secondsToSolve = null;
        if (threshold.isPresent()) {
            for (EvalPoint p : outcome.evals()) {
                if (p.result().mean() >= threshold.getAsDouble()) {
                    stepsToSolve = p.globalStep();
                    secondsToSolve = p.trainSeconds();
                    break;
                }
            }
        }
        EvalResult heldOut = heldOutOptions.map(options -> heldOut(outcome, s, options)).orElse(null);
        return new CellResult(agent, seed, outcome.evals(), outcome.steps(), outcome.updates(),
                outcome.trainSeconds(), stepsToSolve, secondsToSolve, heldOut);
    }

    @SuppressWarnings("unchecked")
    private EvalResult heldOut(TrainingRun.Outcome outcome, BenchSettings s, Map<String, String> options) {
        try (Env<Object, Integer> env = (Env<Object, Integer>) registry.make(s.envId(), options)) {
            return GreedyEvaluation.run((dev.levelgym.agents.Agent<Object, Integer>) outcome.agent(), env,
                    s.evalEpisodes(), GreedyEvaluation.DEFAULT_SEED, registry.spec(s.envId()).rewardThreshold());
        }
    }
}
