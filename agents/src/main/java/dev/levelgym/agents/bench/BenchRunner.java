package dev.levelgym.agents.bench;

import dev.levelgym.agents.Episode;
import dev.levelgym.agents.bench.RunFiles.EvalPoint;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.registry.Registry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a benchmark grid on a fixed thread pool. Each cell is an independent {@link TrainingRun} in
 * {@code out/runs/<agent>/seed-<k>/} with its own envs and agent, so its results depend only on its agent and
 * seed, not on the thread count or scheduling. Evaluations use separate envs seeded from
 * {@link GreedyEvaluation#DEFAULT_SEED}, never a grid seed. Writes {@code summary.json}, {@code summary.md} and
 * {@code curves.png} (see {@link BenchSummary}).
 */
public final class BenchRunner {

    /** Told about progress from the worker threads; implementations must be thread-safe. */
    public interface Progress {
        Progress NONE = new Progress() { };

        /** {@code steps} more training steps were taken in some cell. */
        default void onSteps(long steps) {
        }

        default void onCellDone(CellResult cell) {
        }
    }

    private final AgentKinds kinds;
    private final Registry registry;

    public BenchRunner(AgentKinds kinds, Registry registry) {
        this.kinds = kinds;
        this.registry = registry;
    }

    public static Path cellDir(Path out, String agent, long seed) {
        return out.resolve("runs").resolve(agent).resolve("seed-" + seed);
    }

    /**
     * Fails, before anything runs, on an unknown env or agent, bad env options or agent configs, and agents that
     * cannot handle the env.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public void validate(BenchSettings settings) {
        Map<String, String> trainOptions = ProceduralSplit.trainOptions(settings.envId(), settings.envOptions());
        try (Env<?, ?> env = registry.make(settings.envId(), trainOptions)) {
            for (String agent : settings.agents()) {
                kinds.create(agent, settings.envId(), env, settings.agentConfigs().get(agent), 0).close();
            }
        }
    }

    /** Runs every cell, writes the summary files, and returns the summary. */
    public BenchSummary run(BenchSettings settings, Path out, Progress progress) {
        validate(settings);
        Map<String, String> trainOptions = ProceduralSplit.trainOptions(settings.envId(), settings.envOptions());
        Optional<Map<String, String>> heldOutOptions = ProceduralSplit.heldOutOptions(settings.envId(), trainOptions);
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        List<CellResult> cells = new ArrayList<>();
        try {
            List<Future<CellResult>> futures = new ArrayList<>();
            for (String agent : settings.agents()) {
                for (long seed = 0; seed < settings.seeds(); seed++) {
                    long cellSeed = seed;
                    futures.add(pool.submit(() -> {
                        CellResult cell = runCell(settings, trainOptions, heldOutOptions, agent, cellSeed, out,
                                progress);
                        progress.onCellDone(cell);
                        return cell;
                    }));
                }
            }
            for (Future<CellResult> future : futures) {
                cells.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        BenchSummary summary = BenchSummary.of(settings, trainOptions, heldOutOptions.orElse(null),
                registry.spec(settings.envId()).rewardThreshold(), cells);
        summary.write(out);
        return summary;
    }

    private CellResult runCell(BenchSettings s, Map<String, String> trainOptions,
                               Optional<Map<String, String>> heldOutOptions, String agent, long seed, Path out,
                               Progress progress) {
        RunSettings run = new RunSettings(s.envId(), trainOptions, agent, s.agentConfigs().get(agent), s.steps(), seed, s.evalEvery(),
                s.evalEpisodes(), 0);
        long[] reported = {0};
        TrainingRun.Outcome outcome = new TrainingRun(kinds, registry).start(run, cellDir(out, agent, seed),
                Long.MAX_VALUE, new TrainingRun.Listener() {
                    @Override
                    public void onEpisode(Episode episode) {
                        progress.onSteps(episode.endStep() - reported[0]);
                        reported[0] = episode.endStep();
                    }
                });
        try {
            progress.onSteps(outcome.steps() - reported[0]);
            return result(s, heldOutOptions, agent, seed, outcome);
        } finally {
            outcome.agent().close();
        }
    }

    private CellResult result(BenchSettings s, Optional<Map<String, String>> heldOutOptions, String agent, long seed,
                              TrainingRun.Outcome outcome) {
        OptionalDouble threshold = registry.spec(s.envId()).rewardThreshold();
        Long stepsToSolve = null;
        Double secondsToSolve = null;
        if (threshold.isPresent()) {
            for (EvalPoint p : outcome.evals()) {
                if (p.result().mean() >= threshold.getAsDouble()) {
                    stepsToSolve = p.globalStep();
                    secondsToSolve = p.trainSeconds();
                    break;
                }
            }
        }
        EvalResult heldOut = heldOutOptions.map(options -> heldOut(outcome, s, options)).orElse(null);
        return new CellResult(agent, seed, outcome.evals(), outcome.steps(), outcome.updates(),
                outcome.trainSeconds(), stepsToSolve, secondsToSolve, heldOut);
    }

    @SuppressWarnings("unchecked")
    private EvalResult heldOut(TrainingRun.Outcome outcome, BenchSettings s, Map<String, String> options) {
        try (Env<Object, Integer> env = (Env<Object, Integer>) registry.make(s.envId(), options)) {
            return GreedyEvaluation.run((dev.levelgym.agents.Agent<Object, Integer>) outcome.agent(), env,
                    s.evalEpisodes(), GreedyEvaluation.DEFAULT_SEED, registry.spec(s.envId()).rewardThreshold());
        }
    }
}
