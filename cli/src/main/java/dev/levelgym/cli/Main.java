package dev.levelgym.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code levelgym} command: one tool over environments, agents and level generators. */
@Command(name = "levelgym", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Gym-style environments, RL agents and level generators.",
        subcommands = {EnvsCommand.class, RolloutCommand.class, ReportCommand.class, ReplayCommand.class,
                LevelCommand.class, GenerateCommand.class, GanCommand.class, TrainCommand.class, EvalCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
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
        System.exit(run(args));
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
