package dev.levelgym.spark;

import dev.levelgym.agents.bench.AgentKinds;
import dev.levelgym.agents.bench.BenchCell;
import dev.levelgym.agents.bench.BenchRunner;
import dev.levelgym.agents.bench.BenchSettings;
import dev.levelgym.envs.registry.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkFiles;

/**
 * The standard cell: {@link BenchCell} with the standard agent kinds and envs, trained in a scratch directory on
 * the executor whose files then travel back in the {@link CellOutput}. A fresh directory per attempt, so a retried
 * task starts clean.
 */
final class TrainCellTask implements CellTask {

    private static final long serialVersionUID = 1L;

    @Override
    public CellOutput run(BenchSettings settings, String agent, long seed) throws IOException {
        ExecutorDefaults.apply();
        // In the application's own scratch folder (a temp dir in local mode, the executor's work dir on a cluster),
        // so that what a killed executor leaves is removed with the application's files, not left in /tmp.
        Path dir = Files.createTempDirectory(Path.of(SparkFiles.getRootDirectory()), "levelgym-cell-");
        try {
            new BenchCell(AgentKinds.installed(), Registry.installed())
                    .run(settings, agent, seed, dir, false, steps -> { }, () -> false, note -> { });
            String cellJson = Files.readString(dir.resolve(BenchRunner.CELL_FILE));
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files.put(dir.relativize(f).toString(), Files.readAllBytes(f));
                }
            }
            return new CellOutput(agent, seed, cellJson, files);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
