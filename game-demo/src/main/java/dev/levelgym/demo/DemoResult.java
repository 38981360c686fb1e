package dev.levelgym.demo;

import dev.levelgym.demo.studio.StudioReport;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a demo run ended, as printed in its last output line.
 *
 * @param mode            the mode on show at the end ({@link DemoMode#label()})
 * @param result          "win", "loss" or "running"
 * @param steps           env steps of the episode on show
 * @param score           its return so far (CartPole: steps survived)
 * @param meanFrameMillis mean wall time between frames, warm-up frames excluded; NaN if there were too few
 * @param studio          the level studio's session when the run ended in the studio
 */
public record DemoResult(String mode, String result, int steps, double score, double meanFrameMillis,
                         Optional<StudioReport> studio) {

    public DemoResult {
        Objects.requireNonNull(studio, "studio");
    }

    /** A run that did not end in the studio. */
    public DemoResult(String mode, String result, int steps, double score, double meanFrameMillis) {
        this(mode, result, steps, score, meanFrameMillis, Optional.empty());
    }

    /**
     * One line of JSON: {@code {"mode": ..., "result": ..., "steps": n, "score": s, "meanFrameMillis": f}}, or in the
     * studio {@code {"mode": "studio", "world": ..., "playable": ..., "solutionLength": n or null, "edits": n,
     * "saved": FILE or null, "meanFrameMillis": f}}.
     */
    public String toJson() {
        if (studio.isPresent()) {
            StudioReport s = studio.get();
            return String.format(Locale.ROOT, "{\"mode\": \"studio\", \"world\": \"%s\", \"playable\": %s, "
                    + "\"solutionLength\": %s, \"edits\": %d, \"saved\": %s, \"meanFrameMillis\": %s}", s.world(),
                    s.playable(), s.solutionLength().isPresent() ? Integer.toString(s.solutionLength().getAsInt())
                            : "null", s.edits(), s.saved().map(p -> quote(p.toString())).orElse("null"),
                    number(meanFrameMillis));
        }
        return String.format(Locale.ROOT, "{\"mode\": \"%s\", \"result\": \"%s\", \"steps\": %d, \"score\": %s, "
                + "\"meanFrameMillis\": %s}", mode, result, steps, number(score), number(meanFrameMillis));
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
