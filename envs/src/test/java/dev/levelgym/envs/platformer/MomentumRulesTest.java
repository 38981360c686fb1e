package dev.levelgym.envs.platformer;

import static dev.levelgym.envs.platformer.level.PlatformerRules.JUMP;
import static dev.levelgym.envs.platformer.level.PlatformerRules.JUMP_LEFT;
import static dev.levelgym.envs.platformer.level.PlatformerRules.JUMP_RIGHT;
import static dev.levelgym.envs.platformer.level.PlatformerRules.LEFT;
import static dev.levelgym.envs.platformer.level.PlatformerRules.NOOP;
import static dev.levelgym.envs.platformer.level.PlatformerRules.RIGHT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.platformer.level.MomentumRules;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Platformer-v1's movement: the jump envelope by run-up and hold time, and the other Super Mario Bros habits. */
class MomentumRulesTest {

    private static final PlatformerRules V1 = PlatformerRules.V1;

    /** Height (rows), distance (thirds of a column) and airtime (ticks) of one jump over flat ground. */
    private record Jump(int height, int distance, int ticks) {
    }

    /** Holds right for {@code runUp} ticks from a standstill, then jump-right for {@code hold} ticks, then right. */
    private static Jump jump(int runUp, int hold) {
        PlatformerLevel level = Levels.flat(60).build();
        long s = V1.start(level);
        for (int i = 0; i < runUp; i++) {
            s = PlatformerRules.withoutFlags(V1.step(level, s, RIGHT));
        }
        int x0 = PlatformerRules.xs(s);
        int y0 = PlatformerRules.y(s);
        int top = y0;
        int ticks = 0;
        do {
            s = PlatformerRules.withoutFlags(V1.step(level, s, ticks < hold ? JUMP_RIGHT : RIGHT));
            ticks++;
            top = Math.min(top, PlatformerRules.y(s));
        } while (PlatformerRules.y(s) != y0);
        return new Jump(y0 - top, PlatformerRules.xs(s) - x0, ticks);
    }

    @Test
    void aStandingJumpRisesAsLongAsJumpIsHeldUpToFourRows() {
        // Airtime: the rise, a still tick at the top, then a fall of 1, 1, 2 rows per tick.
        assertEquals(new Jump(1, 3, 3), jump(0, 1));
        assertEquals(new Jump(2, 5, 5), jump(0, 2));
        assertEquals(new Jump(3, 7, 7), jump(0, 3));
        assertEquals(new Jump(4, 8, 8), jump(0, 4));
        assertEquals(jump(0, 4), jump(0, 5), "holding longer than the rise changes nothing");
        // From a standstill the air gives a third of a column per tick: 8 ticks, 2 2/3 columns.
        assertEquals(8, MomentumRules.SUBCOLUMNS * 8 / 3);
    }

    @Test
    void aWalkingJumpIsAsHighAndCarriesFurther() {
        // Two ticks of run-up: walking speed, 2/3 of a column per tick, kept in the air.
        assertEquals(new Jump(4, 16, 8), jump(2, 4));
        assertEquals(new Jump(1, 6, 3), jump(2, 1));
    }

    @Test
    void aRunningJumpIsAFifthRowHigherAndCarriesNineColumns() {
        // Three ticks of run-up reach full speed: a column per tick, and a take-off of two rows.
        assertEquals(new Jump(2, 12, 4), jump(3, 1), "the shortest hop at a run");
        assertEquals(new Jump(3, 18, 6), jump(3, 2));
        assertEquals(new Jump(4, 21, 7), jump(3, 3));
        assertEquals(new Jump(MomentumRules.RUN_JUMP_HEIGHT, 27, 9), jump(3, 4));
        assertEquals(jump(3, 4), jump(8, 4), "more run-up than three ticks adds nothing");
        assertEquals(MomentumRules.JUMP_HEIGHT + 1, MomentumRules.RUN_JUMP_HEIGHT);
    }

