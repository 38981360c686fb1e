package dev.levelgym.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Spark standalone cluster on this machine, bound to 127.0.0.1: Spark's own master and workers, each a JVM started
 * from this JVM's class path (the CLI jar and its Spark plugin, or the launcher's class path), so no Spark
 * distribution is needed. Workers start executors through a Spark home made in the cluster folder: its {@code jars/}
 * holds links to every jar of that class path. The processes outlive the command that started them; {@link #stop}
 * ends them by the process ids recorded in {@code cluster.json}, and any executor left by a killed worker by the
 * cluster folder in its command line.
 *
 * <p>Folder layout: {@code cluster.json} (master URL, web UI, pids), {@code spark-home/}, {@code logs/} (one log per
 * daemon), {@code work/worker-N/} (each worker's executors: their stdout and stderr).
 */
public final class StandaloneCluster {

    /** The state file in the cluster folder. */
    public static final String STATE_FILE = "cluster.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    /** What Spark's daemons need opened on Java 17 (the list Spark's own launcher adds: JavaModuleOptions). */
    private static final List<String> MODULE_OPTIONS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect",
                    "java.io", "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic",
                    "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar")
            .stream().map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED").toList();

    /**
     * A running cluster as recorded in {@code cluster.json}.
     *
     * @param masterUrl  the URL to give {@code --master}, e.g. spark://127.0.0.1:41234
     * @param webUi      the master's web UI
     * @param masterPid  the master's process id
     * @param workerPids the workers' process ids, worker 1 first
     */
    public record State(String masterUrl, String webUi, long masterPid, List<Long> workerPids) {

        public State {
            workerPids = List.copyOf(workerPids);
        }
    }

    /**
     * What to start.
     *
     * @param workers       worker JVMs
     * @param coresPerWorker task slots of each worker
     * @param workerMemory  memory each worker offers its executors, Spark's syntax (e.g. 1g)
     */
    public record Settings(int workers, int coresPerWorker, String workerMemory) {

        public Settings {
            if (workers < 1) {
                throw new UserInputException("--workers must be at least 1, got " + workers);
            }
            if (coresPerWorker < 1) {
                throw new UserInputException("--cores must be at least 1, got " + coresPerWorker);
            }
            if (!workerMemory.matches("[0-9]+[kKmMgGtT]")) {
                throw new UserInputException("--memory: expected a size such as 1g or 512m, got '" + workerMemory + "'");
            }
        }
    }

    private StandaloneCluster() {
    }

    /**
     * Starts a master and the workers, waits until every worker has registered, and records the cluster in
     * {@code dir/cluster.json}. On failure everything started is stopped again.
     *
     * @throws UserInputException if a cluster recorded in {@code dir} is still running
     */
    public static State start(Path dir, Settings settings) {
        dir = dir.toAbsolutePath().normalize();
        Optional<State> running = read(dir).filter(s -> ProcessHandle.of(s.masterPid()).map(ProcessHandle::isAlive)
                .orElse(false));
        if (running.isPresent()) {
            throw new UserInputException("a cluster is already running from " + dir + " (master "
                    + running.get().masterUrl() + "); stop it first");
        }
        if (read(dir).isPresent()) {
            stop(dir); // a cluster whose master died: end whatever of it is left before starting afresh
        }
        try {
            Files.createDirectories(dir.resolve("logs"));
            Path sparkHome = makeSparkHome(dir);
            int port = freePort();
            int webUiPort = freePort();
            String masterUrl = "spark://127.0.0.1:" + port;
            String webUi = "http://127.0.0.1:" + webUiPort;
            Process master = launch(dir, "master", sparkHome, List.of("org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port",
                    Integer.toString(webUiPort)));
            List<Long> workerPids = new ArrayList<>();
            State state = new State(masterUrl, webUi, master.pid(), workerPids);
            // Recorded as each process starts, so that stop() finds whatever a failed start left running.
            write(dir, state);
            try {
                for (int w = 1; w <= settings.workers(); w++) {
                    Path work = Files.createDirectories(dir.resolve("work").resolve("worker-" + w));
                    Process worker = launch(dir, "worker-" + w, sparkHome, List.of(
                            "org.apache.spark.deploy.worker.Worker", masterUrl, "--host", "127.0.0.1",
                            "--cores", Integer.toString(settings.coresPerWorker()), "--memory",
                            settings.workerMemory(), "--work-dir", work.toString(), "--webui-port", "0"));
                    workerPids.add(worker.pid());
                    state = new State(masterUrl, webUi, master.pid(), workerPids);
                    write(dir, state);
                }
                awaitWorkers(dir, state, settings.workers());
                return state;
            } catch (RuntimeException | IOException e) {
                stop(dir);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a cluster in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The cluster recorded in {@code dir}, if any (running or not). */
    public static Optional<State> read(Path dir) {
        Path file = dir.resolve(STATE_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), State.class));
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt cluster file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Alive workers as the master reports them (its web UI's JSON), or -1 if the master does not answer. */
    public static int aliveWorkers(State state) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(state.webUi() + "/json/")).timeout(Duration.ofSeconds(5))
                            .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(r.body());
            return json.path("aliveworkers").asInt(-1);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * The live processes of the cluster in {@code dir}: the workers' descendants (their executors), the workers, the
     * master, and any other process whose command line names the cluster's Spark home (all run the JDK through its
     * link there), such as an executor whose worker was killed.
     */
    public static List<ProcessHandle> processes(Path dir) {
        Path home = dir.toAbsolutePath().normalize();
        List<ProcessHandle> found = new ArrayList<>();
        read(home).ifPresent(s -> {
            for (long pid : s.workerPids()) {
                ProcessHandle.of(pid).ifPresent(worker -> {
                    found.addAll(worker.descendants().toList());
                    found.add(worker);
                });
            }
            ProcessHandle.of(s.masterPid()).ifPresent(found::add);
        });
        String marker = home.resolve("spark-home").toString();
        ProcessHandle self = ProcessHandle.current();
        ProcessHandle.allProcesses()
                .filter(p -> !p.equals(self) && !found.contains(p))
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .forEach(found::add);
        return found.stream().filter(ProcessHandle::isAlive).toList();
    }

    /**
     * Stops the cluster recorded in {@code dir}: workers (and their executors) first, then the master, each asked to
     * terminate and killed if it has not within a few seconds; then any process left whose command line names the
     * cluster folder (an executor whose worker was killed). Removes {@code cluster.json}; the logs stay.
     *
     * @return how many processes were ended
     */
    public static int stop(Path dir) {
        List<ProcessHandle> targets = processes(dir);
        int ended = 0;
        for (ProcessHandle p : targets) {
            if (p.isAlive()) {
                p.destroy();
                ended++;
            }
        }
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle p : targets) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                sleep(100);
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : targets) {
            try {
                p.onExit().get(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("process " + p.pid() + " of the cluster in " + dir
                        + " did not end", e);
            }
        }
        try {
            Files.deleteIfExists(dir.resolve(STATE_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir.resolve(STATE_FILE) + ": " + e.getMessage(), e);
        }
        return ended;
    }

    /**
     * A Spark home for the workers: Spark's launcher code looks for {@code RELEASE} and {@code jars/}, and puts
     * {@code jars/*} on every executor's class path. Links to this JVM's jars (copies where the file system has no
     * links), made afresh at each start.
     */
    private static Path makeSparkHome(Path dir) throws IOException {
        Path home = dir.resolve("spark-home");
        Path jars = home.resolve("jars");
        deleteTree(home);
        Files.createDirectories(jars);
        Files.writeString(home.resolve("RELEASE"), "Spark from the levelgym class path (levelgym cluster)\n",
                StandardCharsets.UTF_8);
        // The JDK the daemons and executors run, through a link in the Spark home, so that every process of the
        // cluster names the cluster folder first in its command line: Linux reports only the first 4 KB of a command
        // line, and an executor's class path is longer than that.
        try {
            Files.createSymbolicLink(home.resolve("java"), Path.of(System.getProperty("java.home")));
        } catch (IOException | UnsupportedOperationException e) {
            // no links here (Windows without the privilege): the real JDK, found by the recorded pids instead
        }
        int n = 0;
        for (Path entry : JvmClassPath.entries()) {
            if (!Files.isRegularFile(entry) || !entry.getFileName().toString().endsWith(".jar")) {
                continue; // class folders reach executors through spark.executor.extraClassPath (SparkEngine)
            }
            // Numbered: two jars of the class path may share a file name.
            Path link = jars.resolve(String.format("%03d-%s", n++, entry.getFileName()));
            try {
                Files.createSymbolicLink(link, entry);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(entry, link, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return home;
    }

    private static Process launch(Path dir, String name, Path sparkHome, List<String> mainAndArgs)
            throws IOException {
        Path javaHome = Files.isDirectory(sparkHome.resolve("java")) ? sparkHome.resolve("java")
                : Path.of(System.getProperty("java.home"));
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        // Marks the daemon as this cluster's even without the JDK link, for stop().
        command.add("-Dlevelgym.cluster.home=" + sparkHome.toAbsolutePath());
        command.add("-Xmx512m");
        command.addAll(MODULE_OPTIONS);
        command.add("-Dio.netty.tryReflectionSetAccessible=true");
        command.add("-cp");
        command.add(JvmClassPath.asString());
        command.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs").resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toAbsolutePath().toString());
        pb.environment().put("JAVA_HOME", javaHome.toAbsolutePath().toString()); // the executors' JDK
        // Spark's launcher code (which builds the executors' command) otherwise looks for a source build's
        // launcher/target/scala-2.13 to learn the Scala version.
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        // Every daemon and executor binds to loopback: nothing of the cluster is reachable from the network.
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
        // The executors' libtorch and BLAS threads: one per task slot, as in the CLI.
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    private static void awaitWorkers(Path dir, State state, int workers) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (long pid : concat(state.masterPid(), state.workerPids())) {
                if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                    throw new IllegalStateException("a cluster process (pid " + pid + ") exited during start; see "
                            + dir.resolve("logs"));
                }
            }
            if (aliveWorkers(state) == workers) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("the cluster did not have " + workers + " workers within "
                + START_TIMEOUT.toSeconds() + " s; see " + dir.resolve("logs"));
    }

    private static List<Long> concat(long first, List<Long> rest) {
        List<Long> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static void write(Path dir, State state) throws IOException {
        AtomicFiles.write(dir.resolve(STATE_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
    }

    /** A port free now (the OS's choice), for a daemon about to bind it. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(root)) { // does not follow the jar links
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
