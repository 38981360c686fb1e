package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;

/** The {@code --engine} flag of bench and generate: in this process, or on Apache Spark. */
final class Engine {

    static final String IN_PROCESS = "in-process";
    static final String SPARK = "spark";

    private Engine() {
    }

    /**
     * True for {@value #SPARK}, false for {@value #IN_PROCESS}.
     *
     * @throws UserInputException for another engine, a {@code --master} without the Spark engine, or the Spark engine
     *                            without the Spark plugin (naming the command that builds it)
     */
    static boolean isSpark(String engine, String master) {
        if (!engine.equals(IN_PROCESS) && !engine.equals(SPARK)) {
            throw new UserInputException("--engine: unknown engine '" + engine + "'; use " + IN_PROCESS + " or "
                    + SPARK);
        }
        if (master != null && engine.equals(IN_PROCESS)) {
            throw new UserInputException("--master " + master + " needs --engine " + SPARK);
        }
        if (engine.equals(SPARK)) {
            Plugin.SPARK.require("--engine " + SPARK);
            return true;
        }
        return false;
    }
}
