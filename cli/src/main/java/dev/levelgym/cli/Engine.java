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
     * @throws IllegalArgumentException for another engine, or a {@code --master} without the Spark engine
     */
    static boolean isSpark(String engine, String master) {
        if (!engine.equals(IN_PROCESS) && !engine.equals(SPARK)) {
            throw new UserInputException("--engine: unknown engine '" + engine + "'; use " + IN_PROCESS + " or "
                    + SPARK);
        }
        if (master != null && engine.equals(IN_PROCESS)) {
            throw new UserInputException("--master " + master + " needs --engine " + SPARK);
        }
        return engine.equals(SPARK);
    }
}