    /** The widest pit (columns) a run of {@code runUp} columns of ground before it lets the player clear. */
    private static int widestPit(int runUp) {
        int widest = 0;
        for (int pit = 1; pit <= 12; pit++) {
            if (PlatformerSolver.of(Levels.flat(runUp + pit + 8).pit(runUp, runUp + pit).build()).completable()) {
                widest = pit;
            }
        }
        return widest;
    }

    /** The highest one-column wall the player can get over after {@code runUp} columns of ground. */
    private static int highestWall(int runUp) {
        int highest = 0;
        for (int h = 1; h <= 10; h++) {
            if (PlatformerSolver.of(Levels.flat(runUp + 8).wall(runUp, h).build()).completable()) {
                highest = h;
            }
        }
        return highest;
    }

    @Test
    void pitsAndWallsWithinReachDependOnTheRunUp() {
        // The player is a column wide and stands while any of its columns has ground, so it takes off two thirds
        // over the edge and lands a third onto the far side; a tick after falling back to take-off height it still
        // drifts onto the far side before it drops.
        assertEquals(3, widestPit(1), "standing jump");
        assertEquals(6, widestPit(2), "walking jump");
        for (int runUp = 3; runUp <= 6; runUp++) {
            assertEquals(9, widestPit(runUp), "running jump after " + runUp + " columns");
        }
        assertEquals(4, highestWall(1));
        assertEquals(4, highestWall(2));
        assertEquals(5, highestWall(3));
        assertEquals(5, highestWall(6));
    }

    private static long run(PlatformerLevel level, int... actions) {
        long s = V1.start(level);
        for (int a : actions) {
            s = PlatformerRules.withoutFlags(V1.step(level, s, a));
        }
        return s;
    }

    private static int[] repeat(int action, int times) {
        int[] out = new int[times];
        java.util.Arrays.fill(out, action);
        return out;
    }

    @Test
    void speedBuildsUpOverThreeTicksAndDecaysWhenLetGo() {
        PlatformerLevel level = Levels.flat(40).build();
        assertEquals(1, MomentumRules.speed(run(level, RIGHT)));
        assertEquals(2, MomentumRules.speed(run(level, RIGHT, RIGHT)));
        assertEquals(3, MomentumRules.speed(run(level, RIGHT, RIGHT, RIGHT)));
        assertEquals(3, MomentumRules.speed(run(level, repeat(RIGHT, 10))));
        assertEquals(1 + 2 + 3 + 3 * 7, PlatformerRules.xs(run(level, repeat(RIGHT, 10))));
        long coasting = run(level, RIGHT, RIGHT, RIGHT, NOOP);
        assertEquals(2, MomentumRules.speed(coasting), "letting go slows one step a tick");
        long skid = run(level, RIGHT, RIGHT, RIGHT, LEFT);
        assertEquals(1, MomentumRules.speed(skid), "pressing back skids two steps a tick");
        assertEquals(-1, MomentumRules.speed(run(level, RIGHT, RIGHT, RIGHT, LEFT, LEFT, LEFT)));
    }

    @Test
    void inTheAirTheSpeedIsKeptAndCanBeTurnedAround() {
        PlatformerLevel level = Levels.flat(60).build();
        long fullSpeedJump = run(level, RIGHT, RIGHT, RIGHT, JUMP_RIGHT, JUMP, JUMP);
        assertEquals(3, MomentumRules.speed(fullSpeedJump), "no air friction");
        long turned = run(level, RIGHT, RIGHT, RIGHT, JUMP_RIGHT, JUMP_LEFT, JUMP_LEFT, JUMP_LEFT);
        assertEquals(0, MomentumRules.speed(turned), "one step a tick against the motion");
        long back = run(level, RIGHT, RIGHT, RIGHT, JUMP_RIGHT, JUMP_LEFT, JUMP_LEFT, JUMP_LEFT, JUMP_LEFT);
        assertEquals(-1, MomentumRules.speed(back));
        // Steering lands a running jump shorter than letting it fly.
        int flown = PlatformerRules.xs(run(level, RIGHT, RIGHT, RIGHT, JUMP_RIGHT, JUMP_RIGHT, JUMP_RIGHT,
                JUMP_RIGHT, NOOP, NOOP, NOOP, NOOP, NOOP));
        int steered = PlatformerRules.xs(run(level, RIGHT, RIGHT, RIGHT, JUMP_RIGHT, JUMP_RIGHT, JUMP_RIGHT,
                JUMP_RIGHT, LEFT, LEFT, LEFT, LEFT, LEFT));
        assertEquals(6 + 27, flown);
        assertTrue(steered < flown - 6, steered + " vs " + flown);
    }

