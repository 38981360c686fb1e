package dev.levelgym.spark;

import dev.levelgym.agents.bench.BenchRunner;
import dev.levelgym.agents.bench.BenchSettings;
import dev.levelgym.agents.bench.BenchSummary.FailedCell;
import dev.levelgym.agents.bench.BenchSummary;
import dev.levelgym.agents.bench.CellResult;
import dev.levelgym.agents.bench.ProceduralSplit;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.registry.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a benchmark grid on Spark: each (agent, seed) cell is one task of its own Spark job, all submitted at once
 * so the cluster runs as many as it has cores. A failed task is retried by Spark ({@code spark.task.maxFailures};
 * in local mode a master {@code local[N,F]} allows F attempts); a cell whose job still fails is reported in the
 * summary's {@code failedCells}, and the other cells are kept. The driver gathers each cell's result and run files
 * (see {@link CellOutput}) and writes the same {@code out} tree and summary as {@link BenchRunner}; a cell's
 * numbers depend only on the settings, its agent and seed, so they equal the in-process run's (timings aside).
 */
public final class SparkBench {

    /** The standard cell: the agents and envs levelgym registers. */
    public static final CellTask TRAIN = new TrainCellTask();

    private final Registry registry;

    public SparkBench(Registry registry) {
        this.registry = registry;
    }

    /**
     * Runs every cell with {@code task} into {@code out} (expected empty) and writes the summary files.
     * {@code settings} must have passed {@link BenchRunner#validate} with the standard agent kinds.
     *
     * @param onCellDone told, on the driver, each cell as it finishes or fails for good
     */
    public BenchSummary run(SparkEngine engine, BenchSettings settings, Path out, CellTask task,
                            Consumer<String> onCellDone) {
        String settingsJson;
        try {
            Files.createDirectories(out);
            settingsJson = Checkpoints.JSON.writeValueAsString(settings);
            AtomicFiles.writeString(out.resolve(BenchRunner.SETTINGS_FILE), settingsJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        JavaSparkContext sc = engine.context();
        List<String> agents = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        List<JavaFutureAction<List<CellOutput>>> jobs = new ArrayList<>();
        for (String agent : settings.agents()) {
            for (long seed = 0; seed < settings.seeds(); seed++) {
                long cellSeed = seed;
                sc.setJobDescription("levelgym bench " + agent + " seed " + seed);
                jobs.add(sc.parallelize(List.of(cellSeed), 1)
                        .map(s -> task.run(Checkpoints.JSON.readValue(settingsJson, BenchSettings.class), agent, s))
                        .collectAsync());
                agents.add(agent);
                seeds.add(cellSeed);
            }
        }
        List<CellResult> cells = new ArrayList<>();
        List<FailedCell> failed = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            String agent = agents.get(i);
            long seed = seeds.get(i);
            try {
                CellOutput output = jobs.get(i).get().get(0);
                cells.add(store(output, BenchRunner.cellDir(out, agent, seed)));
                onCellDone.accept(agent + " seed " + seed + " done");
            } catch (ExecutionException e) {
                failed.add(new FailedCell(agent, seed, firstLine(e.getCause())));
                onCellDone.accept(agent + " seed " + seed + " FAILED");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                jobs.forEach(j -> j.cancel(true));
                throw new IllegalStateException("benchmark interrupted", e);
            }
        }
        Map<String, String> trainOptions = ProceduralSplit.trainOptions(settings.envId(), settings.envOptions());
        BenchSummary summary = BenchSummary.of(settings, trainOptions,
                ProceduralSplit.heldOutOptions(settings.envId(), trainOptions).orElse(null),
                registry.spec(settings.envId()).rewardThreshold(), cells, failed);
        summary.write(out);
        return summary;
    }

    /** Writes the cell's files into its run directory and returns its result. */
    private static CellResult store(CellOutput output, Path dir) {
        try {
            for (Map.Entry<String, byte[]> f : output.files().entrySet()) {
                Path file = dir.resolve(f.getKey()).normalize();
                if (!file.startsWith(dir)) {
                    throw new IllegalStateException("cell file outside its directory: " + f.getKey());
                }
                AtomicFiles.write(file, o -> o.write(f.getValue()));
            }
            return Checkpoints.JSON.readValue(output.cellJson(), CellResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(Throwable e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getName());
    }
}
