package dev.levelgym.agents.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of a training run directory: {@code run.json}, {@code episodes.csv}, {@code eval.csv} and the
 * {@code checkpoint/} directory, with their CSV formats.
 */
public final class RunFiles {

    public static final String RUN_JSON = "run.json";
    public static final String EPISODES_CSV = "episodes.csv";
    public static final String EVAL_CSV = "eval.csv";
    public static final String CHECKPOINT = "checkpoint";
    public static final String EPISODES_HEADER = "seed,episode,global_step,return,length,wall_seconds";
    public static final String EVAL_HEADER = "global_step,mean,std,win_rate,wall_seconds,train_seconds";

    private RunFiles() {
    }

    /** An evaluation during a run: at {@code globalStep}, after {@code trainSeconds} spent in training calls. */
    public record EvalPoint(long globalStep, EvalResult result, double wallSeconds, double trainSeconds) {
    }

    /** A training episode's end as plotted: the step it ended at and its return. */
    public record EpisodePoint(long globalStep, double episodeReturn) {
    }

    static String episodeRow(long seed, long episode, long globalStep, double episodeReturn, int length,
                             double wallSeconds) {
        return seed + "," + episode + "," + globalStep + "," + episodeReturn + "," + length + ","
                + String.format(Locale.ROOT, "%.3f", wallSeconds);
    }

    static String evalRow(EvalPoint p) {
        EvalResult r = p.result();
        return p.globalStep() + "," + r.mean() + "," + r.std() + "," + (Double.isNaN(r.winRate()) ? "" : r.winRate())
                + "," + String.format(Locale.ROOT, "%.3f,%.3f", p.wallSeconds(), p.trainSeconds());
    }

    public static List<EvalPoint> readEvals(Path file) {
        List<EvalPoint> points = new ArrayList<>();
        for (String[] f : rows(file)) {
            points.add(new EvalPoint(Long.parseLong(f[0]), new EvalResult(0, Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]), f[3].isEmpty() ? Double.NaN : Double.parseDouble(f[3]), false),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5])));
        }
        return points;
    }

    public static List<EpisodePoint> readEpisodes(Path file) {
        List<EpisodePoint> points = new ArrayList<>();
        for (String[] f : rows(file)) {
            points.add(new EpisodePoint(Long.parseLong(f[2]), Double.parseDouble(f[3])));
        }
        return points;
    }

    /** The data rows of a CSV this class wrote (header skipped); none if the file does not exist. */
    static List<String[]> rows(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites {@code file} keeping the header and the rows whose column {@code stepColumn} is at most {@code step}. */
    static void truncateAfter(Path file, String header, int stepColumn, long step) throws IOException {
        List<String> kept = new ArrayList<>();
        kept.add(header);
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.split(",", -1);
                if (f.length > stepColumn && !line.isBlank() && Long.parseLong(f[stepColumn]) <= step) {
                    kept.add(line);
                }
            }
        }
        Files.write(file, kept);
    }
}
