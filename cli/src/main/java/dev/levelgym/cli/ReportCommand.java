package dev.levelgym.cli;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Registry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The main job: a random-agent baseline over every registered environment. The numbers are the floor any
 * learning agent must beat. Step rates are not reported here: a cold JVM measures its JIT, not the env (see
 * the benchmarks module).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Random-agent rollout report over all registered environments.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--episodes", defaultValue = "100", description = "Episodes per env (default ${DEFAULT-VALUE}).")
    private int episodes;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the first episode (default ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        if (episodes <= 0) {
            throw new ParameterException(spec.commandLine(), "--episodes must be positive, got " + episodes);
        }
        Seeds.requireRange(seed, episodes, "--episodes " + episodes);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Random agent, %d episodes per env, seeds %d..%d%n%n", episodes, seed, seed + episodes - 1);
        String format = "%-18s %18s %10s %9s %9s%n";
        out.printf(format, "env", "return (mean ± sd)", "length", "win rate", "threshold");
        for (EnvSpec<?, ?> envSpec : Registry.installed().specs()) {
            List<EpisodeResult> results = new ArrayList<>();
            try (Env<?, ?> env = envSpec.make()) {
                for (int i = 0; i < episodes; i++) {
                    results.add(Rollout.random(env, seed + i, e -> { }));
                }
            }
            Summary s = Summary.of(results);
            out.printf(format, envSpec.id(), String.format("%.3f ± %.3f", s.meanReturn(), s.stdReturn()),
                    String.format("%.1f", s.meanLength()),
                    Double.isNaN(s.winRate()) ? "-" : String.format("%.3f", s.winRate()),
                    envSpec.rewardThreshold().isPresent() ? envSpec.rewardThreshold().getAsDouble() : "-");
        }
        return 0;
    }
}
