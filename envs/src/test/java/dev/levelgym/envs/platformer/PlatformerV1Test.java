package dev.levelgym.envs.platformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.envs.registry.Options;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Platformer-v1 as an env: the default id, its observation, levels of other heights; and v0 left as published. */
class PlatformerV1Test {

    private static float at(float[] obs, PlatformerChannel c, int rows, int cols, int vy, int vx) {
        return obs[c.ordinal() * rows * cols + vy * cols + vx];
    }

    @SuppressWarnings("unchecked")
    private static Env<float[], Integer> make(String id, Map<String, Object> options) {
        return (Env<float[], Integer>) Registry.standard().make(id, options);
    }

    @Test
    void v1IsTheDefaultAndV0IsStillRegistered() {
        assertEquals("Platformer-v1", Platformer.ID);
        Env<float[], Integer> v1 = make(Platformer.ID, Map.of());
        assertArrayEquals(new int[] {11, 14, 16}, ((Box) v1.observationSpace()).shape());
        assertEquals(6, ((Discrete) v1.actionSpace()).n());
        Env<float[], Integer> v0 = make(Platformer.ID_V0, Map.of());
        assertArrayEquals(new int[] {8, 14, 16}, ((Box) v0.observationSpace()).shape());
        assertEquals(PlatformerRules.V1, Platformer.rulesOf("Platformer-v1"));
        assertEquals(PlatformerRules.V0, Platformer.rulesOf("Platformer-v0"));
        assertThrows(IllegalArgumentException.class, () -> Platformer.rulesOf("Platformer-v2"));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Platformer-v0 replays exactly as published. The digests were taken from the same traces run on the
     * published code (commit 21e6fb5, before v1): 4 seeds × 400 steps of a fixed random policy through the
     * registry (rewards, flags, info, observation hashes, resets), and for 40 procedural levels the level text and
     * both solvers' answers.
     */
    @Test
    void v0IsUnchanged() {
        StringBuilder all = new StringBuilder();
        for (long seed = 0; seed < 4; seed++) {
            Map<String, Object> opts = seed % 2 == 0 ? Map.of() : Map.of("width", 60, "view_rows", 9, "view_cols", 12);
            Env<float[], Integer> env = make(Platformer.ID_V0, opts);
            Random actions = new Random(seed);
            var reset = env.reset(seed);
            StringBuilder sb = new StringBuilder();
            sb.append(new TreeMap<>(reset.info())).append(Arrays.hashCode(reset.observation())).append('\n');
            for (int i = 0; i < 400; i++) {
                int act = actions.nextInt(10) < 6 ? actions.nextInt(6) : 5;
                StepResult<float[]> r = env.step(act);
                sb.append(act).append(' ').append(r.reward()).append(' ').append(r.terminated()).append(' ')
                        .append(new TreeMap<>(r.info())).append(' ').append(Arrays.hashCode(r.observation()))
                        .append('\n');
                if (r.terminated() || r.truncated()) {
                    var again = env.reset();
                    sb.append("reset ").append(new TreeMap<>(again.info())).append(Arrays.hashCode(again.observation()))
                            .append('\n');
                }
            }
            all.append(sb);
        }
        assertEquals("12836359d48dabfeda2698c99ae9e51d3550f6e45b87900b24651550ef78e1a7", digest(all.toString()));

        StringBuilder solved = new StringBuilder();
        for (long seed = 0; seed < 40; seed++) {
            PlatformerLevel l = PlatformerLevels.of(seed, 100, 14, PlatformerRules.V0);
            solved.append(l.toText()).append(PlatformerSolver.of(l, PlatformerRules.V0))
                    .append(EnemyAwareSolver.of(l, PlatformerRules.V0));
        }
        assertEquals("37cbd7059729ff81f0dd32b73fa4f96bf9fdda314d067b2bac2611c7d03bb81b", digest(solved.toString()));
    }

    @Test
    void theObservationHoldsThePlayersPositionSpeedAndJump() {
        Platformer env = Platformer.of(Levels.flat(40).build());
        int rows = 14;
        int cols = 16;
        float[] obs = env.reset(0).observation();
        assertEquals(PlatformerChannel.COUNT * rows * cols, obs.length);
        assertEquals(1f, at(obs, PlatformerChannel.PLAYER, rows, cols, 11, 4));
        obs = env.step(PlatformerRules.RIGHT).observation(); // a third of a column on, speed 1
        assertEquals(2f / 3, at(obs, PlatformerChannel.PLAYER, rows, cols, 11, 4), 1e-6);
        assertEquals(1f / 3, at(obs, PlatformerChannel.PLAYER, rows, cols, 11, 5), 1e-6);
        assertEquals(1f / 3, at(obs, PlatformerChannel.SPEED_RIGHT, rows, cols, 11, 4), 1e-6);
        assertEquals(1f / 3, at(obs, PlatformerChannel.SPEED_RIGHT, rows, cols, 11, 5), 1e-6);
        assertEquals(0f, at(obs, PlatformerChannel.SPEED_LEFT, rows, cols, 11, 4));
        obs = env.step(PlatformerRules.JUMP_RIGHT).observation(); // two thirds on, a row up, three rows to come
        assertEquals(1f / 3, at(obs, PlatformerChannel.PLAYER, rows, cols, 10, 4), 1e-6);
        assertEquals(2f / 3, at(obs, PlatformerChannel.PLAYER, rows, cols, 10, 5), 1e-6);
        assertEquals(1f, at(obs, PlatformerChannel.RISING, rows, cols, 10, 5));
        for (int i = 0; i < 3; i++) {
            obs = env.step(PlatformerRules.JUMP_RIGHT).observation();
        }
        assertEquals(2f / 3, at(obs, PlatformerChannel.PLAYER, rows, cols, 7, 5), 1e-6);
        assertEquals(0f, at(obs, PlatformerChannel.RISING, rows, cols, 7, 5), "the rise is over");
        // The still tick at the top, then the fall speeds up: stage 1, 2, 3 (a third each), and 0 on landing.
        float[] stages = {1f / 3, 2f / 3, 1f, 0f};
        int[] row = {7, 8, 9, 11};
        for (int i = 0; i < stages.length; i++) {
            obs = env.step(PlatformerRules.NOOP).observation();
            float cover = 0;
            float stage = 0;
            for (int c = 0; c < cols; c++) {
                cover += at(obs, PlatformerChannel.PLAYER, rows, cols, row[i], c);
                stage = Math.max(stage, at(obs, PlatformerChannel.FALLING, rows, cols, row[i], c));
            }
            assertEquals(1f, cover, 1e-6, "tick " + i + ": the player covers one cell on row " + row[i]);
            assertEquals(stages[i], stage, 1e-6, "tick " + i);
        }
    }

    private static PlatformerLevel high(int rows, int width) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < rows; y++) {
            sb.append((y >= rows - 2 ? "X" : "-").repeat(width)).append('\n');
        }
        return PlatformerParser.parse(sb.toString(), rows + "-rows");
    }

    @Test
    void aLowerLevelSitsOnTheWindowsBottomRowsAndATallerOneScrolls() {
        Platformer low = Platformer.of(high(12, 20));
        float[] obs = low.reset(0).observation();
        // 12 rows in a 14-row window: two rows of sky on top, the ground on the bottom two rows.
        assertEquals(1f, at(obs, PlatformerChannel.EMPTY, 14, 16, 0, 8));
        assertEquals(1f, at(obs, PlatformerChannel.SOLID, 14, 16, 12, 8));
        assertEquals(1f, at(obs, PlatformerChannel.SOLID, 14, 16, 13, 8));
        assertEquals(1f, at(obs, PlatformerChannel.PLAYER, 14, 16, 11, 4));
        Platformer tall = Platformer.of(high(20, 20));
        obs = tall.reset(0).observation();
        // Player on row 17: top = clamp(17 - 7, 0, 20 - 14) = 6, so it shows on window row 11.
        assertEquals(1f, at(obs, PlatformerChannel.PLAYER, 14, 16, 11, 4));
        assertEquals(1f, at(obs, PlatformerChannel.SOLID, 14, 16, 12, 8));
        String ansi = ((Rendering.Text) tall.render(RenderMode.ANSI)).text().replaceAll("\u001b\\[[0-9;]*m", "");
        assertEquals(20, ansi.split("\n").length);
        assertEquals(20 * 16, ((Rendering.RgbFrame) tall.render(RenderMode.RGB)).height());
    }

    @Test
    void levelsOfOtherHeightsLoadAndPlay(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("land-1-1.txt"), Vglc.sml(1).toText());
        Files.writeString(dir.resolve("lost-2.txt"), Vglc.smb2j("mario_2").toText());
        Platformer env = new Platformer(PlatformerRules.V1, new Options(Map.of("level", dir.toString())));
        List<Integer> heights = new ArrayList<>();
        for (long seed = 0; seed < 10; seed++) {
            env.reset(seed);
            heights.add(env.level().height());
            var run = EnemyAwareSolver.of(env.level());
            StepResult<float[]> last = null;
            for (int a : run.actions()) {
                last = env.step(a);
            }
            assertEquals("win", last.info().get("result"), env.level().id());
        }
        assertTrue(heights.contains(16) && heights.contains(13), heights.toString());
    }

    @Test
    void proceduralLevelsTakeAHeight() {
        for (int rows : new int[] {10, 12, 18}) {
            Platformer env = new Platformer(PlatformerRules.V1, new Options(Map.of("height", rows, "width", 60)));
            env.reset(3);
            PlatformerLevel level = env.level();
            assertEquals(rows, level.height());
            assertTrue(PlatformerSolver.of(level).completable());
            assertArrayEquals(new int[] {11, 14, 16}, ((Box) env.observationSpace()).shape());
        }
        // The features stand on the ground, so a taller level is the same level with more sky.
        PlatformerLevel fourteen = PlatformerLevels.of(9, 60);
        PlatformerLevel eighteen = PlatformerLevels.of(9, 60, 18, PlatformerRules.V1);
        assertEquals(fourteen.toText(), eighteen.toText().substring(4 * 61));
        assertThrows(IllegalArgumentException.class, () -> make(Platformer.ID, Map.of("height", 9)));
        assertThrows(IllegalArgumentException.class, () -> make(Platformer.ID_V0, Map.of("height", 14)));
        assertThrows(IllegalArgumentException.class, () -> make(Platformer.ID, Map.of("height", 12, "level", "a.txt")));
    }

    private static List<String> rollout(long seed) {
        Env<float[], Integer> env = make(Platformer.ID, Map.of("width", 60));
        Random actions = new Random(seed);
        List<String> trace = new ArrayList<>();
        var reset = env.reset(seed);
        trace.add(reset.info().toString() + Arrays.hashCode(reset.observation()));
        for (int i = 0; i < 300; i++) {
            StepResult<float[]> r = env.step(actions.nextInt(6));
            trace.add(r.reward() + " " + r.info() + Arrays.hashCode(r.observation()));
            if (r.done()) {
                trace.add("reset " + env.reset().info());
            }
        }
        return trace;
    }

    @Test
    void sameSeedSameLevelAndTrajectory() {
        List<String> first = rollout(11);
        assertEquals(first, rollout(11));
        assertNotEquals(first, rollout(12));
    }
}
