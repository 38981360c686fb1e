package dev.levelgym.agents.bench;

import dev.levelgym.agents.Episode;
import dev.levelgym.agents.bench.RunFiles.EvalPoint;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.envs.spaces.Space;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One (agent, seed) cell of a benchmark, trained into its own directory: the unit of work every engine runs
 * (the in-process {@link BenchRunner}'s threads, or one Spark task each in the spark module), so that a cell's
 * result depends only on the settings, its agent and its seed. The directory ends up holding the run's files
 * (see {@link RunFiles}) and, once the cell is done, its result as {@value BenchRunner#CELL_FILE}.
 */
public final class BenchCell {

    private final AgentKinds kinds;
    private final Registry registry;

    public BenchCell(AgentKinds kinds, Registry registry) {
        this.kinds = kinds;
        this.registry = registry;
    }

    /** Thrown in a cell that stops because {@code stopped} turned true (another cell of the benchmark failed). */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped because another run of the benchmark failed", null, false, false);
        }
    }

    /**
     * Runs the cell into {@code dir}.
     *
     * @param resume  read back a finished cell's {@value BenchRunner#CELL_FILE}, or continue from its checkpoint
     * @param onSteps told how many more training steps were taken, as the cell goes
     * @param stopped checked at every episode's end: when true the cell stops by throwing
     * @param notes   told what a resume had to repair or restart (see {@link TrainingRun.Listener#onNote})
     */
    public CellResult run(BenchSettings s, String agent, long seed, Path dir, boolean resume, LongConsumer onSteps,
                          BooleanSupplier stopped, Consumer<String> notes) {
        Map<String, String> trainOptions = ProceduralSplit.trainOptions(s.envId(), s.envOptions());
        Path cellFile = dir.resolve(BenchRunner.CELL_FILE);
        if (resume && Files.exists(cellFile)) {
            CellResult done = readCell(cellFile, agent, seed);
            onSteps.accept(done.steps());
            return done;
        }
        RunSettings run = new RunSettings(s.envId(), trainOptions, agent, s.agentConfigs().get(agent), s.steps(),
                seed, s.evalEvery(), s.evalEpisodes(), s.checkpointEvery(), s.numEnvs(), s.evalPolicy());
        long[] reported = {0};
        TrainingRun.Listener listener = new TrainingRun.Listener() {
            @Override
            public void onEpisode(Episode episode) {
                if (stopped.getAsBoolean()) {
                    throw new Stopped();
                }
                onSteps.accept(episode.endStep() - reported[0]);
                reported[0] = episode.endStep();
            }

            @Override
            public void onNote(String message) {
                notes.accept(message);
            }
        };
        TrainingRun training = new TrainingRun(kinds, registry);
        // A resumed cell continues from its checkpoint, or starts over if it stopped before its first one.
        TrainingRun.Outcome outcome = resume ? training.resume(run, dir, Long.MAX_VALUE, listener)
                : training.start(run, dir, Long.MAX_VALUE, listener);
        CellResult cell;
        try {
            onSteps.accept(outcome.steps() - reported[0]);
            cell = result(s, ProceduralSplit.heldOutOptions(s.envId(), trainOptions), agent, seed, outcome);
        } finally {
            outcome.agent().close();
        }
        try {
            AtomicFiles.writeString(cellFile, Checkpoints.JSON.writeValueAsString(cell));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return cell;
    }

    private static CellResult readCell(Path file, String agent, long seed) {
        CellResult cell;
        try {
            cell = Checkpoints.JSON.readValue(file.toFile(), CellResult.class);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("--resume: corrupt benchmark file " + file + ": "
                    + BenchRunner.firstLine(e) + "; delete it to run that cell again", e);
        }
        if (cell == null || !agent.equals(cell.agent()) || cell.seed() != seed || cell.evals() == null
                || cell.evals().isEmpty()) {
            throw new UserInputException("--resume: corrupt benchmark file " + file + ": not the result of "
                    + agent + " seed " + seed + "; delete it to run that cell again");
        }
        return cell;
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
        EvalResult testLevels = s.testLevels() == null ? null : testLevels(outcome, s);
        return new CellResult(agent, seed, outcome.evals(), outcome.steps(), outcome.updates(),
                outcome.trainSeconds(), stepsToSolve, secondsToSolve, heldOut, testLevels);
    }

    /** Held-out procedural levels, on the game as defined (no training aids), on as many copies as training. */
    private EvalResult heldOut(TrainingRun.Outcome outcome, BenchSettings s, Map<String, String> options) {
        EnvSpec<?, ?> spec = registry.spec(s.envId());
        try (VectorEnv env = SyncVectorEnv.of(spec, s.numEnvs(), spec.evaluationOptions(options))) {
            return Evaluation.run(outcome.agent(), env, s.evalPolicy(), s.evalEpisodes(), Evaluation.DEFAULT_SEED,
                    spec.rewardThreshold());
        }
    }

    /** The benchmark's folder of level files, each played {@code evalEpisodes} times. */
    private EvalResult testLevels(TrainingRun.Outcome outcome, BenchSettings s) {
        EnvSpec<?, ?> spec = registry.spec(s.envId());
        Map<String, String> trainOptions = ProceduralSplit.trainOptions(s.envId(), s.envOptions());
        Space<?> observes;
        try (Env<?, ?> trained = spec.make(trainOptions)) {
            observes = trained.observationSpace();
        }
        return TestLevels.evaluate(outcome.agent(), spec, trainOptions, Map.of(), observes,
                java.nio.file.Path.of(s.testLevels()), s.evalPolicy(), s.evalEpisodes(), Evaluation.DEFAULT_SEED,
                s.numEnvs()).overall();
    }
}
