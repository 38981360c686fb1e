package dev.levelgym.generators;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.grid.TileGrid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The level-set metrics of the PCG literature, for a batch of generated levels against a reference set (a
 * designer's corpus), in any {@link TileWorld}: the comparisons work on file characters ({@link TileGrid}), the
 * playability on the world's solver.
 *
 * <ul>
 *   <li><b>playableShare</b>: share of levels the world's solver can win ({@link DungeonSolver} for Dungeon-v0,
 *       {@code PlatformerSolver} for Platformer-v0).</li>
 *   <li><b>medianSolutionLength</b>: median shortest-solution length (moves, or ticks for Platformer-v0) over the
 *       playable levels (mean of the two middle values for an even count; NaN if none is playable).</li>
 *   <li><b>meanCompletion</b>: for worlds that measure it (Platformer-v0), the mean over all levels of the share
 *       of the level the solver gets through (1 for playable levels); NaN otherwise.</li>
 *   <li><b>duplicateShare</b>: (count − distinct layouts) / count — the share of levels that repeat an earlier one
 *       of the batch.</li>
 *   <li><b>identicalToReferenceShare</b>: share of levels whose tiles equal some reference level's.</li>
 *   <li><b>Hamming distance</b>: the number of cells whose tiles differ (raw count, as most PCG papers report;
 *       divide by the cell count, 117 at 13×9, for a share — {@link Report#meanPairwiseHammingNormalized} does).
 *       Levels of different sizes are at distance max(cells of either): they share no layout.</li>
 *   <li><b>meanMinHammingToReference</b> (novelty): mean over levels of the distance to the nearest reference
 *       level.</li>
 *   <li><b>meanPairwiseHamming</b> (diversity): mean over unordered pairs of distinct batch members.</li>
 *   <li><b>tilePatternKL</b> (Lucas &amp; Volz 2019, computed as in TOAD-GAN's {@code main_tile_pattern.py}): for
 *       pattern sizes 2, 3 and 4, count every s×s window (no padding) pooled over each set; with N the set's
 *       window total, a pattern's probability is {@code (count + ε) / ((N + ε)(1 + ε))}, ε = 1e-7, so patterns
 *       missing from one set get a tiny non-zero probability; {@code KL(P_reference ‖ Q_generated) = Σ_p P(p)
 *       ln(P(p)/Q(p))}, summed over the patterns that occur in the reference (natural log). The reported
 *       value is the mean over the three sizes. 0 means the batch reproduces the reference's pattern
 *       frequencies; it grows as reference patterns become rare or missing in the batch.</li>
 *   <li><b>tileHistogram</b>: share of all cells of the batch holding each tile, by file character in legend
 *       order.</li>
 * </ul>
 *
 * <p>What a designer's own levels score on the same measures ({@link #splitHalf}): the reference is split into two
 * halves (levels at even and at odd positions of its list), and each half is measured against the other as a
 * generated batch is measured against the whole reference, both ways round, averaged. This is the yardstick for
 * "as diverse as the corpus": a generator whose pairwise Hamming is below the corpus's draws a narrower set than its
 * designers did, and a KL below the split-half KL means its patterns are as close to the corpus as one half of the
 * corpus is to the other.
 *
 * <p><b>Windows.</b> Levels of different widths share no layout (their Hamming distance is the larger cell count), so
 * for a world whose levels vary in width ({@link TileWorld#diversityWindow()}: the platformer's, whose corpus levels
 * are 179 to 249 columns wide) the Hamming measures and the copies are taken over windows of a fixed width w (the
 * platformer GAN's segment width), on both sides alike: <b>meanPairwiseHamming</b> over every w-column window of
 * every level (each column offset, stride 1: for the corpus, the windows a GAN trains on, so the figure is the
 * expected distance between two windows drawn from the training distribution), and
 * <b>meanMinHammingToReference</b> and <b>identicalToReferenceShare</b> over each level's consecutive windows
 * (columns 0..w−1, w..2w−1, ...: a generated level's segments) against every window of the reference, a systematic
 * sample of the same means over all windows at a w-th of the cost. The duplicate share, playability, KL and histogram
 * stay whole-level measures.
 */
public final class LevelMetrics {

    public static final double EPSILON = 1e-7;
    public static final int[] PATTERN_SIZES = {2, 3, 4};

    private LevelMetrics() {
    }

    /** All metrics of {@code levels} against {@code reference}. */
    public record Report(int count, double playableShare, double medianSolutionLength, double meanCompletion,
            double duplicateShare, double identicalToReferenceShare, double meanMinHammingToReference,
            double meanPairwiseHamming, double meanPairwiseHammingNormalized, double tilePatternKL,
            Map<Integer, Double> tilePatternKLBySize, Map<Character, Double> tileHistogram) {
    }

    /**
     * The reference's own figures, split-half (see the class comment).
     *
     * @param halfA                     levels in the first half (even positions)
     * @param halfB                     levels in the second half (odd positions)
     * @param meanPairwiseHamming       over all pairs of the whole reference (the mean over the pairs within each
     *                                  half has the same expectation, with more noise)
     * @param meanMinHammingToReference each level's distance to the nearest level of the other half, averaged over
     *                                  all levels; the nearest of half the reference is on average a little farther
     *                                  than the nearest of all of it, as a generated level is measured
     * @param duplicateShare            of the whole reference
     * @param identicalShare            levels equal to a level of the other half
     * @param tilePatternKL             mean of KL(half A ‖ half B) and KL(half B ‖ half A), each the mean over the
     *                                  {@link #PATTERN_SIZES}
     */
    public record SplitHalf(int halfA, int halfB, double meanPairwiseHamming, double meanMinHammingToReference,
            double duplicateShare, double identicalShare, double tilePatternKL) {
    }

    /** The split-half figures of {@code reference}; NaN where a half is empty (fewer than two levels). */
    public static SplitHalf splitHalf(List<? extends TileGrid> reference) {
        return splitHalf(reference, 0);
    }

    /**
     * The split-half figures of {@code reference} with its Hamming measures taken over {@code window}-column windows
     * (see the class comment; 0: whole levels). The halves are split by level, so no window of one half overlaps
     * one of the other.
     */
    public static SplitHalf splitHalf(List<? extends TileGrid> reference, int window) {
        List<TileGrid> a = new ArrayList<>();
        List<TileGrid> b = new ArrayList<>();
        for (int i = 0; i < reference.size(); i++) {
            (i % 2 == 0 ? a : b).add(reference.get(i));
        }
        double nearest = Double.NaN;
        double identical = Double.NaN;
        double kl = Double.NaN;
        if (!b.isEmpty()) {
            // Each level (or consecutive window) of one half against the other half, weighted by how many there are.
            List<TileGrid> qa = window == 0 ? a : windows(a, window, window);
            List<TileGrid> qb = window == 0 ? b : windows(b, window, window);
            List<TileGrid> ra = window == 0 ? a : windows(a, window, 1);
            List<TileGrid> rb = window == 0 ? b : windows(b, window, 1);
            int queries = qa.size() + qb.size();
            nearest = (meanMinHammingToReference(qa, rb) * qa.size() + meanMinHammingToReference(qb, ra) * qb.size())
                    / queries;
            identical = (identicalToReferenceShare(qa, rb) * qa.size() + identicalToReferenceShare(qb, ra)
                    * qb.size()) / queries;
            kl = 0;
            for (int s : PATTERN_SIZES) {
                kl += (tilePatternKL(a, b, s) + tilePatternKL(b, a, s)) / 2;
            }
            kl /= PATTERN_SIZES.length;
        }
        return new SplitHalf(a.size(), b.size(),
                meanPairwiseHamming(window == 0 ? reference : windows(reference, window, 1)), nearest,
                duplicateShare(reference), identical, kl);
    }

    /** All metrics of Dungeon-v0 {@code levels} against {@code reference}. */
    public static Report evaluate(List<DungeonLevel> levels, List<DungeonLevel> reference) {
        return evaluate(TileWorld.DUNGEON, levels, reference);
    }

    /** All metrics of {@code levels} of {@code world} against {@code reference}. */
    public static <L extends TileGrid> Report evaluate(TileWorld<L> world, List<? extends L> levels,
            List<? extends TileGrid> reference) {
        int playable = 0;
        List<Integer> lengths = new ArrayList<>();
        double completion = 0;
        boolean measured = false;
        for (L l : levels) {
            Playability p = world.solve(l);
            if (p.playable()) {
                playable++;
                lengths.add(p.solutionLength().getAsInt());
            }
            if (p.completion().isPresent()) {
                measured = true;
                completion += p.completion().getAsDouble();
            }
        }
        int window = world.diversityWindow().orElse(0);
        List<? extends TileGrid> all = window == 0 ? levels : windows(levels, window, 1);
        List<? extends TileGrid> queries = window == 0 ? levels : windows(levels, window, window);
        List<? extends TileGrid> against = window == 0 ? reference : windows(reference, window, 1);
        Map<Integer, Double> bySize = new LinkedHashMap<>();
        double kl = 0;
        for (int s : PATTERN_SIZES) {
            double v = tilePatternKL(reference, levels, s);
            bySize.put(s, v);
            kl += v;
        }
        double cellsMean = all.stream().mapToInt(l -> l.width() * l.height()).average().orElse(Double.NaN);
        double pairwise = meanPairwiseHamming(all);
        return new Report(levels.size(), levels.isEmpty() ? Double.NaN : (double) playable / levels.size(),
                median(lengths), measured ? completion / levels.size() : Double.NaN, duplicateShare(levels),
                identicalToReferenceShare(queries, against), meanMinHammingToReference(queries, against), pairwise,
                pairwise / cellsMean, kl / PATTERN_SIZES.length, bySize, symbolHistogram(levels, world.legend()));
    }

    /**
     * The {@code width}-column windows (all rows) of each level, level by level, starting at columns 0, stride,
     * 2·stride, ... while the window fits; a level narrower than {@code width} has none. Ids are
     * {@code <level id>[from:to]}.
     */
    public static List<TileGrid> windows(List<? extends TileGrid> levels, int width, int stride) {
        if (width < 1 || stride < 1) {
            throw new IllegalArgumentException("window width and stride must be positive: " + width + ", " + stride);
        }
        List<TileGrid> windows = new ArrayList<>();
        for (TileGrid l : levels) {
            for (int from = 0; from + width <= l.width(); from += stride) {
                windows.add(new Window(l.id() + "[" + from + ":" + (from + width) + "]", l, from, width));
            }
        }
        return windows;
    }

    /** Columns {@code from .. from + width − 1} of a level, all rows; a view, nothing copied. */
    private record Window(String id, TileGrid level, int from, int width) implements TileGrid {

        @Override
        public int height() {
            return level.height();
        }

        @Override
        public char symbol(int x, int y) {
            return level.symbol(from + x, y);
        }

        @Override
        public String toText() {
            StringBuilder sb = new StringBuilder((width + 1) * height());
            for (int y = 0; y < height(); y++) {
                for (int x = 0; x < width; x++) {
                    sb.append(symbol(x, y));
                }
                sb.append('\n');
            }
            return sb.toString();
        }

        @Override
        public Window withId(String newId) {
            return new Window(newId, level, from, width);
        }
    }

    /** Cells whose tiles differ; max(cell counts) for levels of different sizes. */
    public static int hamming(TileGrid a, TileGrid b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            return Math.max(a.width() * a.height(), b.width() * b.height());
        }
        int d = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                if (a.symbol(x, y) != b.symbol(x, y)) {
                    d++;
                }
            }
        }
        return d;
    }

    public static double median(List<Integer> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        int[] v = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    public static double duplicateShare(List<? extends TileGrid> levels) {
        if (levels.isEmpty()) {
            return Double.NaN;
        }
        Set<String> distinct = new HashSet<>();
        for (TileGrid l : levels) {
            distinct.add(l.width() + ":" + l.toText());
        }
        return (double) (levels.size() - distinct.size()) / levels.size();
    }

    public static double identicalToReferenceShare(List<? extends TileGrid> levels,
            List<? extends TileGrid> reference) {
        if (levels.isEmpty()) {
            return Double.NaN;
        }
        Set<String> ref = new HashSet<>();
        for (TileGrid l : reference) {
            ref.add(l.toText());
        }
        return (double) levels.stream().filter(l -> ref.contains(l.toText())).count() / levels.size();
    }

    public static double meanMinHammingToReference(List<? extends TileGrid> levels,
            List<? extends TileGrid> reference) {
        if (levels.isEmpty() || reference.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (TileGrid l : levels) {
            int min = Integer.MAX_VALUE;
            for (TileGrid r : reference) {
                min = Math.min(min, hamming(l, r));
            }
            sum += min;
        }
        return sum / levels.size();
    }

    /**
     * Mean over the n(n−1)/2 unordered pairs; NaN for fewer than two levels. Computed from
     * {@link #addCellTiles cell tile counts} in O(n · cells) (see {@link #pairwiseHammingSum}), not pair by pair.
     */
    public static double meanPairwiseHamming(List<? extends TileGrid> levels) {
        long n = levels.size();
        if (n < 2) {
            return Double.NaN;
        }
        Map<String, long[]> counts = new HashMap<>();
        for (TileGrid l : levels) {
            addCellTiles(counts, l);
        }
        return pairwiseHammingSum(counts.values()) / (n * (n - 1) / 2.0);
    }

    /**
     * Adds {@code level} to per-size tile counts: under key {@code "WxH"}, {@code counts[c * T + t]} is the number
     * of levels of that size holding the tile of file character {@code t} (T = {@value #SYMBOLS}, every legend
     * character of every world is ASCII) at cell {@code c}.
     */
    public static void addCellTiles(Map<String, long[]> counts, TileGrid level) {
        int w = level.width();
        int cells = w * level.height();
        long[] perCell = counts.computeIfAbsent(w + "x" + level.height(), k -> new long[cells * SYMBOLS]);
        for (int c = 0; c < cells; c++) {
            perCell[c * SYMBOLS + level.symbol(c % w, c / w)]++;
        }
    }

    /** DungeonTile slots per cell in {@link #addCellTiles}: one per ASCII character. */
    static final int SYMBOLS = 128;

    /**
     * The sum of {@link #hamming} over all unordered pairs of the levels counted in {@code countsBySize} (see
     * {@link #addCellTiles}): two levels of one size differ at a cell unless both hold the same tile there, so
     * the pairs differing at a cell are all pairs minus Σ over tiles of C(count, 2); a pair of different sizes
     * counts the larger cell count.
     */
    public static long pairwiseHammingSum(java.util.Collection<long[]> countsBySize) {
        int tiles = SYMBOLS;
        List<long[]> seen = new ArrayList<>(); // {levels, cells} per size
        long sum = 0;
        for (long[] perCell : countsBySize) {
            int cells = perCell.length / tiles;
            long levels = 0;
            for (int t = 0; t < tiles; t++) {
                levels += perCell[t];
            }
            for (int c = 0; c < cells; c++) {
                long differing = levels * (levels - 1) / 2;
                for (int t = 0; t < tiles; t++) {
                    long k = perCell[c * tiles + t];
                    differing -= k * (k - 1) / 2;
                }
                sum += differing;
            }
            for (long[] other : seen) {
                sum += other[0] * levels * Math.max(other[1], cells);
            }
            seen.add(new long[] {levels, cells});
        }
        return sum;
    }

    /** Counts of every size×size window's tiles (row-major pattern key), pooled over the levels. */
    public static Map<String, Integer> patternCounts(List<? extends TileGrid> levels, int size) {
        Map<String, Integer> counts = new HashMap<>();
        char[] key = new char[size * size];
        for (TileGrid l : levels) {
            for (int y = 0; y + size <= l.height(); y++) {
                for (int x = 0; x + size <= l.width(); x++) {
                    for (int dy = 0; dy < size; dy++) {
                        for (int dx = 0; dx < size; dx++) {
                            key[dy * size + dx] = l.symbol(x + dx, y + dy);
                        }
                    }
                    counts.merge(new String(key), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** KL(P_reference ‖ Q_generated) over size×size patterns, TOAD-GAN's smoothing (see the class comment). */
    public static double tilePatternKL(List<? extends TileGrid> reference, List<? extends TileGrid> generated,
            int size) {
        Map<String, Integer> q = patternCounts(generated, size);
        return tilePatternKL(patternCounts(reference, size), key -> q.getOrDefault(key, 0),
                q.values().stream().mapToLong(Integer::longValue).sum());
    }

    /**
     * The same KL from counts: the reference's pattern counts {@code p}, and of the generated set only the count of
     * each reference pattern and the window total {@code nq}, which is all the sum needs (so that partial counts
     * of a large set can be added up elsewhere, e.g. across Spark partitions).
     */
    public static double tilePatternKL(Map<String, Integer> p, ToLongFunction<String> q, long nq) {
        long np = p.values().stream().mapToLong(Integer::longValue).sum();
        double kl = 0;
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            double pp = prob(e.getValue(), np);
            double qq = prob(q.applyAsLong(e.getKey()), nq);
            kl += pp * Math.log(pp / qq);
        }
        return kl;
    }

    static double prob(long count, long total) {
        return (count + EPSILON) / ((total + EPSILON) * (1 + EPSILON));
    }

    /**
     * Share of all cells of the levels holding each file character of {@code legend}, in legend order (every
     * character listed, 0 if absent; NaN for no cells).
     */
    public static Map<Character, Double> symbolHistogram(List<? extends TileGrid> levels, String legend) {
        Map<Character, Long> counts = new HashMap<>();
        long total = 0;
        for (TileGrid l : levels) {
            for (int y = 0; y < l.height(); y++) {
                for (int x = 0; x < l.width(); x++) {
                    counts.merge(l.symbol(x, y), 1L, Long::sum);
                }
            }
            total += (long) l.width() * l.height();
        }
        Map<Character, Double> h = new LinkedHashMap<>();
        for (char c : legend.toCharArray()) {
            h.put(c, total == 0 ? Double.NaN : (double) counts.getOrDefault(c, 0L) / total);
        }
        return h;
    }
}
