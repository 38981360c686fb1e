package dev.levelgym.demo.studio;

import java.util.Locale;

/**
 * What K play-test runs of one level found: how often the player won and how long it took, and where the runs
 * that did not win ended, as counts per cell for the heatmap.
 *
 * @param player         who played ("planner" or the agent's label)
 * @param runs           runs played
 * @param wins           runs won
 * @param meanSteps      mean steps over all runs
 * @param meanStepsToWin mean steps over the won runs; NaN if none
 * @param width          the level's width (the heatmaps are row-major, width × height)
 * @param deaths         per cell, runs that died there
 * @param stuck          per cell, runs still there when the step limit ran out
 * @param note           how the runs differ from one another, for the HUD
 */
public record PlaytestReport(String player, int runs, int wins, double meanSteps, double meanStepsToWin, int width,
                             int[] deaths, int[] stuck, String note) {

    public PlaytestReport {
        deaths = deaths.clone();
        stuck = stuck.clone();
    }

    public double winRate() {
        return runs == 0 ? Double.NaN : (double) wins / runs;
    }

    /** The most runs that ended on any one cell: the heatmap's full colour. */
    public int hottest() {
        int max = 0;
        for (int i = 0; i < deaths.length; i++) {
            max = Math.max(max, Math.max(deaths[i], stuck[i]));
        }
        return max;
    }

    @Override
    public int[] deaths() {
        return deaths.clone();
    }

    @Override
    public int[] stuck() {
        return stuck.clone();
    }

    /** e.g. {@code planner: 7/10 won (70%), mean 31.2 steps}. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %d/%d won (%.0f%%), mean %.1f steps%s", player, wins, runs,
                100 * winRate(), meanSteps,
                Double.isNaN(meanStepsToWin) ? "" : String.format(Locale.ROOT, ", %.1f to win", meanStepsToWin));
    }
}
