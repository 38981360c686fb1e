package dev.levelgym.cli;

import dev.levelgym.agents.Agent;
import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.bench.AgentKinds;
import dev.levelgym.agents.bench.EvalResult;
import dev.levelgym.agents.bench.GreedyEvaluation;
import dev.levelgym.agents.bench.RunFiles;
import dev.levelgym.agents.bench.RunSettings;
import dev.levelgym.agents.bench.TrainingRun;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Registry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Plays a checkpointed agent greedily. The env is the checkpoint's, with the options of the run it came from
 * (its {@code run.json}, when the checkpoint is a run's) under any {@code -o} given here.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a checkpointed agent greedily: mean ± std return and win rate.")
final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", paramLabel = "DIR", required = true,
            description = "Checkpoint directory, or a run directory holding one (checkpoint/).")
    private Path checkpoint;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "100", description = "Episodes (default ${DEFAULT-VALUE}).")
    private int episodes;

    @Option(names = "--seed", paramLabel = "S", description = "Episode i resets with seed+i (default "
            + GreedyEvaluation.DEFAULT_SEED + ", as the evaluations during training).")
    private Long seed;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "Env option KEY=VALUE over the run's, "
            + "e.g. -o start_level=1000000 -o num_levels=0.")
    private Map<String, String> options = new LinkedHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        if (episodes <= 0) {
            throw new UserInputException("--episodes must be positive, got " + episodes);
        }
        long first = seed == null ? GreedyEvaluation.DEFAULT_SEED : seed;
        if (first < 0) {
            throw new UserInputException("--seed must be non-negative, got " + first);
        }
        Path dir = checkpoint;
        if (!Files.exists(dir.resolve(Checkpoints.MANIFEST)) && Files.isDirectory(dir.resolve(RunFiles.CHECKPOINT))) {
            dir = dir.resolve(RunFiles.CHECKPOINT);
        }
        String envId = AgentKinds.manifestEnvId(dir);
        Map<String, String> envOptions = new TreeMap<>();
        Path runDir = dir.toAbsolutePath().getParent();
        if (runDir != null && Files.exists(runDir.resolve(RunFiles.RUN_JSON))) {
            RunSettings run = TrainingRun.storedSettings(runDir);
            if (run.envId().equals(envId)) {
                envOptions.putAll(run.envOptions());
            }
        }
        envOptions.putAll(options);
        Registry registry = Registry.installed();
        EnvSpec<?, ?> envSpec = registry.spec(envId);
        EvalResult result;
        String kind = AgentKinds.manifestKind(dir);
        try (Env<Object, Integer> env = (Env<Object, Integer>) registry.make(envId, envOptions);
             TrainableAgent<?> loaded = AgentKinds.installed().load(dir, env)) {
            result = GreedyEvaluation.run((Agent<Object, Integer>) loaded, env, episodes, first,
                    envSpec.rewardThreshold());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s on %s%s, %d greedy episodes (seeds %d..%d)%n", kind, envId,
                envOptions.isEmpty() ? "" : " " + envOptions, episodes, first, first + episodes - 1);
        out.printf(Locale.ROOT, "return %.3f ± %.3f%n", result.mean(), result.std());
        if (!Double.isNaN(result.winRate())) {
            out.printf(Locale.ROOT, "win rate %.3f (%s)%n", result.winRate(), result.winsFromResult()
                    ? "episodes ending with info result = win"
                    : "episodes with return ≥ the reward threshold " + envSpec.rewardThreshold().getAsDouble());
        }
        return 0;
    }
}
