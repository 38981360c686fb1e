package dev.levelgym.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar over environment steps (with steps/s), or nothing when output is not a terminal or
 * {@code --no-progress} is given, so logs and tests get only the final report.
 */
final class ProgressDisplay implements AutoCloseable {

    private final ProgressBar bar;

    private ProgressDisplay(ProgressBar bar) {
        this.bar = bar;
    }

    static ProgressDisplay open(String task, long totalSteps, boolean enabled) {
        return open(task, totalSteps, " steps", enabled);
    }

    /** A bar counting in {@code unit} (e.g. {@code " runs"}) instead of environment steps. */
    static ProgressDisplay open(String task, long total, String unit, boolean enabled) {
        if (!enabled || System.console() == null) {
            return new ProgressDisplay(null);
        }
        return new ProgressDisplay(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(unit, 1).showSpeed().setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS).setUpdateIntervalMillis(250)
                .continuousUpdate().build());
    }

    void stepTo(long steps) {
        if (bar != null) {
            bar.stepTo(steps);
        }
    }

    synchronized void stepBy(long steps) {
        if (bar != null) {
            bar.stepBy(steps);
        }
    }

    void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
