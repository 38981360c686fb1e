package dev.levelgym.cli;

import picocli.CommandLine.Command;

/** {@code levelgym vae ...}: train and evaluate VAE level generators. */
@Command(name = "vae", mixinStandardHelpOptions = true,
        description = "Train and evaluate VAE level generators (encode a level, sample near it, blend two).",
        subcommands = {VaeTrainCommand.class, VaeEvaluateCommand.class})
final class VaeCommand {
}
