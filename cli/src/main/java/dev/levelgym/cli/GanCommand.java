package dev.levelgym.cli;

import picocli.CommandLine.Command;

/** {@code levelgym gan ...}: train, illuminate and evaluate GAN level generators. */
@Command(name = "gan", mixinStandardHelpOptions = true,
        description = "Train, illuminate and evaluate GAN level generators.",
        subcommands = {GanTrainCommand.class, GanIlluminateCommand.class, GanEvaluateCommand.class})
final class GanCommand {
}
