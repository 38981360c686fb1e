package dev.levelgym.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.Episode;
import dev.levelgym.agents.bench.AgentConfigFiles;
import dev.levelgym.agents.bench.AgentKinds;
import dev.levelgym.agents.bench.CurveCharts;
import dev.levelgym.agents.bench.EvalPolicy;
import dev.levelgym.agents.bench.EvalResult;
import dev.levelgym.agents.bench.RunFiles;
import dev.levelgym.agents.bench.RunSettings;
import dev.levelgym.agents.bench.TrainingRun;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.registry.Registry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains one agent on one env into a run directory, with evaluations, checkpoints and a learning curve. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an agent, writing episodes.csv, eval.csv, learning-curve.png and a checkpoint.")
final class TrainCommand implements Callable<Integer> {

    static final String LEARNING_CURVE = "learning-curve.png";
    private static final int RECENT = 100;

    @Spec
    private CommandSpec spec;

    @Option(names = "--env", paramLabel = "ID", required = true, description = "Environment id (see 'levelgym envs').")
    private String envId;

    @Option(names = "--agent", paramLabel = "KIND", required = true, description = "Agent kind: ${COMPLETION-CANDIDATES}.",
            completionCandidates = AgentNames.class)
    private String agent;

    @Option(names = "--config", paramLabel = "FILE", description = "Agent config file, YAML or JSON (fields of the agent's config).")
    private Path config;

    @Option(names = "--steps", paramLabel = "N", required = true, description = "Training steps in total.")
    private long steps;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the run (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--num-envs", paramLabel = "N", defaultValue = "1",
            description = "Env copies trained on in lockstep, with one batched action per step "
                    + "(default ${DEFAULT-VALUE}); evaluations run on as many.")
    private int numEnvs;

    @Option(names = "--eval-policy", paramLabel = "POLICY", defaultValue = "greedy",
            description = "How evaluations pick actions: greedy (the best action) or sample (drawn from the agent's "
                    + "stochastic policy, e.g. PPO's, as Procgen evaluates; seeded per episode) (default ${DEFAULT-VALUE}).")
    private String evalPolicy;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Run directory.")
    private Path out;

    @Option(names = "--eval-every", paramLabel = "E", description = "Greedy evaluation every E steps, and at 0 and the end "
            + "(default: steps/10).")
    private Long evalEvery;

    @Option(names = "--eval-episodes", paramLabel = "K", defaultValue = "100",
            description = "Episodes per evaluation (default ${DEFAULT-VALUE}).")
    private int evalEpisodes;

    @Option(names = "--checkpoint-every", paramLabel = "C", description = "Checkpoint every C steps (default: --eval-every); "
            + "always at the end.")
    private Long checkpointEvery;

    @Option(names = "--stop-after", paramLabel = "N", description = "Pause after this many steps (continue later with --resume).")
    private Long stopAfter;

    @Option(names = "--resume", description = "Continue the run in --out from its checkpoint (a run stopped before its "
            + "first checkpoint, or not started, starts from step 0).")
    private boolean resume;

    @Option(names = "--force", description = "Empty a non-empty --out and start afresh.")
    private boolean force;

