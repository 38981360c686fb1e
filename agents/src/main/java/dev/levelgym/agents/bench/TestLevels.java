package dev.levelgym.agents.bench;

import dev.levelgym.agents.TrainableAgent;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.DungeonLevelSource;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.PlatformerLevelSource;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.spaces.Space;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test set made of level files: every level file of a folder (the files the env's {@code level=DIR} option would
 * read) played the same number of times, episode {@code k} of each seeded {@code seed + k}, on the game the agent
 * was trained for: the run's options without training aids or its choice of levels ({@link EnvSpec#gameOptions}),
 * under the evaluation's own options. The most telling test of an agent trained on procedural levels is a set of
 * levels people made.
 */
public final class TestLevels {

    /** The columns of a per-level CSV. */
    public static final String CSV_HEADER = "level,episodes,wins,win_rate,mean_return,mean_length";

    private TestLevels() {
    }

    /** How an agent did on one level file. */
    public record LevelResult(String level, int episodes, int wins, double meanReturn, double meanLength) {

        public double winRate() {
            return episodes == 0 ? Double.NaN : (double) wins / episodes;
        }
    }

    /** The whole set's result (over every episode) and each level's. */
    public record Result(EvalResult overall, List<LevelResult> perLevel) {
    }

    /**
     * The level files of {@code dir}, in the order they are played.
     *
     * @throws UserInputException naming the flag and folder if it is no folder, has no level files, or the env
     *                            reads no level files
     */
    public static List<Path> files(String envId, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("--test-levels: " + dir + " is not a folder");
        }
        List<Path> files;
        try {
            if (Dungeon.ID.equals(envId)) {
                files = DungeonLevelSource.Fixed.levelFiles(dir);
            } else if (Platformer.ID.equals(envId) || Platformer.ID_V0.equals(envId)) {
                files = PlatformerLevelSource.Fixed.levelFiles(dir);
            } else {
                throw new UserInputException("--test-levels: level files are defined for " + Dungeon.ID + ", "
                        + Platformer.ID + " and " + Platformer.ID_V0 + ", not " + envId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new UserInputException("--test-levels: " + dir + " holds no level files of " + envId);
        }
        return files;
    }

    /**
     * Plays every level file of {@code dir} {@code episodesPerLevel} times with the agent's greedy or sampled policy, on
     * {@code numEnvs} copies of the env at a time.
     *
     * @param runOptions  the options the agent was trained with
     * @param overrides   the evaluation's own options, over the game's
     * @param observes    the observation space the agent takes, to refuse a level of another size by name
     */
    public static Result evaluate(TrainableAgent<?> agent, EnvSpec<?, ?> spec, Map<String, String> runOptions,
                                  Map<String, String> overrides, Space<?> observes, Path dir, EvalPolicy policy,
                                  int episodesPerLevel, long seed, int numEnvs) {
        List<EvalEpisode> all = new ArrayList<>();
        List<LevelResult> perLevel = new ArrayList<>();
        for (Path file : files(spec.id(), dir)) {
            Map<String, String> options = new TreeMap<>(spec.gameOptions(runOptions));
            options.putAll(overrides);
            options.put(Dungeon.OPT_LEVEL, file.toString());
            List<EvalEpisode> episodes;
            try (VectorEnv env = SyncVectorEnv.of(spec, Math.min(numEnvs, episodesPerLevel), options)) {
                if (!observes.equals(env.singleObservationSpace())) {
                    throw new UserInputException("--test-levels: level file " + file + " gives observations "
                            + env.singleObservationSpace() + ", but the checkpoint takes " + observes
                            + " (the size of the levels it was trained on); test it on levels of that size");
                }
                episodes = Evaluation.episodes(agent, env, policy, episodesPerLevel, seed);
            }
            all.addAll(episodes);
            int wins = 0;
            double returns = 0;
            double lengths = 0;
            for (EvalEpisode e : episodes) {
                wins += Boolean.TRUE.equals(e.won()) ? 1 : 0;
                returns += e.totalReturn();
                lengths += e.length();
            }
            perLevel.add(new LevelResult(dir.relativize(file).toString(), episodes.size(), wins,
                    returns / episodes.size(), lengths / episodes.size()));
        }
        return new Result(Evaluation.summarize(all, spec.rewardThreshold()), List.copyOf(perLevel));
    }

    /** Writes the per-level results as CSV ({@value #CSV_HEADER}), through a temporary file and a rename. */
    public static void writeCsv(Path csv, List<LevelResult> results) {
        StringBuilder text = new StringBuilder(CSV_HEADER).append('\n');
        for (LevelResult r : results) {
            text.append(csvField(r.level())).append(',').append(r.episodes()).append(',').append(r.wins())
                    .append(',').append(String.format(Locale.ROOT, "%.4f,%.4f,%.2f", r.winRate(), r.meanReturn(),
                            r.meanLength())).append('\n');
        }
        try {
            AtomicFiles.writeString(csv, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
