package dev.levelgym.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformerCorpusTest {

    @Test
    void sixOrMoreLongCompletableLevelsWithEveryKindOfFeature() {
        List<PlatformerLevel> levels = PlatformerCorpus.levels();
        assertTrue(levels.size() >= 6, "size " + levels.size());
        Set<PlatformerTile> used = new HashSet<>();
        for (PlatformerLevel l : levels) {
            assertEquals(14, l.height(), l.id());
            assertTrue(l.width() >= 150 && l.width() <= 250, l.id() + " is " + l.width() + " wide");
            PlatformerSolution s = PlatformerSolver.of(l);
            assertTrue(s.completable(), l.id() + " stops at column " + s.furthestX());
            PlatformerSolution withEnemies = EnemyAwareSolver.of(l);
            assertTrue(withEnemies.completable(), l.id() + " with enemies stops at column " + withEnemies.furthestX());
            assertTrue(s.jumps() >= 5, l.id() + " needs only " + s.jumps() + " jumps");
            assertTrue(l.count(PlatformerTile.ENEMY) > 0, l.id() + " has no enemy");
            int pits = 0;
            for (int x = 0; x < l.width(); x++) {
                pits += l.tile(x, 13) == PlatformerTile.EMPTY ? 1 : 0;
                used.add(l.tile(x, 0));
                for (int y = 0; y < 14; y++) {
                    used.add(l.tile(x, y));
                }
            }
            assertTrue(pits > 0, l.id() + " has no pit");
        }
        // Used blocks (Q) are what a bump leaves; a fresh level has none. Every other tile appears.
        for (PlatformerTile t : PlatformerTile.values()) {
            assertTrue(t == PlatformerTile.QUESTION_USED || used.contains(t), "no level uses " + t);
        }
        assertEquals(levels.size(), levels.stream().map(PlatformerLevel::toText).distinct().count());
    }

    @Test
    void theTileWorldsOfBothPlatformerVersionsServeTheCorpusAndTheirSolvers() {
        TileWorld<?> world = TileWorld.forEnv("Platformer-v1");
        assertEquals(TileWorld.PLATFORMER, world);
        assertEquals(TileWorld.PLATFORMER_V0, TileWorld.forEnv("Platformer-v0"));
        assertEquals(world.legend(), TileWorld.PLATFORMER_V0.legend());
        PlatformerLevel level = TileWorld.PLATFORMER_V0.corpus().get(0);
        assertEquals(EnemyAwareSolver.of(level, PlatformerRules.V0).length(),
                TileWorld.PLATFORMER_V0.solve(level).solutionLength().getAsInt());
        assertEquals("XS-?QE<>[]oBb", world.legend());
        PlatformerLevel first = TileWorld.PLATFORMER.corpus().get(0);
        Playability p = TileWorld.PLATFORMER.solve(first);
        assertTrue(p.playable());
        assertEquals(EnemyAwareSolver.of(first).length(), p.solutionLength().getAsInt());
        assertEquals(1.0, p.completion().getAsDouble());
        assertEquals(TileWorld.DUNGEON, TileWorld.forEnv("Dungeon-v0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TileWorld.forEnv("CartPole-v1"));
        assertTrue(e.getMessage().contains("'CartPole-v1'"), e.getMessage());
    }

    @Test
    void metricsOfPlatformerLevelsReportCompletion() {
        List<PlatformerLevel> corpus = PlatformerCorpus.levels();
        // The first level with a 22-column chasm cut at columns 100..121: wider than any jump, even from the highest brick.
        String[] rows = corpus.get(0).toText().split("\n");
        StringBuilder text = new StringBuilder();
        for (String row : rows) {
            text.append(row, 0, 100).append("-".repeat(22)).append(row.substring(122)).append('\n');
        }
        PlatformerLevel blocked = PlatformerParser.parse(text.toString(), "blocked");
        LevelMetrics.Report r = LevelMetrics.evaluate(TileWorld.PLATFORMER, List.of(corpus.get(0), blocked), corpus);
        assertEquals(2, r.count());
        assertEquals(0.5, r.playableShare());
        PlatformerSolution s = PlatformerSolver.of(blocked);
        assertEquals((1.0 + s.completion()) / 2, r.meanCompletion(), 1e-12);
        // Copies are counted over 28-column windows: every window of the corpus level, not those across the chasm.
        assertTrue(r.identicalToReferenceShare() > 0.5 && r.identicalToReferenceShare() < 1,
                "share " + r.identicalToReferenceShare());
        assertTrue(r.tilePatternKL() > 0, "a batch of 2 cannot match the patterns of all 6");
        assertEquals(0.0, LevelMetrics.evaluate(TileWorld.PLATFORMER, corpus, corpus).tilePatternKL(), 1e-9);
        assertEquals(List.of('X', 'S', '-', '?', 'Q', 'E', '<', '>', '[', ']', 'o', 'B', 'b'),
                List.copyOf(r.tileHistogram().keySet()));
    }
}
