package dev.levelgym.cli;

import dev.levelgym.agents.bench.AgentConfigFiles;
import dev.levelgym.agents.bench.EvalPolicy;
import dev.levelgym.agents.bench.BenchRunner;
import dev.levelgym.agents.bench.BenchSettings;
import dev.levelgym.agents.bench.BenchSummary;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.spark.SparkBench;
import dev.levelgym.spark.SparkEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains every (agent, seed) of a grid in parallel and summarizes the greedy evaluations. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark agents over seeds: summary.json, summary.md, curves.png and per-run CSVs.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--env", paramLabel = "ID", required = true, description = "Environment id (see 'levelgym envs').")
    private String envId;

    @Option(names = "--agents", paramLabel = "KIND", required = true, split = ",",
            description = "Comma-separated agent kinds: ${COMPLETION-CANDIDATES}.", completionCandidates = AgentNames.class)
    private List<String> agents;

    @Option(names = "--config", paramLabel = "AGENT=FILE", description = "Agent config file, YAML or JSON, as AGENT=FILE; repeatable.")
    private Map<String, Path> configs = new LinkedHashMap<>();

    @Option(names = "--seeds", paramLabel = "K", required = true, description = "Seeds per agent: 0..K-1.")
    private int seeds;

    @Option(names = "--steps", paramLabel = "N", required = true, description = "Training steps per run.")
    private long steps;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
    private Path out;

    @Option(names = "--eval-every", paramLabel = "E", description = "Greedy evaluation every E steps, and at 0 and the end "
            + "(default: steps/10).")
    private Long evalEvery;

    @Option(names = "--eval-episodes", paramLabel = "K", defaultValue = "100",
            description = "Episodes per evaluation (default ${DEFAULT-VALUE}).")
    private int evalEpisodes;

    @Option(names = "--threads", paramLabel = "T",
            description = "Runs at once (default: the number of processors, or 1 when an agent is dqn).")
    private Integer threads;

    @Option(names = "--checkpoint-every", paramLabel = "C", description = "Each run checkpoints every C steps, so that "
            + "--resume loses little (default: --eval-every; 0: only at the end of a run).")
    private Long checkpointEvery;

    @Option(names = "--resume", description = "Continue the benchmark in --out: finished runs are read back, the others "
            + "continue from their checkpoints. The settings must be the benchmark's (--threads and --checkpoint-every "
            + "may differ).")
    private boolean resume;

    @Option(names = "--force", description = "Empty a non-empty --out first.")
    private boolean force;

    @Option(names = "--no-progress", description = "No progress bar.")
    private boolean noProgress;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = Engine.IN_PROCESS,
            description = "in-process (threads, default) or spark (each run a Spark task; see --master).")
    private String engine;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master, e.g. local[*], "
            + "local[2,3] (2 cores, 3 attempts per task), spark://host:7077, yarn (default: spark-submit's, else "
            + SparkEngine.DEFAULT_MASTER + ").")
    private String master;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "Env option KEY=VALUE for training and evaluation.")
    private Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--num-envs", paramLabel = "N", description = "Env copies each run trains on in lockstep, one "
            + "batched action per step (default 1; " + PRESET_PROCGEN + " preset: " + PROCGEN_NUM_ENVS + ").")
    private Integer numEnvs;

    @Option(names = "--test-levels", paramLabel = "DIR", description = "Also test every run after training on each "
            + "level file of DIR (--eval-episodes times each), on the game as defined: summary.json, summary.md and "
            + "generalization.png report it beside the training levels (and the held-out ones).")
    private Path testLevels;

    @Option(names = "--preset", paramLabel = "NAME", description = "Settings of a published protocol, under the flags "
            + "given: " + PRESET_PROCGEN + " (Cobbe et al. 2020's generalization protocol: ppo with Procgen's "
            + "hyperparameters and IMPALA CNN, " + PROCGEN_NUM_ENVS + " env copies, num_levels=" + PROCGEN_LEVELS
            + " training levels from 0, held-out test from level " + dev.levelgym.agents.bench.ProceduralSplit.HELD_OUT_START
            + " on the plain game, evaluations sampling the policy as Procgen's do).")
    private String preset;

    @Option(names = "--eval-policy", paramLabel = "POLICY", description = "How evaluations pick actions: greedy or "
            + "sample (from the agent's stochastic policy, seeded per episode; the " + "procgen preset's) (default greedy).")
    private String evalPolicy;

    static final String PRESET_PROCGEN = "procgen";
    static final int PROCGEN_NUM_ENVS = 64;
    static final int PROCGEN_LEVELS = 200;

    /** Applies --preset under the flags the user gave. */
    private void applyPreset() {
        if (preset == null) {
            return;
        }
        if (!preset.equals(PRESET_PROCGEN)) {
            throw new UserInputException("--preset must be " + PRESET_PROCGEN + ", got '" + preset + "'");
        }
        if (!dev.levelgym.agents.bench.ProceduralSplit.appliesTo(envId)) {
            throw new UserInputException("--preset " + PRESET_PROCGEN + " needs an env with procedural levels ("
                    + dev.levelgym.envs.dungeon.Dungeon.ID + ", " + dev.levelgym.envs.platformer.Platformer.ID
                    + " or " + dev.levelgym.envs.platformer.Platformer.ID_V0 + "), not " + envId);
        }
        if (numEnvs == null) {
            numEnvs = PROCGEN_NUM_ENVS;
        }
        if (evalPolicy == null) {
            evalPolicy = EvalPolicy.SAMPLE.label();
        }
        options.putIfAbsent("num_levels", String.valueOf(PROCGEN_LEVELS));
        options.putIfAbsent("start_level", "0");
    }

    /** The ppo config of the procgen preset when ppo runs without a config of its own. */
    private void presetConfigs(Map<String, com.fasterxml.jackson.databind.JsonNode> read) {
        if (PRESET_PROCGEN.equals(preset) && agents.contains(dev.levelgym.agents.ppo.PpoAgent.KIND)) {
            read.putIfAbsent(dev.levelgym.agents.ppo.PpoAgent.KIND,
                    dev.levelgym.agents.checkpoint.Checkpoints.JSON.valueToTree(
                            dev.levelgym.agents.ppo.PpoConfig.procgen()));
        }
    }

    private Map<String, com.fasterxml.jackson.databind.JsonNode> agentConfigs() {
        Map<String, com.fasterxml.jackson.databind.JsonNode> read = new LinkedHashMap<>();
        configs.forEach((agent, file) -> read.put(agent, AgentConfigFiles.read(file)));
        presetConfigs(read);
        return read;
    }

    /**
     * DQN and PPO cells run one at a time by default: DJL allows one backward pass at a time per process, so
     * parallel cells mostly wait on each other, and each is slower to solve (DQN on CartPole: a median 31 s of
     * training against 26 s one at a time), which is the figure researchers compare.
     */
    private int defaultThreads() {
        return agents.contains(dev.levelgym.agents.dqn.DqnAgent.KIND) || agents.contains(dev.levelgym.agents.ppo.PpoAgent.KIND)
                ? 1 : Runtime.getRuntime().availableProcessors();
    }

    /** The Spark engine: the same grid, summary and run files; no --resume, Spark's cores instead of --threads. */
    private Integer callOnSpark() {
        if (resume) {
            throw new UserInputException("--resume works with --engine in-process only (the run directories a "
                    + "Spark benchmark writes can be resumed in-process)");
        }
        if (threads != null) {
            throw new UserInputException("--threads is for --engine in-process; Spark runs as many cells at once "
                    + "as it has cores (--master local[N])");
        }
        long every = evalEvery != null ? evalEvery : Math.max(1, steps / 10);
        // Checked before Spark starts: bad flags fail in a second, not after the engine's start-up.
        BenchRunner runner = new BenchRunner(AgentNames.kinds(), Registry.installed());
        runner.validate(new BenchSettings(envId, options, agents, seeds, steps, every, evalEpisodes, 1, agentConfigs(),
                checkpointEvery != null ? checkpointEvery : every, numEnvs, testLevelsArg(), policy()));
        OutputDirectory.prepareFresh(out, force, true);
        BenchSummary summary;
        try (SparkEngine spark = SparkEngine.start(master, "levelgym bench " + envId);
             ProgressDisplay progress = ProgressDisplay.open("bench", (long) seeds * agents.size(), " runs",
                     !noProgress)) {
            BenchSettings settings = new BenchSettings(envId, options, agents, seeds, steps, every, evalEpisodes,
                    spark.parallelism(), agentConfigs(), checkpointEvery != null ? checkpointEvery : every, numEnvs,
                    testLevelsArg(), policy());
            summary = new SparkBench(Registry.installed()).run(spark, settings, out, SparkBench.TRAIN, cell -> {
                progress.stepBy(1);
                progress.message(cell);
            });
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(summary.toMarkdown());
        stdout.println();
        stdout.println("wrote " + out + ": " + String.join(", ", Arrays.asList(BenchSummary.JSON_FILE,
                BenchSummary.MARKDOWN_FILE, BenchSummary.CURVES_FILE, "runs/<agent>/seed-<k>/"))
                + (summary.heldOutOptions() != null || testLevels != null ? ", " + BenchSummary.GENERALIZATION_FILE : ""));
        return summary.failedCells().isEmpty() ? 0 : 1;
    }

    private EvalPolicy policy() {
        return evalPolicy == null ? EvalPolicy.GREEDY : EvalPolicy.parse("--eval-policy", evalPolicy);
    }

    private String testLevelsArg() {
        return testLevels == null ? null : testLevels.toAbsolutePath().normalize().toString();
    }

    @Override
    public Integer call() {
        if (resume && force) {
            throw new UserInputException("--resume and --force exclude each other");
        }
        applyPreset();
        if (Engine.isSpark(engine, master)) {
            return callOnSpark();
        }
        long every = evalEvery != null ? evalEvery : Math.max(1, steps / 10);
        BenchSettings settings = new BenchSettings(envId, options, agents, seeds, steps, every, evalEpisodes,
                threads != null ? threads : defaultThreads(), agentConfigs(),
                checkpointEvery != null ? checkpointEvery : every, numEnvs, testLevelsArg(), policy());
        BenchRunner runner = new BenchRunner(AgentNames.kinds(), Registry.installed());
        runner.validate(settings);
        if (resume) {
            if (!BenchRunner.notStarted(out)) { // one killed before it began simply starts
                BenchRunner.requireResumable(settings, out); // before the progress bar starts
            }
        } else {
            OutputDirectory.prepareFresh(out, force, true);
        }
        BenchSummary summary;
        try (ProgressDisplay progress = ProgressDisplay.open("bench", steps * seeds * agents.size(), !noProgress)) {
            int[] done = {0};
            BenchRunner.Progress listener = new BenchRunner.Progress() {
                @Override
                public void onSteps(long n) {
                    progress.stepBy(n);
                }

                @Override
                public void onCellDone(dev.levelgym.agents.bench.CellResult cell) {
                    synchronized (done) {
                        done[0]++;
                        progress.message(done[0] + "/" + seeds * agents.size() + " runs done");
                    }
                }

                @Override
                public void onNote(String message) {
                    synchronized (done) {
                        spec.commandLine().getErr().println(UserErrorHandler.prefix(spec.commandLine())
                                + ": note: " + message);
                    }
                }
            };
            summary = resume ? runner.resume(settings, out, listener) : runner.run(settings, out, listener);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(summary.toMarkdown());
        stdout.println();
        stdout.println("wrote " + out + ": " + String.join(", ", Arrays.asList(BenchSummary.JSON_FILE,
                BenchSummary.MARKDOWN_FILE, BenchSummary.CURVES_FILE, "runs/<agent>/seed-<k>/"))
                + (summary.heldOutOptions() != null || testLevels != null ? ", " + BenchSummary.GENERALIZATION_FILE : ""));
        return 0;
    }
}
