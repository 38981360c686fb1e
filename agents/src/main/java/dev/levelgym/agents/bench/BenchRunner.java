package dev.levelgym.agents.bench;

import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.registry.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a benchmark grid on a fixed thread pool. Each cell is an independent {@link BenchCell} in
 * {@code out/runs/<agent>/seed-<k>/} with its own envs and agent, so its results depend only on its agent and
 * seed, not on the thread count or scheduling. Evaluations use separate envs seeded from
 * {@link Evaluation#DEFAULT_SEED}, never a grid seed. Writes {@code summary.json}, {@code summary.md} and
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

        /** What a resume had to repair or restart in some cell (see {@link TrainingRun.Listener#onNote}). */
        default void onNote(String message) {
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
        if (settings.testLevels() != null) {
            TestLevels.files(settings.envId(), Path.of(settings.testLevels()));
        }
    }

    /** Runs every cell into {@code out} (expected empty), writes the summary files, and returns the summary. */
    public BenchSummary run(BenchSettings settings, Path out, Progress progress) {
        validate(settings);
        try {
            Files.createDirectories(out);
            AtomicFiles.removeLeftovers(out);
            AtomicFiles.writeString(out.resolve(SETTINGS_FILE), Checkpoints.JSON.writeValueAsString(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
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
        if (notStarted(out)) {
            return run(settings, out, progress); // killed before it wrote its settings: nothing to continue
        }
        validate(settings);
        requireResumable(settings, out);
        try {
            AtomicFiles.removeLeftovers(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + out + ": " + e.getMessage(), e);
        }
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
            throw new UserInputException("--resume: " + mismatch + " (" + out.resolve(SETTINGS_FILE) + ")");
        }
    }

    /** True if {@code out} holds no benchmark yet: missing, or empty but for what killed writes left. */
    public static boolean notStarted(Path out) {
        try {
            return !Files.exists(out.resolve(SETTINGS_FILE)) && AtomicFiles.isEmpty(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + out + ": " + e.getMessage(), e);
        }
    }

    /** The settings stored in {@code out}'s bench.json. */
    public static BenchSettings storedSettings(Path out) {
        Path file = out.resolve(SETTINGS_FILE);
        if (!Files.exists(file)) {
            throw new UserInputException("--resume: " + out + " holds no benchmark (no " + SETTINGS_FILE + ")");
        }
        try {
            return Checkpoints.JSON.readValue(file.toFile(), BenchSettings.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException("--resume: corrupt benchmark file " + file + ": " + firstLine(e), e);
        }
    }

    private BenchSummary execute(BenchSettings settings, Path out, Progress progress, boolean resume) {
        Map<String, String> trainOptions = ProceduralSplit.trainOptions(settings.envId(), settings.envOptions());
        Optional<Map<String, String>> heldOutOptions = ProceduralSplit.heldOutOptions(settings.envId(), trainOptions);
        BenchCell cellRunner = new BenchCell(kinds, registry);
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
                            throw new BenchCell.Stopped();
                        }
                        try {
                            CellResult cell = cellRunner.run(settings, agent, cellSeed, cellDir(out, agent, cellSeed),
                                    resume, progress::onSteps, stopped::get, progress::onNote);
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
                    if (failure == null && !(e.getCause() instanceof BenchCell.Stopped)) {
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
                registry.spec(settings.envId()).rewardThreshold(), cells, List.of());
        summary.write(out);
        return summary;
    }

    static String firstLine(Exception e) {
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                : e.getMessage();
        return String.valueOf(message).lines().findFirst().orElse("");
    }
}
