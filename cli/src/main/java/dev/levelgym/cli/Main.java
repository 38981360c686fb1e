package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code levelgym} command: one tool over environments, agents and level generators. */
@Command(name = "levelgym", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Gym-style environments, RL agents and level generators.",
        subcommands = {EnvsCommand.class, RolloutCommand.class, ReportCommand.class, ReplayCommand.class,
                LevelCommand.class, GenerateCommand.class, GanCommand.class, VaeCommand.class, TrainCommand.class, EvalCommand.class,
                BenchCommand.class, ClusterCommand.class, PlayCommand.class, StudioCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        // levelgym ships libtorch in its jar; a download attempt could only mean a broken install, so fail fast.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // Libraries' info chatter (DJL's engine banner, say) would bury the command's own output.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // On a CPU-only build DJL warns at every start that it found no CUDA driver, which is expected here.
        if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        }
        // Hadoop (under Spark) warns at every start that it has no native library; its pure-Java code is what we use.
        if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader", "error");
        }
        // Embedded Spark warns at every start when the host name resolves to loopback (most laptops and containers);
        // a local run binds to loopback anyway (SparkEngine).
        if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.spark.util.Utils") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.spark.util.Utils", "error");
        }
        // One libtorch thread per process: our networks are small (per-op overhead, not FLOPs, dominates), and bench
        // runs a cell per core, where libtorch's default of one OpenMP thread per core per cell oversubscribed the
        // machine and made a 2-cell grid several times slower than the cells run one after another.
        for (String property : new String[] {"ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads"}) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, "1");
            }
        }
        String extensions = System.getenv(EXTENSIONS);
        if (extensions != null && !extensions.isBlank()) {
            try {
                Thread.currentThread().setContextClassLoader(extensionLoader(extensions, Main.class.getClassLoader()));
            } catch (UserInputException e) {
                System.err.println("levelgym: error: " + e.getMessage());
                System.exit(UserErrorHandler.USER_ERROR);
            }
        }
        System.exit(run(args));
    }

    /**
     * The environment variable naming extension jars (or class folders), separated as a class path is: their
     * providers join the registries of every command, as they would on the class path itself, which
     * {@code java -jar} (and so {@code ./levelgym}) does not let one extend.
     */
    static final String EXTENSIONS = "LEVELGYM_CLASSPATH";

    /**
     * A class loader over {@code classPath}'s entries below {@code parent}, where the registries look for providers
     * ({@link dev.levelgym.envs.registry.Providers#contextLoader()}) once it is the thread's context loader.
     *
     * @throws UserInputException naming an entry that does not exist
     */
    static ClassLoader extensionLoader(String classPath, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (!Files.exists(path)) {
                throw new UserInputException(EXTENSIONS + ": no such file " + path);
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UserInputException(EXTENSIONS + ": not a file path: " + entry, e);
            }
        }
        return new URLClassLoader("levelgym-extensions", urls.toArray(URL[]::new), parent);
    }

    /** Runs the command line and returns the exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setExecutionExceptionHandler(new UserErrorHandler());
        cmd.setParameterExceptionHandler(new UserErrorHandler.BadFlags());
        return cmd;
    }
}
