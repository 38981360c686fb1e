package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;

/**
 * The optional parts of the CLI, kept out of the default jar for their size: each is a plugin jar in
 * {@code cli/target/plugins/} (next to {@code levelgym.jar}, whose manifest names it; {@code ./levelgym} puts it on
 * the class path), built by one Maven command. A command that needs a missing plugin says which command builds it.
 */
enum Plugin {

    /** The rl4j-dqn agent kind: RL4J 1.0.0-M1.1 with ND4J and OpenBLAS natives (~150 MB). */
    RL4J("rl4j", "dev.levelgym.agents.rl4j.Rl4jAgentKinds", "docs/rl4j.md"),

    /** Apache Spark (core, Scala, Hadoop client; ~150 MB): {@code --engine spark} and {@code levelgym cluster}. */
    SPARK("spark", "org.apache.spark.SparkContext", "docs/spark.md");

    private final String id;
    private final String markerClass;
    private final String doc;

    Plugin(String id, String markerClass, String doc) {
        this.id = id;
        this.markerClass = markerClass;
        this.doc = doc;
    }

    String id() {
        return id;
    }

    /** True if the plugin's classes are on the class path. */
    boolean installed() {
        try {
            Class.forName(markerClass, false, Plugin.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The file the plugin's build writes, relative to the repository root. */
    String jar() {
        return "cli/target/plugins/levelgym-" + id + ".jar";
    }

    /** The one command that builds the plugin, from the repository root. */
    String buildCommand() {
        return "./mvnw -B -ntp -DskipTests -pl plugins/" + id + " -am package";
    }

    /**
     * Throws, naming the build step, unless the plugin is installed.
     *
     * @param what the flag or command that needs it, e.g. "--engine spark"
     */
    void require(String what) {
        if (!installed()) {
            throw new UserInputException(what + " needs the " + id + " plugin, which this levelgym does not have: "
                    + "build it with `" + buildCommand() + "` (it writes " + jar() + ", next to levelgym.jar; "
                    + "./levelgym and java -jar cli/target/levelgym.jar then find it; see " + doc + ")");
        }
    }
}