    @Option(names = "--no-progress", description = "No progress bar.")
    private boolean noProgress;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "Env option KEY=VALUE, e.g. -o is_slippery=false.")
    private Map<String, String> options = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        if (resume && force) {
            throw new UserInputException("--resume and --force exclude each other");
        }
        if (steps <= 0) {
            throw new UserInputException("--steps must be positive, got " + steps);
        }
        if (stopAfter != null && stopAfter <= 0) {
            throw new UserInputException("--stop-after must be positive, got " + stopAfter);
        }
        AgentKinds kinds = AgentNames.kinds();
        kinds.kind(agent);
        JsonNode agentConfig = config == null ? null : AgentConfigFiles.read(config);
        long every = evalEvery != null ? evalEvery : Math.max(1, steps / 10);
        RunSettings settings = new RunSettings(envId, options, agent, agentConfig, steps, seed, every,
                evalEpisodes, checkpointEvery != null ? checkpointEvery : every, numEnvs,
                EvalPolicy.parse("--eval-policy", evalPolicy));
        Registry registry = Registry.installed();
        try (var env = registry.make(envId, options)) { // bad ids, options and configs fail before touching --out
            kinds.create(agent, envId, env, agentConfig, seed).close();
        } catch (UserInputException e) {
            throw config == null || !e.getMessage().startsWith(agent + " config")
                    ? e : new UserInputException("--config " + config + ": " + e.getMessage(), e);
        }
        if (!resume) {
            OutputDirectory.prepareFresh(out, force, true);
        }

        PrintWriter stdout = spec.commandLine().getOut();
        TrainingRun run = new TrainingRun(kinds, registry);
        Deque<Double> recent = new ArrayDeque<>();
        long[] episodes = {0};
        TrainingRun.Outcome outcome;
        try (ProgressDisplay progress = ProgressDisplay.open("train " + agent, steps, !noProgress)) {
            TrainingRun.Listener listener = new TrainingRun.Listener() {
                @Override
                public void onEpisode(Episode episode) {
                    recent.addLast(episode.totalReturn());
                    if (recent.size() > RECENT) {
                        recent.removeFirst();
                    }
                    episodes[0] = episode.index() + 1;
                    progress.stepTo(episode.endStep());
                    progress.message(String.format(Locale.ROOT, "episodes %d, mean return (last %d) %.2f",
                            episodes[0], recent.size(),
                            recent.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
                }

                @Override
                public void onNote(String message) {
                    spec.commandLine().getErr().println(UserErrorHandler.prefix(spec.commandLine()) + ": note: "
                            + message);
                }
            };
            long stop = stopAfter == null ? Long.MAX_VALUE : stopAfter;
            outcome = resume ? run.resume(settings, out, stop, listener) : run.start(settings, out, stop, listener);
            outcome.agent().close(); // its checkpoint is on disk; what follows reads only the run's files
            progress.stepTo(outcome.steps());
        }
        CurveCharts.learningCurve(envId + ", " + agent + ", seed " + seed,
                RunFiles.readEpisodes(out.resolve(RunFiles.EPISODES_CSV)),
                RunFiles.readEvals(out.resolve(RunFiles.EVAL_CSV)), settings.evalPolicy(),
                registry.spec(envId).rewardThreshold(), out.resolve(LEARNING_CURVE));

        long episodeCount = RunFiles.readEpisodes(out.resolve(RunFiles.EPISODES_CSV)).size();
        stdout.printf(Locale.ROOT, "%s on %s: %d of %d steps, %d episodes, %.0f steps/s in training%n", agent, envId,
                outcome.steps(), steps, episodeCount,
                outcome.trainSeconds() > 0 ? outcome.steps() / outcome.trainSeconds() : 0.0);
        if (!outcome.evals().isEmpty()) {
            RunFiles.EvalPoint last = outcome.evals().get(outcome.evals().size() - 1);
            EvalResult r = last.result();
            stdout.printf(Locale.ROOT, "%s evaluation at step %d (%d episodes): return %.3f ± %.3f%s%n",
                    settings.evalPolicy().adjective(), last.globalStep(),
                    evalEpisodes, r.mean(), r.std(),
                    Double.isNaN(r.winRate()) ? "" : String.format(Locale.ROOT, ", win rate %.3f", r.winRate()));
        }
        stdout.printf("wrote %s: %s, %s, %s, %s/%n", out, RunFiles.EPISODES_CSV, RunFiles.EVAL_CSV, LEARNING_CURVE,
                RunFiles.CHECKPOINT);
        if (!outcome.finished()) {
            stdout.printf("paused at step %d; continue with --resume%n", outcome.steps());
        }
        return 0;
    }
}
