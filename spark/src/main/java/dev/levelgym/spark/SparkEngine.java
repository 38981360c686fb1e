package dev.levelgym.spark;

import dev.levelgym.envs.UserInputException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A Spark context for one levelgym job: embedded ({@code local[N]}, {@code local[N,F]} to let a failed task be
 * tried F times in all), a standalone or YARN cluster, or whatever master {@code spark-submit} passed in. Close it
 * when the job is done.
 */
public final class SparkEngine implements AutoCloseable {

    /** The master when neither {@code --master} nor spark-submit names one. */
    public static final String DEFAULT_MASTER = "local[*]";

    private final JavaSparkContext context;

    private SparkEngine(JavaSparkContext context) {
        this.context = context;
    }

    /**
     * Starts Spark.
     *
     * @param master a Spark master URL, or null for spark-submit's (or {@value #DEFAULT_MASTER} outside it)
     * @throws IllegalArgumentException for a master URL Spark cannot parse
     */
    public static SparkEngine start(String master, String appName) {
        // Netty (Spark's RPC) reads direct buffers by reflection; Spark's own launcher sets this for its JVMs.
        if (System.getProperty("io.netty.tryReflectionSetAccessible") == null) {
            System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        }
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else {
            conf.setIfMissing("spark.master", DEFAULT_MASTER);
        }
        // Embedded runs are a command's private engine: no web UI to bind a port for, no console progress bars
        // over the command's own output.
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            // A local run talks only to itself: its RPC and block-manager ports stay on loopback.
            conf.setIfMissing("spark.driver.host", "localhost");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else if (isStandaloneOnLoopback(conf.get("spark.master"))) {
            // A standalone cluster on this machine (levelgym cluster): the driver stays on loopback too, and unless
            // spark-submit shipped a job jar, the executors read this JVM's class path from disk (the launcher's
            // class folders included, which spark.jars cannot ship).
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            if (!conf.contains("spark.jars") && !conf.contains("spark.executor.extraClassPath")) {
                conf.set("spark.executor.extraClassPath", JvmClassPath.asString());
            }
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        try {
            return new SparkEngine(new JavaSparkContext(conf));
        } catch (Exception e) { // Scala code throws the checked SparkException without declaring it
            if (e instanceof org.apache.spark.SparkException) {
                throw new UserInputException("--master " + conf.get("spark.master") + ": " + e.getMessage(), e);
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** True for a {@code spark://} master URL (one host, or several for standby masters) all on loopback. */
    static boolean isStandaloneOnLoopback(String master) {
        if (!master.startsWith("spark://")) {
            return false;
        }
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.lastIndexOf(':')) : hostPort;
            if (!host.equals("localhost") && !host.startsWith("127.")) {
                return false;
            }
        }
        return true;
    }

    public JavaSparkContext context() {
        return context;
    }

    /** Tasks Spark runs at once by default: the cores of a local master, the executors' cores on a cluster. */
    public int parallelism() {
        return context.defaultParallelism();
    }

    public String master() {
        return context.master();
    }

    @Override
    public void close() {
        context.close();
    }
}
