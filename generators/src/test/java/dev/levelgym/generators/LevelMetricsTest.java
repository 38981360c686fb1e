package dev.levelgym.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LevelMetricsTest {

    // 3x3 levels: R is the reference; G1 equals it; G2 swaps key and door (2 cells differ) and is unplayable
    // (the door blocks the avatar before it can reach the key).
    private final DungeonLevel r = DungeonParser.parse("A+g\nwww\nwww\n", "r");
    private final DungeonLevel g1 = DungeonParser.parse("A+g\nwww\nwww\n", "g1");
    private final DungeonLevel g2 = DungeonParser.parse("Ag+\nwww\nwww\n", "g2");

    @Test
    void hammingAndNoveltyAndDiversity() {
        assertEquals(0, LevelMetrics.hamming(r, g1));
        assertEquals(2, LevelMetrics.hamming(r, g2));
        assertEquals(2.0, LevelMetrics.meanPairwiseHamming(List.of(g1, g2)));
        // pairs (g1,g1)=0, (g1,g2)=2, (g1,g2)=2 -> 4/3
        assertEquals(4 / 3.0, LevelMetrics.meanPairwiseHamming(List.of(g1, g1, g2)), 1e-12);
        assertEquals(0.5, LevelMetrics.identicalToReferenceShare(List.of(g1, g2), List.of(r)));
        assertEquals(1.0, LevelMetrics.meanMinHammingToReference(List.of(g1, g2), List.of(r)));
        assertEquals(1 / 3.0, LevelMetrics.duplicateShare(List.of(g1, g1, g2)), 1e-12);
        assertEquals(0.0, LevelMetrics.duplicateShare(List.of(g1, g2)));
        DungeonLevel wide = DungeonParser.parse("A+g.\nwwww\nwwww\n", "w");
        assertEquals(12, LevelMetrics.hamming(r, wide));
    }

    @Test
    void medianAndHistogram() {
        assertEquals(2.0, LevelMetrics.median(List.of(3, 1, 2)));
        assertEquals(2.5, LevelMetrics.median(List.of(4, 1, 3, 2)));
        Map<Character, Double> h = LevelMetrics.symbolHistogram(List.of(r), TileWorld.DUNGEON.legend());
        assertEquals(List.of('w', '.', 'A', '+', 'g', '1', '2', '3'), List.copyOf(h.keySet()));
        assertEquals(6 / 9.0, h.get(DungeonTile.WALL.symbol()), 1e-12);
        assertEquals(1 / 9.0, h.get(DungeonTile.KEY.symbol()), 1e-12);
        assertEquals(0.0, h.get(DungeonTile.FLOOR.symbol()));
    }

    @Test
    void tilePatternKlByHand() {
        // 2x2 windows of R: "A+ww", "+gww", "wwww" x2 (N = 4). Of G2: "Agww", "g+ww", "wwww" x2.
        // The two reference patterns missing from G2 each contribute p ln(p/q) with p = 1/(4+e) and
        // p/q = (1+e)/e; "wwww" has p = q and contributes 0.
        double e = LevelMetrics.EPSILON;
        double expected = 2 / (4 + e) * Math.log((1 + e) / e);
        assertEquals(expected, LevelMetrics.tilePatternKL(List.of(r), List.of(g2), 2), 1e-9);
        assertEquals(8.059, expected, 1e-3);
        assertEquals(0.0, LevelMetrics.tilePatternKL(List.of(r), List.of(g1), 2), 1e-12);
        // 3x3: one window each, different: p = 1/(1+e)... p/q = (1+e)/e
        assertEquals(1 / (1 + e) * Math.log((1 + e) / e), LevelMetrics.tilePatternKL(List.of(r), List.of(g2), 3),
                1e-9);
        // No 4x4 window fits a 3x3 level: KL 0.
        assertEquals(0.0, LevelMetrics.tilePatternKL(List.of(r), List.of(g2), 4));
    }

    @Test
    void reportCombinesEverything() {
        LevelMetrics.Report rep = LevelMetrics.evaluate(List.of(g1, g2), List.of(r));
        assertEquals(2, rep.count());
        assertEquals(0.5, rep.playableShare());
        assertEquals(2.0, rep.medianSolutionLength()); // A -> + -> g: 2 moves
        assertEquals(Double.NaN, rep.meanCompletion()); // Dungeon levels measure no completion
        assertEquals(0.0, rep.duplicateShare());
        assertEquals(2.0, rep.meanPairwiseHamming());
        assertEquals(2 / 9.0, rep.meanPairwiseHammingNormalized(), 1e-12);
        double e = LevelMetrics.EPSILON;
        // Pooled G = {g1, g2}: 2x2 counts N=8, "A+ww" 1, "+gww" 1, "wwww" 4; P(A+ww) = 1/(4+e), Q = (1+e)/((8+e)(1+e)).
        double p = (1 + e) / ((4 + e) * (1 + e));
        double q = (1 + e) / ((8 + e) * (1 + e));
        double pw = (2 + e) / ((4 + e) * (1 + e));
        double qw = (4 + e) / ((8 + e) * (1 + e));
        double kl2 = 2 * p * Math.log(p / q) + pw * Math.log(pw / qw);
        double p3 = (1 + e) / ((1 + e) * (1 + e));
        double q3 = (1 + e) / ((2 + e) * (1 + e));
        double kl3 = p3 * Math.log(p3 / q3);
        assertEquals((kl2 + kl3 + 0) / 3, rep.tilePatternKL(), 1e-9);
        assertEquals(kl2, rep.tilePatternKLBySize().get(2), 1e-12);
    }

    /** The per-cell count formula gives the pair-by-pair mean exactly, sizes mixed and duplicates included. */
    @Test
    void meanPairwiseHammingEqualsThePairByPairMean() {
        List<DungeonLevel> levels = new java.util.ArrayList<>();
        for (long s = 0; s < 7; s++) {
            levels.add(dungeon("rooms", GeneratorSettings.DEFAULT).generate(s));
            levels.add(dungeon("caves", GeneratorSettings.ofSize(15, 11)).generate(s));
        }
        levels.add(levels.get(2));
        levels.add(r);
        long sum = 0;
        for (int i = 0; i < levels.size(); i++) {
            for (int j = i + 1; j < levels.size(); j++) {
                sum += LevelMetrics.hamming(levels.get(i), levels.get(j));
            }
        }
        int n = levels.size();
        assertEquals(sum / (n * (n - 1) / 2.0), LevelMetrics.meanPairwiseHamming(levels));
    }

    @Test
    void splitHalfMeasuresEachHalfAgainstTheOtherAsAGeneratedSetIsMeasured() {
        DungeonLevel l0 = DungeonParser.parse("A+g\nwww\nwww\n", "l0");
        DungeonLevel l1 = DungeonParser.parse("Ag+\nwww\nwww\n", "l1");
        DungeonLevel l2 = DungeonParser.parse("+Ag\nwww\nwww\n", "l2");
        DungeonLevel l3 = DungeonParser.parse("A+g\nwww\nwww\n", "l3");
        // Halves by position: {l0, l2} and {l1, l3}; l3 repeats l0.
        LevelMetrics.SplitHalf own = LevelMetrics.splitHalf(List.of(l0, l1, l2, l3));
        assertEquals(2, own.halfA());
        assertEquals(2, own.halfB());
        // All six pairs: (l0,l1)=2 (l0,l2)=2 (l0,l3)=0 (l1,l2)=3 (l1,l3)=2 (l2,l3)=2.
        assertEquals(11 / 6.0, own.meanPairwiseHamming(), 1e-12);
        // Nearest in the other half: l0 -> l3 (0), l2 -> l3 (2), l1 -> l0 (2), l3 -> l0 (0).
        assertEquals(1.0, own.meanMinHammingToReference(), 1e-12);
        // l0 and l3 each equal a level of the other half.
        assertEquals(0.5, own.identicalShare(), 1e-12);
        assertEquals(0.25, own.duplicateShare(), 1e-12);
        // Each way round, one pattern of the half is missing from the other and the rest have equal shares. 2x2:
        // 8 windows a half, {A+, +g, +A, Ag} against {Ag, g+, A+, +g} and four all-wall ones each; 3x3: one window a
        // level, {l0, l2} against {l1, l0}; no 4x4 windows.
        double missing2 = LevelMetrics.prob(1, 8) * Math.log(LevelMetrics.prob(1, 8) / LevelMetrics.prob(0, 8));
        double missing3 = LevelMetrics.prob(1, 2) * Math.log(LevelMetrics.prob(1, 2) / LevelMetrics.prob(0, 2));
        assertEquals((missing2 + missing3) / 3, own.tilePatternKL(), 1e-9);

        LevelMetrics.SplitHalf same = LevelMetrics.splitHalf(List.of(l0, l0, l1, l1));
        assertEquals(0.0, same.tilePatternKL(), 1e-9, "both halves are {l0, l1}");
    }

    /** One-row levels of any width: enough to work the window measures out by hand. */
    private record Row(String id, String text) implements TileGrid {

        @Override
        public int width() {
            return text.length();
        }

        @Override
        public int height() {
            return 1;
        }

        @Override
        public char symbol(int x, int y) {
            return text.charAt(x);
        }

        @Override
        public String toText() {
            return text + "\n";
        }

        @Override
        public Row withId(String newId) {
            return new Row(newId, text);
        }
    }

    @Test
    void windowsAreCutAtEveryStrideWhileTheyFit() {
        List<TileGrid> w = LevelMetrics.windows(List.of(new Row("a", "abcde"), new Row("b", "xy"), new Row("c", "pqr")),
                2, 2);
        assertEquals(List.of("ab\n", "cd\n", "xy\n", "pq\n"), w.stream().map(TileGrid::toText).toList());
        assertEquals(List.of("a[0:2]", "a[2:4]", "b[0:2]", "c[0:2]"), w.stream().map(TileGrid::id).toList());
        assertEquals(List.of("ab\n", "bc\n", "cd\n", "de\n"),
                LevelMetrics.windows(List.of(new Row("a", "abcde")), 2, 1).stream().map(TileGrid::toText).toList());
        assertEquals(List.of(), LevelMetrics.windows(List.of(new Row("n", "a")), 2, 1), "narrower than a window");
    }

    @Test
    void theSplitHalfOverWindowsComparesEachHalfsConsecutiveWindowsWithEveryWindowOfTheOther() {
        // Halves by level: A = {aaaa, bab}, B = {abab}. Windows of 2 at stride 1: aa aa aa | ab ba ab | ba ab.
        List<Row> reference = List.of(new Row("0", "aaaa"), new Row("1", "abab"), new Row("2", "bab"));
        LevelMetrics.SplitHalf h = LevelMetrics.splitHalf(reference, 2);
        assertEquals(2, h.halfA());
        assertEquals(1, h.halfB());
        // All 8 windows, C(8,2) = 28 pairs: column 0 holds a 6 times, b 2 times -> 28 - 15 - 1 = 12 differing
        // pairs; column 1 holds a 5 times, b 3 times -> 28 - 10 - 3 = 15.
        assertEquals(27 / 28.0, h.meanPairwiseHamming(), 1e-12);
        // A's consecutive windows aa, aa (of aaaa) and ba (of bab) against B's ab ba ab: 1, 1, 0 (a copy);
        // B's ab, ab against A's aa aa aa ba ab: 0, 0 (copies). Five queries.
        assertEquals(2 / 5.0, h.meanMinHammingToReference(), 1e-12);
        assertEquals(3 / 5.0, h.identicalShare(), 1e-12);
        // Whole levels: aaaa and abab differ in 2 cells, but bab and abab, of different widths, count as 4 (they
        // share no layout, the reason for windows): (2 + 4 + 2) / 3.
        assertEquals(8 / 3.0, LevelMetrics.splitHalf(reference).meanMinHammingToReference(), 1e-12);
    }

    @Test
    void platformerLevelsAreComparedOverSegmentWideWindows() {
        String flat29 = platformer(29, -1);
        PlatformerLevel r1 = PlatformerParser.parse(flat29, "r1");
        PlatformerLevel r2 = PlatformerParser.parse(platformer(28, 3), "r2");
        PlatformerLevel g1 = PlatformerParser.parse(platformer(56, 30), "g1");
        PlatformerLevel g2 = PlatformerParser.parse(platformer(28, 3), "g2");
        assertEquals(28, TileWorld.PLATFORMER.diversityWindow().getAsInt());
        assertTrue(TileWorld.DUNGEON.diversityWindow().isEmpty());
        LevelMetrics.Report r = LevelMetrics.evaluate(TileWorld.PLATFORMER, List.of(g1, g2), List.of(r1, r2));
        // Consecutive windows: g1[0:28] is flat (a copy of r1's windows), g1[28:56] has its block at column 2
        // (1 cell from flat), g2 is r2.
        assertEquals(2 / 3.0, r.identicalToReferenceShare(), 1e-12);
        assertEquals(1 / 3.0, r.meanMinHammingToReference(), 1e-12);
        // Every window: g1's 29 (offsets 0..2 flat, 3..28 with the block at column 30 - offset, 27 down to 2) and
        // g2's (block at 3, as g1's window at offset 27). Flat-block pairs differ in 1 cell, blocks at two columns
        // in 2: (3 * 27 + (C(27, 2) - 1) * 2) / C(30, 2).
        assertEquals((3 * 27 + 350 * 2) / 435.0, r.meanPairwiseHamming(), 1e-12);
        assertEquals(r.meanPairwiseHamming() / (28 * 14), r.meanPairwiseHammingNormalized(), 1e-12);
        assertEquals(0.0, r.duplicateShare());
    }

    /** Ground in the bottom two rows and a question block at row 5 of {@code block} (none if negative). */
    private static String platformer(int width, int block) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < 14; y++) {
            for (int x = 0; x < width; x++) {
                sb.append(y >= 12 ? 'X' : y == 5 && x == block ? '?' : '-');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static LevelGenerator<DungeonLevel> dungeon(String name, GeneratorSettings settings) {
        return Generators.standard().create(name, TileWorld.DUNGEON, settings);
    }
}
