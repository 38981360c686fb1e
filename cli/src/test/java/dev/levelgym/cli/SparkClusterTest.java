package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.spark.StandaloneCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on this machine, started with {@code levelgym cluster start} (a master and two
 * workers, separate JVMs, free ports, 127.0.0.1): {@code bench} and {@code generate} with {@code --master spark://...}
 * give the in-process results, and a worker killed (SIGKILL) in the middle of the generation job loses a running
 * task that Spark reruns on the other worker, with byte-identical level files and no partial file left. The cluster
 * is stopped in any case, and no process of it may survive. Tagged: {@code -DexcludedGroups=cluster} skips it.
 */
@Tag("cluster")
class SparkClusterTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void benchAndGenerateOnAStandaloneClusterEqualInProcessAndSurviveAKilledWorker() throws Exception {
        Path cluster = dir.resolve("cluster");
        try {
            CliRun start = CliRun.of("cluster", "start", "--dir", cluster.toString(), "--workers", "2", "--cores", "1");
            assertEquals(0, start.exitCode(), start.err() + start.out());
            StandaloneCluster.State state = StandaloneCluster.read(cluster).orElseThrow();
            assertTrue(state.masterUrl().matches("spark://127\\.0\\.0\\.1:\\d+"), state.masterUrl());
            assertEquals(2, state.workerPids().size());
            assertEquals(0, CliRun.of("cluster", "status", "--dir", cluster.toString()).exitCode());

            benchEqualsInProcess(state.masterUrl());
            generateEqualsInProcessThoughAWorkerIsKilled(state);
        } finally {
            CliRun.of("cluster", "stop", "--dir", cluster.toString());
        }
        assertEquals(List.of(), StandaloneCluster.processes(cluster), "cluster processes left after stop");
    }

    private void benchEqualsInProcess(String master) throws Exception {
        List<String> grid = List.of("bench", "--env", "FrozenLake-v1", "-o", "is_slippery=false", "--agents",
                "random,q-learning", "--seeds", "2", "--steps", "2000", "--eval-episodes", "10", "--no-progress");
        CliRun inProcess = CliRun.of(args(grid, "--out", dir.resolve("bench-in").toString(), "--threads", "2"));
        assertEquals(0, inProcess.exitCode(), inProcess.err());
        CliRun onCluster = CliRun.of(args(grid, "--out", dir.resolve("bench-cluster").toString(), "--engine",
                "spark", "--master", master));
        assertEquals(0, onCluster.exitCode(), onCluster.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode a = withoutTimings(json.readTree(dir.resolve("bench-in/summary.json").toFile()));
        JsonNode b = withoutTimings(json.readTree(dir.resolve("bench-cluster/summary.json").toFile()));
        assertEquals(2, b.get("agents").get("q-learning").get("perSeed").size());
        assertEquals(a, b);
    }

    private void generateEqualsInProcessThoughAWorkerIsKilled(StandaloneCluster.State state) throws Exception {
        Path in = dir.resolve("levels-in");
        Path onCluster = dir.resolve("levels-cluster");
        CliRun local = CliRun.of("generate", "--generator", "rooms", "--count", "10000", "--out", in.toString());
        assertEquals(0, local.exitCode(), local.err());

        WorkerKiller.arm(dir.resolve("cluster"), state.workerPids());
        System.setProperty("spark.extraListeners", WorkerKiller.class.getName());
        CliRun run;
        try {
            run = CliRun.of("generate", "--generator", "rooms", "--count", "10000", "--out", onCluster.toString(),
                    "--engine", "spark", "--master", state.masterUrl(), "--partitions", "8");
        } finally {
            System.clearProperty("spark.extraListeners");
        }
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(WorkerKiller.killedPid != 0, "no worker was killed: " + WorkerKiller.events);
        assertTrue(ProcessHandle.of(WorkerKiller.killedPid).isEmpty()
                || !ProcessHandle.of(WorkerKiller.killedPid).get().isAlive(), "the killed worker is alive");
        assertTrue(WorkerKiller.lostTasks.get() >= 1, "no task was lost with the worker: " + WorkerKiller.events);

        List<String> names = names(in);
        assertEquals(10000, names.size());
        assertEquals(names, names(onCluster), "the same files, and no partial file left");
        for (String name : names) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(in.resolve(name)),
                    Files.readAllBytes(onCluster.resolve(name))), name);
        }
        CliRun evaluate = CliRun.of("level", "evaluate", "--levels", in.toString());
        String table = evaluate.out().substring(evaluate.out().indexOf('\n') + 1);
        assertTrue(run.out().endsWith(table), run.out() + "\n---\n" + table);
    }

    /**
     * A listener on the driver (this JVM, registered through spark.extraListeners) that SIGKILLs a worker as soon as
     * the job's first task has finished: the worker whose executor is then still running its first task. Records the
     * tasks that ended lost with the executor.
     */
    public static final class WorkerKiller extends SparkListener {

        static volatile List<Long> workerPids = List.of();
        static volatile Path clusterDir;
        static volatile String appId;
        static volatile long killedPid;
        static final java.util.concurrent.atomic.AtomicInteger lostTasks = new java.util.concurrent.atomic.AtomicInteger();
        static final List<String> events = Collections.synchronizedList(new ArrayList<>());
        private static final Map<Long, String> runningExecutorOfTask = Collections.synchronizedMap(new HashMap<>());

        static void arm(Path cluster, List<Long> pids) {
            clusterDir = cluster;
            workerPids = pids;
            appId = null;
            killedPid = 0;
            lostTasks.set(0);
            events.clear();
            runningExecutorOfTask.clear();
        }

        @Override
        public void onApplicationStart(SparkListenerApplicationStart start) {
            appId = start.appId().get();
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart start) {
            runningExecutorOfTask.put(start.taskInfo().taskId(), start.taskInfo().executorId());
            events.add("start " + start.taskInfo().id() + " on " + start.taskInfo().executorId());
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            runningExecutorOfTask.remove(end.taskInfo().taskId());
            events.add("end " + end.taskInfo().id() + " on " + end.taskInfo().executorId() + ": " + end.reason());
            if (end.reason() instanceof ExecutorLostFailure) {
                lostTasks.incrementAndGet();
            }
            if (killedPid == 0 && end.taskInfo().successful()) {
                String finished = end.taskInfo().executorId();
                String busy;
                synchronized (runningExecutorOfTask) {
                    busy = runningExecutorOfTask.values().stream().filter(e -> !e.equals(finished)).findFirst()
                            .orElse(null);
                }
                if (busy != null) {
                    kill(busy);
                }
            }
        }

        /** Kills the worker whose work folder holds the executor (work/worker-N/app-.../ID, N counting from 1). */
        private static void kill(String executorId) {
            for (int w = 0; w < workerPids.size(); w++) {
                Path work = clusterDir.resolve("work").resolve("worker-" + (w + 1));
                try (Stream<Path> apps = Files.list(work)) {
                    if (apps.anyMatch(app -> Files.isDirectory(app.resolve(executorId))
                            && app.getFileName().toString().equals(appId))) {
                        long pid = workerPids.get(w);
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL, as kill -9
                        killedPid = pid;
                        events.add("killed worker " + (w + 1) + " (pid " + pid + ") running executor " + executorId);
                        return;
                    }
                } catch (java.io.IOException e) {
                    events.add("cannot list " + work + ": " + e);
                }
            }
            events.add("no worker found running executor " + executorId);
        }
    }

    /** The summary without what depends on the clock or the engine's thread count. */
    private static JsonNode withoutTimings(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (field.toLowerCase(java.util.Locale.ROOT).contains("second") || field.equals("threads")) {
                    it.remove();
                } else {
                    withoutTimings(o.get(field));
                }
            }
        } else if (node.isArray()) {
            node.forEach(SparkClusterTest::withoutTimings);
        }
        return node;
    }

    private static String[] args(List<String> base, String... more) {
        return Stream.concat(base.stream(), Stream.of(more)).toArray(String[]::new);
    }

    private static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
