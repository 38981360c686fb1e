package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.spark.StandaloneCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A Spark standalone cluster on this machine for {@code --engine spark --master spark://...}: Spark's own master and
 * workers as separate JVMs from the CLI's class path (the Spark plugin), all on 127.0.0.1. A subcommand rather than
 * a script, so it works the same from ./levelgym, levelgym.cmd and java -jar, on every OS, and the CI test starts
 * the cluster exactly as a user does.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Start, inspect and stop a Spark standalone cluster on this machine (127.0.0.1).",
        subcommands = {ClusterCommand.Start.class, ClusterCommand.Status.class, ClusterCommand.Stop.class})
final class ClusterCommand {

    /** Where the cluster's state, Spark home, logs and work folders live unless --dir says otherwise. */
    static final Path DEFAULT_DIR = Path.of(System.getProperty("user.home"), ".levelgym", "cluster");

    private static final String DIR_HELP = "The cluster's folder: cluster.json, logs/, work/, spark-home/ "
            + "(default: ~/.levelgym/cluster).";

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start a master and workers (separate JVMs, ports chosen free) and wait until all workers "
                    + "have registered; prints the master URL.")
    static final class Start implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR", description = DIR_HELP)
        private Path dir = DEFAULT_DIR;

        @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Workers (default ${DEFAULT-VALUE}).")
        private int workers;

        @Option(names = "--cores", paramLabel = "C", defaultValue = "1",
                description = "Task slots per worker (default ${DEFAULT-VALUE}).")
        private int cores;

        @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "1g",
                description = "Memory each worker gives its executor, e.g. 1g, 2g (default ${DEFAULT-VALUE}).")
        private String memory;

        @Override
        public Integer call() {
            Plugin.SPARK.require("levelgym cluster");
            StandaloneCluster.Settings settings = new StandaloneCluster.Settings(workers, cores, memory);
            long started = System.nanoTime();
            StandaloneCluster.State state = StandaloneCluster.start(dir, settings);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("started a Spark standalone cluster in %.1f s: master %s (pid %d), %d worker(s) x %d core(s) "
                            + "(pids %s)%n", (System.nanoTime() - started) / 1e9, state.masterUrl(), state.masterPid(),
                    workers, cores, state.workerPids());
            out.printf("web UI %s; logs in %s%n", state.webUi(), dir.resolve("logs"));
            out.printf("use it with: levelgym bench|generate ... --engine spark --master %s%n", state.masterUrl());
            out.printf("stop it with: levelgym cluster stop%s%n", dir.equals(DEFAULT_DIR) ? "" : " --dir " + dir);
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The master URL and the workers the master sees alive; exit code 1 if no cluster runs.")
    static final class Status implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR", description = DIR_HELP)
        private Path dir = DEFAULT_DIR;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<StandaloneCluster.State> state = StandaloneCluster.read(dir);
            if (state.isEmpty()) {
                out.println("no cluster in " + dir);
                return 1;
            }
            int alive = StandaloneCluster.aliveWorkers(state.get());
            if (alive < 0) {
                out.println("the cluster in " + dir + " does not answer (master " + state.get().masterUrl()
                        + "); 'levelgym cluster stop' clears it");
                return 1;
            }
            out.printf("master %s, %d of %d worker(s) alive, web UI %s%n", state.get().masterUrl(), alive,
                    state.get().workerPids().size(), state.get().webUi());
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the cluster's workers, their executors and the master.")
    static final class Stop implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR", description = DIR_HELP)
        private Path dir = DEFAULT_DIR;

        @Override
        public Integer call() {
            if (StandaloneCluster.read(dir).isEmpty()) {
                throw new UserInputException("--dir: no cluster in " + dir + " (no " + StandaloneCluster.STATE_FILE
                        + ")");
            }
            int ended = StandaloneCluster.stop(dir);
            spec.commandLine().getOut().printf("stopped the cluster in %s (%d process(es) ended)%n", dir, ended);
            return 0;
        }
    }
}
