package dev.levelgym.spark;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import dev.levelgym.generators.LevelMetrics;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts over part of a level set from which {@link LevelMetrics#evaluate}'s report of the whole set follows
 * exactly: tallies of partitions add up ({@link #merge}), so a million levels are measured where they were made
 * and only these counts travel. Every metric is a ratio of integer sums, computed with the same final arithmetic
 * as {@link LevelMetrics}, so the report equals the in-process one bit for bit:
 *
 * <ul>
 *   <li>the median solution length from a histogram of lengths;</li>
 *   <li>the pairwise Hamming sum from per-cell tile counts per level size
 *       ({@link LevelMetrics#pairwiseHammingSum});</li>
 *   <li>tile-pattern KL from the counts of the reference's patterns only, plus the window totals (see
 *       {@link LevelMetrics#tilePatternKL(Map, java.util.function.ToLongFunction, long)}).</li>
 * </ul>
 *
 * The duplicate share needs the number of distinct layouts, which the caller counts (Spark's {@code distinct}).
 */
final class LevelSetTally implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int TILES = DungeonTile.values().length;

    private long count;
    private long playable;
    private long identicalToReference;
    private long minHammingToReferenceSum;
    private long cells;
    private final TreeMap<Integer, Long> solutionLengths = new TreeMap<>();
    /** Per level size "WxH": per cell, per tile ordinal, the levels holding that tile there. */
    private final TreeMap<String, long[]> cellTiles = new TreeMap<>();
    private final long[] tiles = new long[TILES];
    /** Per pattern size: counts of the reference's patterns, and all windows. */
    private final Map<Integer, Map<String, Long>> referencePatterns = new TreeMap<>();
    private final Map<Integer, Long> windows = new TreeMap<>();

    /** Adds one level. */
    void add(DungeonLevel level, Reference reference, DungeonSolver solver) {
        count++;
        DungeonSolution s = solver.shortest(level);
        if (s.playable()) {
            playable++;
            solutionLengths.merge(s.length(), 1L, Long::sum);
        }
        if (reference.texts.contains(level.toText())) {
            identicalToReference++;
        }
        int min = Integer.MAX_VALUE;
        for (DungeonLevel r : reference.levels) {
            min = Math.min(min, LevelMetrics.hamming(level, r));
        }
        minHammingToReferenceSum += min;
        cells += level.cellCount();
        LevelMetrics.addCellTiles(cellTiles, level);
        for (int c = 0; c < level.cellCount(); c++) {
            tiles[level.tile(c).ordinal()]++;
        }
        for (int size : LevelMetrics.PATTERN_SIZES) {
            Map<String, Integer> inReference = reference.patterns.get(size);
            Map<String, Long> counted = referencePatterns.computeIfAbsent(size, k -> new HashMap<>());
            long total = 0;
            for (Map.Entry<String, Integer> e : LevelMetrics.patternCounts(List.of(level), size).entrySet()) {
                total += e.getValue();
                if (inReference.containsKey(e.getKey())) {
                    counted.merge(e.getKey(), e.getValue().longValue(), Long::sum);
                }
            }
            windows.merge(size, total, Long::sum);
        }
    }

    /** This tally plus {@code other}'s (this one is updated and returned). */
    LevelSetTally merge(LevelSetTally other) {
        count += other.count;
        playable += other.playable;
        identicalToReference += other.identicalToReference;
        minHammingToReferenceSum += other.minHammingToReferenceSum;
        cells += other.cells;
        other.solutionLengths.forEach((k, v) -> solutionLengths.merge(k, v, Long::sum));
        other.cellTiles.forEach((k, v) -> {
            long[] mine = cellTiles.get(k);
            if (mine == null) {
                cellTiles.put(k, v.clone());
            } else {
                for (int i = 0; i < v.length; i++) {
                    mine[i] += v[i];
                }
            }
        });
        for (int t = 0; t < TILES; t++) {
            tiles[t] += other.tiles[t];
        }
        other.referencePatterns.forEach((size, counts) -> {
            Map<String, Long> mine = referencePatterns.computeIfAbsent(size, k -> new HashMap<>());
            counts.forEach((k, v) -> mine.merge(k, v, Long::sum));
        });
        other.windows.forEach((k, v) -> windows.merge(k, v, Long::sum));
        return this;
    }

    long count() {
        return count;
    }

    /** The report of the whole set, given its number of distinct layouts (width and tiles). */
    LevelMetrics.Report report(long distinctLayouts, Reference reference) {
        double n = count;
        Map<Integer, Double> bySize = new LinkedHashMap<>();
        double kl = 0;
        for (int size : LevelMetrics.PATTERN_SIZES) {
            Map<String, Long> q = referencePatterns.getOrDefault(size, Map.of());
            double v = LevelMetrics.tilePatternKL(reference.patterns.get(size), key -> q.getOrDefault(key, 0L),
                    windows.getOrDefault(size, 0L));
            bySize.put(size, v);
            kl += v;
        }
        double cellsMean = count == 0 ? Double.NaN : (double) cells / count;
        double pairwise = meanPairwiseHamming();
        // As LevelMetrics.symbolHistogram: shares keyed by file character, in legend order.
        Map<Character, Double> histogram = new LinkedHashMap<>();
        for (DungeonTile t : DungeonTile.values()) {
            histogram.put(t.symbol(), cells == 0 ? Double.NaN : (double) tiles[t.ordinal()] / cells);
        }
        // Dungeon levels have no completion measure (LevelMetrics reports NaN for them too).
        return new LevelMetrics.Report((int) count, count == 0 ? Double.NaN : (double) playable / count,
                medianSolutionLength(), Double.NaN,
                count == 0 ? Double.NaN : (double) (count - distinctLayouts) / count,
                count == 0 ? Double.NaN : (double) identicalToReference / count,
                count == 0 || reference.levels.isEmpty() ? Double.NaN : (double) minHammingToReferenceSum / n,
                pairwise, pairwise / cellsMean, kl / LevelMetrics.PATTERN_SIZES.length, bySize, histogram);
    }

    /** As {@link LevelMetrics#median}: the middle length, or the mean of the two middle ones. */
    private double medianSolutionLength() {
        long n = solutionLengths.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? lengthAt(n / 2) : (lengthAt(n / 2 - 1) + lengthAt(n / 2)) / 2.0;
    }

    /** The {@code index}-th smallest length (0-based). */
    private int lengthAt(long index) {
        long seen = 0;
        for (Map.Entry<Integer, Long> e : solutionLengths.entrySet()) {
            seen += e.getValue();
            if (index < seen) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("index " + index + " beyond " + seen + " lengths");
    }

    private double meanPairwiseHamming() {
        return count < 2 ? Double.NaN
                : LevelMetrics.pairwiseHammingSum(cellTiles.values()) / (count * (count - 1) / 2.0);
    }

    /** The reference set as the tallies need it; built where it is used (it is small). */
    static final class Reference {
        final List<DungeonLevel> levels;
        final java.util.Set<String> texts = new java.util.HashSet<>();
        final Map<Integer, Map<String, Integer>> patterns = new HashMap<>();

        Reference(List<DungeonLevel> levels) {
            this.levels = List.copyOf(levels);
            levels.forEach(l -> texts.add(l.toText()));
            for (int size : LevelMetrics.PATTERN_SIZES) {
                patterns.put(size, LevelMetrics.patternCounts(levels, size));
            }
        }
    }
}
