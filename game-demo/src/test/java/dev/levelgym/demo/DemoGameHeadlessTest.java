package dev.levelgym.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.demo.model.LevelDeck;
import dev.levelgym.demo.screen.CartPoleScreen;
import dev.levelgym.demo.screen.DungeonScreen;
import dev.levelgym.demo.screen.PlatformerScreen;
import dev.levelgym.demo.view.Views;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The whole game loop on the headless backend: scripted keys reach the screens and drive the envs. */
class DemoGameHeadlessTest {

    static DungeonLevel pocket() throws Exception {
        try (InputStream in = DemoGameHeadlessTest.class.getResourceAsStream("/dev/levelgym/demo/pocket.txt")) {
            return DungeonParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "pocket.txt");
        }
    }

    /** The solver's moves as script key names. */
    static String solutionScript(DungeonLevel level) {
        DungeonSolution solution = DungeonSolver.solve(level);
        return solution.actions().stream().map(a -> switch (a) {
            case Dungeon.UP -> "UP";
            case Dungeon.DOWN -> "DOWN";
            case Dungeon.LEFT -> "LEFT";
            case Dungeon.RIGHT -> "RIGHT";
            default -> throw new IllegalStateException("not a move: " + a);
        }).collect(Collectors.joining(","));
    }

    private static DemoSettings settings(DemoMode mode, String script, long frames) {
        return settings(mode, script, KeyScript.DEFAULT_FRAMES_PER_KEY, frames);
    }

    private static DemoSettings settings(DemoMode mode, String script, int framesPerKey, long frames) {
        return new DemoSettings(mode, Optional.empty(), 0, Optional.empty(), KeyScript.parse(script, framesPerKey),
                frames, Optional.empty(), Path.of("unused"), 1280, 720);
    }

    static PlatformerLevel platformerSmall() throws Exception {
        try (InputStream in = DemoGameHeadlessTest.class.getResourceAsStream(
                "/dev/levelgym/demo/platformer-small.txt")) {
            return PlatformerParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "platformer-small.txt");
        }
    }

    /** Platformer actions as a script with two slots a tick: a direction and a jump can then share a tick. */
    static String platformerScript(List<Integer> actions) {
        return actions.stream().map(a -> switch (a) {
            case PlatformerPhysics.NOOP -> "WAIT,WAIT";
            case PlatformerPhysics.LEFT -> "LEFT,WAIT";
            case PlatformerPhysics.RIGHT -> "RIGHT,WAIT";
            case PlatformerPhysics.JUMP -> "UP,WAIT";
            case PlatformerPhysics.JUMP_LEFT -> "UP,LEFT";
            case PlatformerPhysics.JUMP_RIGHT -> "UP,RIGHT";
            default -> throw new IllegalStateException("not an action: " + a);
        }).collect(Collectors.joining(","));
    }

    @Test
    void theSolversRunScriptedTwoKeysATickWinsThePlatformer() throws Exception {
        PlatformerLevel level = platformerSmall();
        PlatformerSolution solution = EnemyAwareSolver.of(level);
        assertTrue(solution.jumps() > 0, "the script exercises the combined jump-right");
        KeyScript keys = KeyScript.parse(platformerScript(solution.actions()), 4);
        DemoGame game = new DemoGame(settings(DemoMode.PLATFORMER, platformerScript(solution.actions()), 4,
                keys.lastFrame() + 30), Optional.empty(), Optional.of(level), List.of(), List.of(), env -> null,
                Views::none);
        DemoResult result = HeadlessRun.run(game).result();
        assertEquals("platformer", result.mode());
        assertEquals("win", result.result());
        assertEquals(solution.length(), result.steps());
        PlatformerScreen screen = assertInstanceOf(PlatformerScreen.class, game.screen());
        assertEquals(screen.session().score(), result.score());
    }

    @Test
    void menuFiveOpensPlatformerWatchWhereTheSolverRuns() throws Exception {
        DemoGame game = new DemoGame(settings(DemoMode.MENU, "DOWN,5", 16 + 100), Optional.empty(),
                LevelDeck.registered(), env -> null, Views::none);
        HeadlessRun.run(game);
        PlatformerScreen screen = assertInstanceOf(PlatformerScreen.class, game.screen());
        assertEquals("the solver", screen.session().player());
        assertEquals("platformer-watch", game.result().mode());
        assertEquals(100 / 8, game.result().steps(), "a tick every eight frames at 1x");
    }

    @Test
    void theScriptedSolutionWinsInPlayModeOneTickPerKey() throws Exception {
        DungeonLevel level = pocket();
        String script = solutionScript(level);
        KeyScript keys = KeyScript.parse(script, KeyScript.DEFAULT_FRAMES_PER_KEY);
        DemoGame game = new DemoGame(settings(DemoMode.PLAY, script, keys.lastFrame() + 30), Optional.of(level),
                LevelDeck.registered(), env -> null, Views::none);
        DemoResult result = HeadlessRun.run(game).result();
        assertEquals("play", result.mode());
        assertEquals("win", result.result());
        assertEquals(DungeonSolver.solve(level).length(), result.steps());
        assertEquals(2.0, result.score());
        assertEquals(keys.lastFrame() + 30, game.frame());
    }

    @Test
    void theMenuLeadsToWatchModeWhereTheRandomAgentPlays() throws Exception {
        DemoGame game = new DemoGame(settings(DemoMode.MENU, "DOWN,DOWN,UP,ENTER", 32 + 200), Optional.empty(),
                LevelDeck.registered(), env -> null, Views::none);
        HeadlessRun.run(game);
        DungeonScreen screen = assertInstanceOf(DungeonScreen.class, game.screen());
        assertTrue(screen.session().pilot().isPresent());
        assertEquals("watch", game.result().mode());
        assertTrue(game.result().steps() > 0);
    }

    @Test
    void escapeReturnsToTheMenuAndThreeOpensCartPole() throws Exception {
        DemoGame game = new DemoGame(settings(DemoMode.PLAY, "RIGHT,ESCAPE,3,RIGHT", 32), Optional.empty(),
                LevelDeck.registered(), env -> null, Views::none);
        HeadlessRun.run(game);
        CartPoleScreen screen = assertInstanceOf(CartPoleScreen.class, game.screen());
        assertEquals(1, screen.session().lastPush(), "the last frame's tick pushed right, where the idle "
                + "alternation would have pushed left");
        assertEquals("cartpole", game.result().mode());
        assertTrue(game.result().steps() > 0);
    }

    @Test
    void theGeneratorListIsTheGamesAndTheProceduralFallbackAlwaysFollows() throws Exception {
        DemoGame game = new DemoGame(settings(DemoMode.PLAY, "N,G", 20), Optional.empty(), List.of(), env -> null,
                Views::none);
        HeadlessRun.run(game);
        DungeonScreen screen = assertInstanceOf(DungeonScreen.class, game.screen());
        assertEquals(LevelDeck.PROCEDURAL + " seed 1", screen.session().source(),
                "N moved to seed 1; G wrapped round a deck holding only the fallback");
    }

    @Test
    void waitSlotsPressNothing() throws Exception {
        DemoGame game = new DemoGame(settings(DemoMode.MENU, "WAIT,WAIT", 20), Optional.empty(),
                LevelDeck.registered(), env -> null, Views::none);
        HeadlessRun.run(game);
        assertEquals(new DemoResult("menu", "running", 0, 0, game.result().meanFrameMillis()), game.result());
        assertTrue(game.result().meanFrameMillis() >= 0);
    }
}
