package dev.levelgym.cli;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Space;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the registered environments. */
@Command(name = "envs", mixinStandardHelpOptions = true,
        description = "List the registered environments: id, spaces, step limit, reward threshold.")
final class EnvsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String format = "%-18s %-22s %-12s %9s %9s%n";
        out.printf(format, "id", "observation space", "actions", "max steps", "threshold");
        for (EnvSpec<?, ?> envSpec : Registry.installed().specs()) {
            try (Env<?, ?> env = envSpec.make()) {
                out.printf(format, envSpec.id(), compact(env.observationSpace()),
                        compact(env.actionSpace()),
                        envSpec.maxEpisodeSteps().isPresent() ? envSpec.maxEpisodeSteps().getAsInt() : "-",
                        envSpec.rewardThreshold().isPresent() ? envSpec.rewardThreshold().getAsDouble() : "-");
            }
        }
        return 0;
    }

    /** A Box's bounds differ per env and are long; the table shows its shape, which is what a user wires up. */
    private static String compact(Space<?> space) {
        if (space instanceof Box box) {
            return "Box" + Arrays.toString(box.shape()).replace('[', '(').replace(']', ')') + " float32";
        }
        return space.toString();
    }
}
