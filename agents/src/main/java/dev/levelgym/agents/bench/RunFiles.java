package dev.levelgym.agents.bench;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.io.FileDigests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of a training run directory: {@code run.json}, {@code episodes.csv}, {@code eval.csv} and the
 * {@code checkpoint/} directory, with their CSV formats.
 *
 * <p>Each checkpoint also holds the run's own record as of its step, so that a resumed run loses nothing:
 * {@value #CHECKPOINT_EVALS} (a copy of eval.csv up to the checkpoint, from which a missing, cut or damaged eval.csv
 * is restored) and {@value #CHECKPOINT_PROGRESS} (the length and SHA-256 of episodes.csv at the checkpoint, so the
 * episodes it covers are checked and everything after them cut off).
 */
public final class RunFiles {

    public static final String RUN_JSON = "run.json";
    public static final String EPISODES_CSV = "episodes.csv";
    public static final String EVAL_CSV = "eval.csv";
    public static final String CHECKPOINT = "checkpoint";
    public static final String EPISODES_HEADER = "seed,episode,global_step,return,length,wall_seconds";
    public static final String EVAL_HEADER = "global_step,mean,std,win_rate,wall_seconds,train_seconds";
    /** In a checkpoint: eval.csv as it was at the checkpoint's step. */
    public static final String CHECKPOINT_EVALS = "run-eval.csv";
    /** In a checkpoint: episodes.csv's length and SHA-256 at the checkpoint's step ({@link Progress}). */
    public static final String CHECKPOINT_PROGRESS = "run-progress.json";

    private static final int EPISODE_FIELDS = 6;
    private static final int EVAL_FIELDS = 6;

    private RunFiles() {
    }

    /** An evaluation during a run: at {@code globalStep}, after {@code trainSeconds} spent in training calls. */
    public record EvalPoint(long globalStep, EvalResult result, double wallSeconds, double trainSeconds) {
    }

    /** A training episode's end as plotted: the step it ended at and its return. */
    public record EpisodePoint(long globalStep, double episodeReturn) {
    }

    /** {@value #CHECKPOINT_PROGRESS}: the bytes of episodes.csv a checkpoint covers. */
    public record Progress(FileDigests.Digest episodesCsv) {
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

    /** eval.csv's whole text for {@code evals}. */
    static String evalText(List<EvalPoint> evals) {
        StringBuilder text = new StringBuilder(EVAL_HEADER).append('\n');
        for (EvalPoint p : evals) {
            text.append(evalRow(p)).append('\n');
        }
        return text.toString();
    }

    /** @throws UserInputException naming the file and line of a row that is not an evaluation */
    public static List<EvalPoint> readEvals(Path file) {
        return parseEvals(file, read(file));
    }

    /** @throws UserInputException naming the file and line of a row that is not an episode */
    public static List<EpisodePoint> readEpisodes(Path file) {
        List<EpisodePoint> points = new ArrayList<>();
        List<String> lines = read(file);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = fields(file, lines, i, EPISODE_FIELDS);
            try {
                points.add(new EpisodePoint(Long.parseLong(f[2]), Double.parseDouble(f[3])));
            } catch (NumberFormatException e) {
                throw damaged(file, i, lines.get(i));
            }
        }
        return points;
    }

    /** The evaluations in {@code lines} (a header first); {@code file} names them in errors. */
    static List<EvalPoint> parseEvals(Path file, List<String> lines) {
        List<EvalPoint> points = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = fields(file, lines, i, EVAL_FIELDS);
            try {
                points.add(new EvalPoint(Long.parseLong(f[0]), new EvalResult(0, Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]), f[3].isEmpty() ? Double.NaN : Double.parseDouble(f[3]), false),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            } catch (NumberFormatException e) {
                throw damaged(file, i, lines.get(i));
            }
        }
        return points;
    }

    /** The file's lines; none if it does not exist. */
    private static List<String> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String[] fields(Path file, List<String> lines, int index, int count) {
        String[] f = lines.get(index).split(",", -1);
        if (f.length != count) {
            throw damaged(file, index, lines.get(index));
        }
        return f;
    }

    private static UserInputException damaged(Path file, int index, String line) {
        String shown = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        return new UserInputException(file + ":" + (index + 1) + ": damaged row '" + shown + "'");
    }

    /**
     * For a checkpoint written before checkpoints recorded the run's files: rewrites {@code file} (atomically)
     * keeping the header and the complete rows whose column {@code stepColumn} is at most {@code step}. A last row
     * without its line end (a kill or a full disk cut it) is dropped; any other row that does not parse is an
     * error naming the file and line, since the rows after it cannot be trusted.
     *
     * @return the rows kept
     */
    static List<String> truncateAfter(Path file, String header, int fields, int stepColumn, long step)
            throws IOException {
        List<String> kept = new ArrayList<>();
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(text.lines().toList());
            if (!text.isEmpty() && !text.endsWith("\n") && !lines.isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                long rowStep;
                try {
                    if (f.length != fields) {
                        throw new NumberFormatException();
                    }
                    rowStep = Long.parseLong(f[stepColumn]);
                } catch (NumberFormatException e) {
                    throw damaged(file, i, line);
                }
                if (rowStep <= step) {
                    kept.add(line);
                }
            }
        }
        StringBuilder out = new StringBuilder(header).append('\n');
        kept.forEach(l -> out.append(l).append('\n'));
        AtomicFiles.writeString(file, out.toString());
        return kept;
    }
}
