package dev.levelgym.cli;

import picocli.CommandLine.Command;

/** Commands over level files. */
@Command(name = "level", mixinStandardHelpOptions = true, description = "Work with level files.",
        subcommands = {LevelCheckCommand.class, LevelEvaluateCommand.class})
final class LevelCommand {
}
