package dev.levelgym.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlatformerRepairTest {

    /** 14 rows of {@code width} sky with two rows of ground, then {@code edit} applied to the rows. */
    private static char[][] flat(int width) {
        char[][] rows = new char[14][width];
        for (char[] r : rows) {
            Arrays.fill(r, '-');
        }
        Arrays.fill(rows[12], 'X');
        Arrays.fill(rows[13], 'X');
        return rows;
    }

    private static String text(char[][] rows) {
        StringBuilder sb = new StringBuilder();
        for (char[] r : rows) {
            sb.append(r).append('\n');
        }
        return sb.toString();
    }

    /**
     * Every edit is needed: undoing any one of them leaves a level the player cannot finish from the same start (one
     * whose start moved right would skip the opening columns).
     */
    private static void assertEachEditNeeded(String original, PlatformerRepair.Result r) {
        for (PlatformerRepair.Edit e : r.edits()) {
            char[][] rows = Arrays.stream(r.level().toText().split("\n")).map(String::toCharArray)
                    .toArray(char[][]::new);
            rows[e.y()][e.x()] = e.from();
            try {
                PlatformerLevel without = PlatformerParser.parse(text(rows), "without");
                assertFalse(without.startX() <= r.level().startX() && PlatformerSolver.of(without).completable()
                        && EnemyAwareSolver.of(without).completable(),
                        "edit " + e + " is not needed:\n" + original);
            } catch (IllegalArgumentException noStart) {
                // undoing it removes the start: needed
            }
        }
    }

    @Test
    void aFinishableLevelComesBackUnchanged() {
        for (PlatformerLevel level : PlatformerCorpus.levels()) {
            PlatformerRepair.Result r = PlatformerRepair.repair(level);
            assertEquals(0, r.edits().size(), level.id());
            assertTrue(r.level().sameLayout(level));
        }
    }

    @Test
    void aPitTooWideToJumpGetsAStepInIt() {
        char[][] rows = flat(60);
        for (int x = 20; x < 40; x++) {
            rows[12][x] = '-';
            rows[13][x] = '-';
        }
        String text = text(rows);
        assertFalse(PlatformerSolver.of(PlatformerParser.parse(text, "pit")).completable());
        PlatformerRepair.Result r = PlatformerRepair.repair(text, "pit");
        assertTrue(PlatformerSolver.of(r.level()).completable());
        assertTrue(r.edits().size() <= 2, "a 20-column pit needs a stepping stone or two: " + r.edits());
        assertTrue(r.edits().stream().allMatch(e -> e.x() >= 20 && e.x() < 40 && e.to() == 'X'), r.edits().toString());
        assertEachEditNeeded(text, r);
    }

    @Test
    void theRepairFollowsTheRulesOfTheVersionAsked() {
        char[][] rows = flat(50);
        for (int x = 20; x < 29; x++) {
            rows[12][x] = '-';
            rows[13][x] = '-';
        }
        String text = text(rows);
        // Nine columns: Platformer-v1's jump from a run clears them, v0's fixed jump of eight does not.
        assertTrue(PlatformerRepair.repair(text, "pit").edits().isEmpty());
        assertTrue(PlatformerRepair.repair(text, "pit", PlatformerRules.V1).edits().isEmpty());
        PlatformerRepair.Result v0 = PlatformerRepair.repair(text, "pit", PlatformerRules.V0);
        assertFalse(v0.edits().isEmpty());
        assertTrue(PlatformerSolver.of(v0.level(), PlatformerRules.V0).completable());
        assertTrue(EnemyAwareSolver.of(v0.level(), PlatformerRules.V0).completable());
    }

    @Test
    void aWallTooHighToJumpIsCutThroughOrStepped() {
        char[][] rows = flat(40);
        for (int y = 2; y < 12; y++) {
            rows[y][20] = 'X';
            rows[y][21] = 'X';
        }
        String text = text(rows);
        PlatformerRepair.Result r = PlatformerRepair.repair(text, "wall");
        assertTrue(PlatformerSolver.of(r.level()).completable());
        assertTrue(r.edits().size() <= 2, r.edits().toString());
        assertEachEditNeeded(text, r);
    }

    @Test
    void aMapWithoutAStartGetsOneInTheFirstColumnAndAWayOn() {
        char[][] rows = new char[14][30];
        for (char[] r : rows) {
            Arrays.fill(r, '-');
        }
        String text = text(rows);
        assertThrows(IllegalArgumentException.class, () -> PlatformerParser.parse(text, "sky"));
        PlatformerRepair.Result r = PlatformerRepair.repair(text, "sky");
        assertEquals(0, r.level().startX());
        assertTrue(PlatformerSolver.of(r.level()).completable());
        assertTrue(r.edits().size() <= 8, "a stone every jump or so across 30 columns: " + r.edits());
        assertEachEditNeeded(text, r);
    }

    @Test
    void anEnemyThatCannotBePassedIsRemoved() {
        char[][] rows = flat(30);
        // The whole level is a tunnel one tile high: no jumping over the enemy walking towards the player.
        Arrays.fill(rows[10], 'X');
        rows[11][15] = 'E';
        String text = text(rows);
        PlatformerLevel level = PlatformerParser.parse(text, "tunnel");
        assertTrue(PlatformerSolver.of(level).completable());
        assertFalse(EnemyAwareSolver.of(level).completable(), "the enemy blocks the tunnel");
        PlatformerRepair.Result r = PlatformerRepair.repair(text, "tunnel");
        assertTrue(EnemyAwareSolver.of(r.level()).completable());
        assertEquals(1, r.edits().size(), r.edits().toString());
        assertEquals(new PlatformerRepair.Edit(15, 11, 'E', '-'), r.edits().get(0));
    }

    @Test
    void raggedOrUnknownMapsAreRefusedWithTheirPlace() {
        assertEquals("map m: unknown character 'Z' at line 1, column 2; expected one of X S - ? Q E < > [ ] o B b",
                assertThrows(UserInputException.class, () -> PlatformerRepair.repair("-Z\n--\n", "m")).getMessage());
        assertThrows(UserInputException.class, () -> PlatformerRepair.repair("--\n-\n", "m"));
    }
}
