package dev.levelgym.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The CLI in a child JVM, started from this test's own class path (so it runs the code under test, whatever the
 * packaging), which a test can kill with SIGKILL at any moment, as the OS or a user's {@code kill -9} would.
 */
final class ChildCli {

    /** What a finished (or killed) child did. */
    record Result(int exitCode, boolean killed, String out, String err, double seconds) {
    }

    private final Path workDir;
    private final Map<String, String> environment;
    private final String shellPrefix;

    private ChildCli(Path workDir, Map<String, String> environment, String shellPrefix) {
        this.workDir = workDir;
        this.environment = environment;
        this.shellPrefix = shellPrefix;
    }

    /** Children that run in {@code workDir} with this JVM's libtorch cache and settings. */
    static ChildCli in(Path workDir) {
        return new ChildCli(workDir, Map.of(), null);
    }

    /** The same children with {@code variables} set in their environment. */
    ChildCli withEnvironment(Map<String, String> variables) {
        return new ChildCli(workDir, variables, shellPrefix);
    }

    /**
     * The same children started through {@code bash -c "PREFIX; exec java ..."}, e.g. {@code "ulimit -f 100"} to
     * let no file grow past 100 KiB, as a full disk would stop it.
     */
    ChildCli throughShell(String prefix) {
        return new ChildCli(workDir, environment, prefix);
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1"); // short runs: start fast rather than optimise
        command.add("-XX:-UsePerfData"); // no /tmp/hsperfdata file, which a file-size limit would refuse
        for (String property : new String[] {"ai.djl.offline", "jna.tmpdir"}) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        if (shellPrefix == null) {
            return command;
        }
        StringBuilder line = new StringBuilder(shellPrefix).append("; exec");
        for (String part : command) {
            line.append(" '").append(part.replace("'", "'\\''")).append('\'');
        }
        return List.of("bash", "-c", line.toString());
    }

    private Process start(String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).directory(workDir.toFile());
        builder.environment().putAll(environment);
        builder.redirectOutput(workDir.resolve(".child-out").toFile());
        builder.redirectError(workDir.resolve(".child-err").toFile());
        return builder.start();
    }

    /** Runs to the end (at most 5 minutes). */
    Result run(String... args) throws IOException, InterruptedException {
        return runKillingAfter(Long.MAX_VALUE, args);
    }

    /**
     * Runs, and kills the child with SIGKILL {@code extraMillis} after {@code when} first holds (polled every 5 ms),
     * if it is still running then: a kill at a chosen point of the run's progress.
     */
    Result runKillingWhen(BooleanSupplier when, long extraMillis, String... args)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = start(args);
        long deadline = started + TimeUnit.MINUTES.toNanos(5);
        boolean killed = false;
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (when.getAsBoolean()) {
                Thread.sleep(extraMillis);
                killed = process.isAlive();
                process.destroyForcibly(); // SIGKILL on Linux and macOS
                break;
            }
            Thread.sleep(5);
        }
        if (process.isAlive() && !killed) {
            process.destroyForcibly();
            process.waitFor();
            throw new IllegalStateException("the child ran for 5 minutes: " + String.join(" ", args));
        }
        int code = process.waitFor();
        return result(code, killed, started);
    }

    private Result result(int code, boolean killed, long started) throws IOException {
        double seconds = (System.nanoTime() - started) / 1e9;
        Result r = new Result(code, killed, Files.readString(workDir.resolve(".child-out"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve(".child-err"), StandardCharsets.UTF_8), seconds);
        Files.delete(workDir.resolve(".child-out"));
        Files.delete(workDir.resolve(".child-err"));
        return r;
    }

    /** Runs, and kills the child with SIGKILL after {@code millis} if it is still running then. */
    Result runKillingAfter(long millis, String... args) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = start(args);
        boolean finished = process.waitFor(Math.min(millis, TimeUnit.MINUTES.toMillis(5)), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly(); // SIGKILL on Linux and macOS
            process.waitFor();
            if (millis == Long.MAX_VALUE) {
                throw new IllegalStateException("the child ran for 5 minutes: " + String.join(" ", args));
            }
        }
        int code = process.exitValue();
        return result(code, !finished, started);
    }
}