    @Test
    void aWallStopsThePlayerAndACeilingCutsTheRise() {
        PlatformerLevel walled = Levels.flat(20).wall(5, 3).build();
        long s = run(walled, repeat(RIGHT, 8));
        assertEquals(4, V1.lastColumn(s), "stopped against the wall");
        assertEquals(0, MomentumRules.speed(s));
        Levels low = Levels.flat(20);
        for (int x = 0; x < 20; x++) {
            low.set(x, 9, 'S');
        }
        PlatformerLevel capped = low.build();
        long bumped = V1.step(capped, run(capped, JUMP), JUMP);
        assertTrue(PlatformerRules.bumped(bumped));
        assertEquals(10, PlatformerRules.y(bumped), "a row under the bricks, not four rows up");
        assertEquals(0, V1.rise(bumped));
        assertEquals(11, PlatformerRules.y(run(capped, JUMP, JUMP, JUMP)), "and straight down, no still tick");
    }

    @Test
    void oneColumnGapsAreCrossedAtAnySpeedButNotStoodOn() {
        // Off a ledge the first tick of a fall is still (the fall starts slowly, as in the game), so a player
        // that keeps moving is over ground again before it drops; one that stops over the gap falls in.
        PlatformerLevel level = Levels.flat(30).pit(10, 11).build();
        for (int speed = 1; speed <= 3; speed++) {
            List<Integer> actions = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                actions.add(i < speed ? RIGHT : MomentumRules.speed(run(level, toArray(actions))) < speed ? RIGHT
                        : NOOP);
            }
            long s = run(level, toArray(actions));
            assertFalse(PlatformerRules.dead(s));
            assertTrue(V1.column(s) > 10, "speed " + speed + " crossed: " + V1.column(s));
        }
        PlatformerGame game = new PlatformerGame(V1);
        game.load(Levels.flat(30).pit(1, 2).build());
        // Inch to two thirds over the gap (still on the ledge), step onto it and brake in the air.
        for (int action : new int[] {RIGHT, NOOP, RIGHT, NOOP, RIGHT, LEFT}) {
            game.tick(action);
        }
        assertEquals(1.0, game.playerPosition());
        for (int i = 0; i < 20 && game.result() == Outcome.RUNNING; i++) {
            game.tick(NOOP);
        }
        assertEquals(Outcome.LOSS, game.result());
        assertTrue(PlatformerSolver.of(Levels.flat(30).pit(10, 12).build()).completable());
    }

    private static int[] toArray(List<Integer> actions) {
        return actions.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void theStateFitsItsPackingAndStepsAreDeterministic() {
        PlatformerLevel level = Vglc.smb("mario-1-1");
        Random random = new Random(5);
        long a = V1.start(level);
        long b = V1.start(level);
        for (int t = 0; t < 500; t++) {
            int action = random.nextInt(PlatformerRules.ACTIONS);
            long sa = V1.step(level, a, action);
            assertEquals(sa, V1.step(level, b, action));
            if (PlatformerRules.dead(sa)) {
                break;
            }
            assertTrue(PlatformerRules.motion(sa) < V1.motions());
            assertTrue(V1.lastColumn(sa) < level.width());
            a = PlatformerRules.withoutFlags(sa);
            b = a;
        }
    }
}
