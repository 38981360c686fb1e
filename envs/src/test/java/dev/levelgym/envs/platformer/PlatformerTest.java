package dev.levelgym.envs.platformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.grid.LevelFormatException;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Box;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformerTest {

    private static float at(float[] obs, PlatformerChannel c, int rows, int cols, int vy, int vx) {
        return obs[c.ordinal() * rows * cols + vy * cols + vx];
    }

    @Test
    void registeredWithItsSpec() {
        var spec = Registry.standard().spec(Platformer.ID_V0);
        assertEquals(Platformer.MAX_EPISODE_STEPS, spec.maxEpisodeSteps().getAsInt());
        assertEquals(Platformer.REWARD_THRESHOLD, spec.rewardThreshold().getAsDouble());
        Env<?, ?> env = spec.make();
        assertArrayEquals(new int[] {PlatformerChannel.V0_COUNT, 14, 16}, ((Box) env.observationSpace()).shape());
        assertEquals(6, ((dev.levelgym.envs.spaces.Discrete) env.actionSpace()).n());
    }

    @Test
    void observationIsAOneHotCameraWindowAroundThePlayer() {
        PlatformerLevel level = Levels.flat(40).set(3, 8, '?').set(5, 11, 'o').set(9, 11, 'E').build();
        Platformer env = Platformer.of(level, PlatformerRules.V0);
        float[] obs = env.reset(0).observation();
        int rows = 14;
        int cols = 16;
        assertEquals(PlatformerChannel.V0_COUNT * rows * cols, obs.length);
        for (int vy = 0; vy < rows; vy++) {
            for (int vx = 0; vx < cols; vx++) {
                float terrain = 0;
                for (int c = 0; c <= PlatformerChannel.GOAL.ordinal(); c++) {
                    terrain += obs[c * rows * cols + vy * cols + vx];
                }
                assertEquals(1f, terrain, "one terrain plane at " + vy + "," + vx);
            }
        }
        // The player (column 0) sits at window column 16/4 = 4; left of the level reads as solid.
        assertEquals(1f, at(obs, PlatformerChannel.PLAYER, rows, cols, 11, 4));
        assertEquals(1f, at(obs, PlatformerChannel.SOLID, rows, cols, 5, 3));
        assertEquals(1f, at(obs, PlatformerChannel.QUESTION, rows, cols, 8, 4 + 3));
        assertEquals(1f, at(obs, PlatformerChannel.COIN, rows, cols, 11, 4 + 5));
        assertEquals(1f, at(obs, PlatformerChannel.ENEMY, rows, cols, 11, 4 + 9));
        assertEquals(1f, at(obs, PlatformerChannel.SOLID, rows, cols, 12, 10));
        obs = env.step(PlatformerPhysics.JUMP).observation();
        assertEquals(1f, at(obs, PlatformerChannel.PLAYER, rows, cols, 10, 4));
        assertEquals(1f, at(obs, PlatformerChannel.RISING, rows, cols, 10, 4));
        assertEquals(1f, at(obs, PlatformerChannel.ENEMY, rows, cols, 11, 4 + 8));
    }

    @Test
    void rightOfTheLevelIsTheGoalAndASmallWindowFollowsThePlayerDown() {
        Platformer env = new Platformer(PlatformerRules.V0,
                new PlatformerLevelSource.Fixed(List.of(Levels.flat(5).build())), new PlatformerView(4, 8));
        float[] obs = env.reset(0).observation();
        // Rows 9..12 (top = clamp(11 - 2, 0, 10)), player at window column 2, row 2.
        assertEquals(1f, at(obs, PlatformerChannel.PLAYER, 4, 8, 2, 2));
        assertEquals(1f, at(obs, PlatformerChannel.SOLID, 4, 8, 3, 2));
        assertEquals(1f, at(obs, PlatformerChannel.SOLID, 4, 8, 0, 1));
        assertEquals(1f, at(obs, PlatformerChannel.EMPTY, 4, 8, 0, 2 + 4));
        assertEquals(1f, at(obs, PlatformerChannel.GOAL, 4, 8, 0, 2 + 5));
    }

    @Test
    void infoReportsResultPositionProgressAndScore() {
        Platformer env = Platformer.of(Levels.flat(5).set(1, 11, 'o').build(), PlatformerRules.V0);
        Map<String, Object> info = env.reset(3).info();
        assertEquals("running", info.get("result"));
        assertEquals(0, info.get("x"));
        assertEquals("test", info.get("levelId"));
        StepResult<float[]> r = env.step(PlatformerPhysics.RIGHT);
        assertEquals(1, r.info().get("score"));
        assertEquals(0.25, (double) r.info().get("progress"), 1e-12);
        env.step(PlatformerPhysics.RIGHT);
        env.step(PlatformerPhysics.RIGHT);
        r = env.step(PlatformerPhysics.RIGHT);
        assertTrue(r.terminated());
        assertEquals("win", r.info().get("result"));
        assertEquals(4, r.info().get("x"));
    }

    @Test
    void sameSeedSameLevelAndTrajectory() {
        List<String> first = rollout(7);
        assertEquals(first, rollout(7));
        assertNotEquals(first, rollout(8));
    }

    private static List<String> rollout(long seed) {
        Env<?, ?> raw = Registry.standard().make(Platformer.ID_V0, Map.of("width", 60));
        @SuppressWarnings("unchecked")
        Env<float[], Integer> env = (Env<float[], Integer>) raw;
        Random actions = new Random(seed);
        List<String> trace = new ArrayList<>();
        var reset = env.reset(seed);
        trace.add(reset.info().toString() + java.util.Arrays.hashCode(reset.observation()));
        for (int i = 0; i < 300; i++) {
            StepResult<float[]> r = env.step(actions.nextInt(6));
            trace.add(r.reward() + " " + r.info() + java.util.Arrays.hashCode(r.observation()));
            if (r.done()) {
                var again = env.reset();
                trace.add("reset " + again.info());
            }
        }
        return trace;
    }

    @Test
    void levelOptionLoadsAFileOrADirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), Levels.flat(20).build().toText());
        Files.writeString(dir.resolve("b.txt"), Levels.flat(30).pit(5, 7).build().toText());
        Files.writeString(dir.resolve("notes.md"), "not a level");
        Platformer one = new Platformer(PlatformerRules.V0, new dev.levelgym.envs.registry.Options(Map.of("level",
                dir.resolve("b.txt").toString())));
        one.reset(0);
        assertEquals(30, one.level().width());
        Platformer both = new Platformer(PlatformerRules.V0, new dev.levelgym.envs.registry.Options(Map.of("level", dir.toString())));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (long s = 0; s < 20; s++) {
            seen.add((String) both.reset(s).info().get("levelId"));
        }
        assertEquals(java.util.Set.of("a.txt", "b.txt"), seen);
        Files.writeString(dir.resolve("c.txt"), "XX\n");
        LevelFormatException e = assertThrows(LevelFormatException.class, () -> new Platformer(PlatformerRules.V0,
                new dev.levelgym.envs.registry.Options(Map.of("level", dir.toString()))));
        assertTrue(e.getMessage().startsWith(dir.resolve("c.txt").toString()), e.getMessage());
    }

    @Test
    void badOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Registry.standard().make(Platformer.ID_V0,
                Map.of("level", "x.txt", "width", 50)));
        assertThrows(IllegalArgumentException.class, () -> Registry.standard().make(Platformer.ID_V0,
                Map.of("width", 5)));
        assertThrows(IllegalArgumentException.class, () -> Registry.standard().make(Platformer.ID_V0,
                Map.of("view_cols", 0)));
        assertThrows(IllegalArgumentException.class, () -> Registry.standard().make(Platformer.ID_V0,
                Map.of("colour", "red")));
        assertThrows(IllegalArgumentException.class, () -> Registry.standard().make(Platformer.ID_V0,
                Map.of("level", "/no/such/level.txt")));
    }

    @Test
    void rendersTheLevelWithPlayerAndEnemies() {
        Platformer env = Platformer.of(Levels.flat(6).set(4, 11, 'E').build(), PlatformerRules.V0);
        env.reset(0);
        String text = ((Rendering.Text) env.render(RenderMode.ANSI)).text().replaceAll("\u001b\\[[0-9;]*m", "");
        String[] lines = text.split("\n");
        assertEquals(14, lines.length);
        assertEquals("M---E-", lines[11]);
        Rendering.RgbFrame frame = (Rendering.RgbFrame) env.render(RenderMode.RGB);
        assertEquals(6 * 16, frame.width());
        assertEquals(14 * 16, frame.height());
        assertEquals(PlatformerRenderer.colour('M'), frame.pixel(8, 11 * 16 + 8));
    }
}
