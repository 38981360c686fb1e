package dev.levelgym.spark;

/**
 * The JVM settings levelgym's CLI makes at start (dev.levelgym.cli.Main), made again in executors, which spark-submit
 * starts without them: libtorch must never download (it ships in the job jar), and one libtorch thread per task,
 * since Spark already runs a task per core.
 */
final class ExecutorDefaults {

    private ExecutorDefaults() {
    }

    /** Sets each property unless the executor's JVM options already did (spark.executor.extraJavaOptions). */
    static void apply() {
        setIfMissing("ai.djl.offline", "true");
        setIfMissing("ai.djl.pytorch.num_threads", "1");
        setIfMissing("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfMissing(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
