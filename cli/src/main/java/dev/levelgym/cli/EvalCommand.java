package dev.levelgym.cli;

import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.agents.bench.AgentKinds;
import dev.levelgym.agents.bench.EvalEpisode;
import dev.levelgym.agents.bench.EvalPolicy;
import dev.levelgym.agents.bench.EvalResult;
import dev.levelgym.agents.bench.Evaluation;
import dev.levelgym.agents.bench.RunFiles;
import dev.levelgym.agents.bench.RunSettings;
import dev.levelgym.agents.bench.TestLevels;
import dev.levelgym.agents.bench.TrainingRun;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.envs.spaces.Space;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Plays a checkpointed agent greedily on the game as defined: the env is the checkpoint's, with the options of the
 * run it came from (its {@code run.json}, when the checkpoint is a run's) less the training aids (reward shaping, a
 * changed time limit; see {@link EnvSpec#evaluationOptions}), under any {@code -o} given here. With
 * {@code --test-levels DIR} the test set is the folder's level files instead of the run's levels.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a checkpointed agent greedily: mean ± std return and win rate, on the run's levels or "
                + "on a folder of level files.")
final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", paramLabel = "DIR", required = true,
            description = "Checkpoint directory, or a run directory holding one (checkpoint/).")
    private Path checkpoint;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "100",
            description = "Episodes (default ${DEFAULT-VALUE}); with --test-levels, per level file.")
    private int episodes;

    @Option(names = "--seed", paramLabel = "S", description = "Episode i resets with seed+i (default "
            + Evaluation.DEFAULT_SEED + ", as the evaluations during training).")
    private Long seed;

    @Option(names = "--num-envs", paramLabel = "N", defaultValue = "1",
            description = "Env copies played in lockstep with one batched action per step (default ${DEFAULT-VALUE}); "
                    + "the results do not depend on it.")
    private int numEnvs;

    @Option(names = "--eval-policy", paramLabel = "POLICY", description = "greedy (the best action) or sample (drawn "
            + "from the agent's stochastic policy, seeded per episode) (default: the run's, else greedy).")
    private String evalPolicy;

    @Option(names = "--test-levels", paramLabel = "DIR", description = "Test on every level file of DIR (--episodes "
            + "each), with the run's game (its training options dropped: level choice, shaping, time limits).")
    private Path testLevels;

    @Option(names = "--per-level", paramLabel = "FILE.csv", description = "Write each level's episodes, wins, mean "
            + "return and mean length as CSV (for --test-levels, or a run on level files).")
    private Path perLevel;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "Env option KEY=VALUE over the run's, "
            + "e.g. -o start_level=1000000 -o num_levels=0.")
    private Map<String, String> options = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (episodes <= 0) {
            throw new UserInputException("--episodes must be positive, got " + episodes);
        }
        if (numEnvs < 1 || numEnvs > RunSettings.MAX_NUM_ENVS) {
            throw new UserInputException("--num-envs must be in 1.." + RunSettings.MAX_NUM_ENVS + ", got " + numEnvs);
        }
        long first = seed == null ? Evaluation.DEFAULT_SEED : seed;
        Seeds.requireRange(first, episodes, "--episodes " + episodes);
        if (perLevel != null && Files.isDirectory(perLevel)) {
            throw new UserInputException("--per-level: " + perLevel + " is a folder; give a file name");
        }
        Path dir = checkpoint;
        if (!Files.exists(dir.resolve(Checkpoints.MANIFEST)) && Files.isDirectory(dir.resolve(RunFiles.CHECKPOINT))) {
            dir = dir.resolve(RunFiles.CHECKPOINT);
        }
        String envId = AgentKinds.manifestEnvId(dir);
        Map<String, String> runOptions = new TreeMap<>();
        EvalPolicy policy = EvalPolicy.GREEDY;
        Path runDir = dir.toAbsolutePath().getParent();
        if (runDir != null && Files.exists(runDir.resolve(RunFiles.RUN_JSON))) {
            RunSettings run = TrainingRun.storedSettings(runDir);
            if (run.envId().equals(envId)) {
                runOptions.putAll(run.envOptions());
                policy = run.evalPolicy();
            }
        }
        if (evalPolicy != null) {
            policy = EvalPolicy.parse("--eval-policy", evalPolicy);
        }
        Registry registry = Registry.installed();
        EnvSpec<?, ?> envSpec = registry.spec(envId);
        String kind = AgentKinds.manifestKind(dir);
        Map<String, String> envOptions = new TreeMap<>(envSpec.evaluationOptions(runOptions));
        envOptions.putAll(options);
        PrintWriter out = spec.commandLine().getOut();
        if (testLevels != null) {
            TestLevels.files(envId, testLevels); // a bad folder fails before the checkpoint loads
            TestLevels.Result result;
            try (Env<?, ?> trained = registry.make(envId, envOptions);
                 TrainableAgent<?> agent = AgentNames.kinds().load(dir, trained)) {
                Space<?> observes = trained.observationSpace();
                result = TestLevels.evaluate(agent, envSpec, runOptions, options, observes, testLevels, policy,
                        episodes, first, numEnvs);
            }
            out.printf(Locale.ROOT, "%s on %s, test levels %s: %d level files x %d %s episodes (seeds %d..%d)%n",
                    kind, envId, testLevels, result.perLevel().size(), episodes, policy.adjective(), first,
                    first + episodes - 1);
            printResult(out, result.overall(), envSpec);
            printLevels(out, result.perLevel());
            if (perLevel != null) {
                TestLevels.writeCsv(perLevel, result.perLevel());
                out.println("wrote " + perLevel);
            }
            return 0;
        }
        List<EvalEpisode> played;
        try (Env<?, ?> env = registry.make(envId, envOptions);
             TrainableAgent<?> agent = AgentNames.kinds().load(dir, env);
             VectorEnv copies = SyncVectorEnv.of(envSpec, numEnvs, envOptions)) {
            played = Evaluation.episodes(agent, copies, policy, episodes, first);
        }
        EvalResult result = Evaluation.summarize(played, envSpec.rewardThreshold());
        out.printf(Locale.ROOT, "%s on %s%s, %d %s episodes (seeds %d..%d)%n", kind, envId,
                envOptions.isEmpty() ? "" : " " + envOptions, episodes, policy.adjective(), first, first + episodes - 1);
        printResult(out, result, envSpec);
        if (perLevel != null) {
            List<TestLevels.LevelResult> levels = byLevel(played);
            TestLevels.writeCsv(perLevel, levels);
            out.println("wrote " + perLevel + " (" + levels.size() + " levels)");
        }
        return 0;
    }

    private static void printResult(PrintWriter out, EvalResult result, EnvSpec<?, ?> envSpec) {
        out.printf(Locale.ROOT, "return %.3f ± %.3f%n", result.mean(), result.std());
        if (!Double.isNaN(result.winRate())) {
            out.printf(Locale.ROOT, "win rate %.3f (%s)%n", result.winRate(), result.winsFromResult()
                    ? "episodes ending with info result = win"
                    : "episodes with return ≥ the reward threshold " + envSpec.rewardThreshold().getAsDouble());
        }
    }

    private static void printLevels(PrintWriter out, List<TestLevels.LevelResult> levels) {
        int width = Math.max(5, levels.stream().mapToInt(l -> l.level().length()).max().orElse(5));
        out.printf(Locale.ROOT, "%-" + width + "s  %8s  %5s  %8s  %11s  %11s%n", "level", "episodes", "wins",
                "win rate", "mean return", "mean length");
        for (TestLevels.LevelResult l : levels) {
            out.printf(Locale.ROOT, "%-" + width + "s  %8d  %5d  %8.3f  %11.3f  %11.1f%n", l.level(), l.episodes(),
                    l.wins(), l.winRate(), l.meanReturn(), l.meanLength());
        }
    }

    /** Episodes grouped by the level the env reported, in order of first appearance. */
    private static List<TestLevels.LevelResult> byLevel(List<EvalEpisode> played) {
        Map<String, List<EvalEpisode>> groups = new LinkedHashMap<>();
        for (EvalEpisode e : played) {
            groups.computeIfAbsent(e.levelId() == null ? "(none)" : e.levelId(), k -> new ArrayList<>()).add(e);
        }
        List<TestLevels.LevelResult> results = new ArrayList<>();
        groups.forEach((level, list) -> results.add(new TestLevels.LevelResult(level, list.size(),
                (int) list.stream().filter(e -> Boolean.TRUE.equals(e.won())).count(),
                list.stream().mapToDouble(EvalEpisode::totalReturn).average().orElse(Double.NaN),
                list.stream().mapToInt(EvalEpisode::length).average().orElse(Double.NaN))));
        return results;
    }
}
