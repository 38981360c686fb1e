package dev.levelgym.cli;

import picocli.CommandLine.Command;

/** {@code levelgym gan ...}: train and evaluate GAN level generators. */
@Command(name = "gan", mixinStandardHelpOptions = true, description = "Train and evaluate GAN level generators.",
        subcommands = {GanTrainCommand.class, GanEvaluateCommand.class})
final class GanCommand {
}
