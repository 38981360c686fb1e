package dev.levelgym.demo.studio;

import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.generators.LevelMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measures {@code levelgym level evaluate} reports, for the one level being edited against a world's bundled
 * corpus (its default reference set): tile-pattern KL, the nearest corpus level by Hamming distance (and whether
 * the level is a copy of one), and the tile histogram. The set-only measures (duplicates, pairwise distance) say
 * nothing about one level and are left out. The corpus's pattern counts are computed once, so an edit costs only
 * the level's own counts.
 */
final class CorpusMeasures {

    private final List<? extends TileGrid> corpus;
    private final String legend;
    private final List<Map<String, Integer>> referencePatterns = new ArrayList<>();

    CorpusMeasures(List<? extends TileGrid> corpus, String legend) {
        this.corpus = List.copyOf(corpus);
        this.legend = legend;
        for (int size : LevelMetrics.PATTERN_SIZES) {
            referencePatterns.add(LevelMetrics.patternCounts(this.corpus, size));
        }
    }

    /** Adds the measures of {@code level} to {@code out}, formatted for the HUD. */
    void add(TileGrid level, List<LiveCheck.Measure> out) {
        double kl = 0;
        for (int i = 0; i < LevelMetrics.PATTERN_SIZES.length; i++) {
            Map<String, Integer> q = LevelMetrics.patternCounts(List.of(level), LevelMetrics.PATTERN_SIZES[i]);
            long nq = q.values().stream().mapToLong(Integer::longValue).sum();
            kl += LevelMetrics.tilePatternKL(referencePatterns.get(i), key -> q.getOrDefault(key, 0), nq);
        }
        out.add(measure("tilePatternKL", String.format(Locale.ROOT, "%.3f", kl / LevelMetrics.PATTERN_SIZES.length)));
        int nearest = Integer.MAX_VALUE;
        String nearestId = null;
        for (TileGrid r : corpus) {
            if (r.width() == level.width() && r.height() == level.height()) {
                int d = LevelMetrics.hamming(level, r);
                if (d < nearest) {
                    nearest = d;
                    nearestId = r.id();
                }
            }
        }
        out.add(measure("minHammingToReference", nearestId == null
                ? "n/a (no corpus level is " + level.width() + "x" + level.height() + ")"
                : nearest + " cells (" + nearestId + ")" + (nearest == 0 ? ", a copy" : "")));
        StringBuilder h = new StringBuilder();
        for (Map.Entry<Character, Double> e : LevelMetrics.symbolHistogram(List.of(level), legend).entrySet()) {
            // Shares under half a percent would print as 0%.
            if (e.getValue() >= 0.005) {
                h.append(h.isEmpty() ? "" : " ").append(e.getKey()).append(String.format(Locale.ROOT, "=%.0f%%",
                        100 * e.getValue()));
            }
        }
        out.add(measure("tileHistogram", h.toString()));
    }

    private static LiveCheck.Measure measure(String name, String value) {
        return new LiveCheck.Measure(name, value, java.util.Optional.empty(), false);
    }
}
