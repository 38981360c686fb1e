package dev.levelgym.demo;

import java.util.Locale;

/**
 * How a demo run ended, as printed in its last output line.
 *
 * @param mode            the mode on show at the end ({@link DemoMode#label()})
 * @param result          "win", "loss" or "running"
 * @param steps           env steps of the episode on show
 * @param score           its return so far (CartPole: steps survived)
 * @param meanFrameMillis mean wall time between frames, warm-up frames excluded; NaN if there were too few
 */
public record DemoResult(String mode, String result, int steps, double score, double meanFrameMillis) {

    /** One line of JSON: {@code {"mode": ..., "result": ..., "steps": n, "score": s, "meanFrameMillis": f}}. */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"mode\": \"%s\", \"result\": \"%s\", \"steps\": %d, \"score\": %s, "
                + "\"meanFrameMillis\": %s}", mode, result, steps, number(score), number(meanFrameMillis));
    }

    private static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
