package dev.levelgym.envs.dungeon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.grid.LevelFormatException;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.registry.Options;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Box;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DungeonTest {

    private static final String NO_ENEMIES = String.join("\n",
            "wwwwwwwwwwwww",
            "wA....w.....w",
            "w.ww..w.ww..w",
            "w..w......w.w",
            "ww.wwww.w.w.w",
            "w......ww.w+w",
            "w.www.....www",
            "w...w..w...gw",
            "wwwwwwwwwwwww");

    private static DungeonLevel level(String... rows) {
        return DungeonParser.parse(String.join("\n", rows), "test");
    }

    private static Dungeon env(DungeonLevel level) {
        Dungeon env = Dungeon.of(level);
        env.reset(0);
        return env;
    }

    private static float plane(float[] obs, DungeonChannel c, int h, int w, int x, int y) {
        return obs[c.ordinal() * h * w + y * w + x];
    }

    @Test
    void followingTheSolverWinsWithReturnTwo() {
        DungeonLevel level = DungeonParser.parse(NO_ENEMIES, "no-enemies.txt");
        DungeonSolution solution = DungeonSolver.solve(level);
        assertTrue(solution.playable());
        Dungeon env = env(level);
        double total = 0;
        StepResult<float[]> last = null;
        for (int i = 0; i < solution.actions().size(); i++) {
            last = env.step(solution.actions().get(i));
            total += last.reward();
            assertEquals(i == solution.actions().size() - 1, last.terminated(), "step " + i);
            assertFalse(last.truncated());
        }
        assertEquals(2.0, total);
        assertEquals("win", last.info().get("result"));
        assertEquals(true, last.info().get("keyHeld"));
        assertEquals("no-enemies.txt", last.info().get("levelId"));
        assertEquals(Outcome.WIN, env.outcome());
        assertThrows(IllegalStateException.class, () -> env.step(Dungeon.NOOP));
    }

    @Test
    void keyPickupRewardsOnceAndShowsInObservation() {
        Dungeon env = env(level("wwwwwww", "wA+.+gw", "wwwwwww"));
        StepResult<float[]> r = env.step(Dungeon.RIGHT);
        assertEquals(1.0, r.reward());
        assertEquals(true, r.info().get("keyHeld"));
        assertEquals(1f, plane(r.observation(), DungeonChannel.AVATAR_WITH_KEY, 3, 7, 2, 1));
        assertEquals(0f, plane(r.observation(), DungeonChannel.AVATAR, 3, 7, 2, 1));
        assertEquals(0f, plane(r.observation(), DungeonChannel.KEY, 3, 7, 2, 1));
        assertEquals(1f, plane(r.observation(), DungeonChannel.FLOOR, 3, 7, 2, 1));
        env.step(Dungeon.RIGHT);
        // A second key is not picked up by an avatar that already has one.
        assertEquals(0.0, env.step(Dungeon.RIGHT).reward());
        StepResult<float[]> stillThere = env.step(Dungeon.LEFT);
        assertEquals(1f, plane(stillThere.observation(), DungeonChannel.KEY, 3, 7, 4, 1));
        StepResult<float[]> door = env.step(Dungeon.RIGHT);
        door = env.step(Dungeon.RIGHT);
        assertEquals(1.0, door.reward());
        assertTrue(door.terminated());
    }

    @Test
    void doorBlocksWithoutTheKey() {
        Dungeon env = env(level("wwwwww", "wAg+.w", "wwwwww"));
        int start = env.avatarCell();
        for (int i = 0; i < 3; i++) {
            StepResult<float[]> r = env.step(Dungeon.RIGHT);
            assertEquals(0.0, r.reward());
            assertFalse(r.terminated());
            assertEquals(start, env.avatarCell());
            assertEquals(1f, plane(r.observation(), DungeonChannel.DOOR, 3, 6, 2, 1));
        }
    }

    @Test
    void wallsAndTheLevelEdgeBlock() {
        Dungeon env = env(level("A.+", "w..", "..g"));
        env.step(Dungeon.UP);
        env.step(Dungeon.LEFT);
        env.step(Dungeon.DOWN);
        assertEquals(0, env.avatarCell());
    }

    @Test
    void multipleDoorsWinOnlyWhenAllAreOpen() {
        Dungeon env = env(level("wwwwwwww", "wg.A+.gw", "wwwwwwww"));
        double total = 0;
        StepResult<float[]> r = null;
        for (int a : DungeonSolver.solve(env.level()).actions()) {
            r = env.step(a);
            total += r.reward();
            if (r.terminated()) {
                break;
            }
        }
        assertEquals(3.0, total);
        assertEquals("win", r.info().get("result"));
    }

    @Test
    void swordKillsAnEnemyForTwo() {
        // The slow enemy stands still for its first 12 ticks (GVGAI RandomNPC's initial cons), so it is a sitting target.
        Dungeon env = env(level("wwwwwwww", "wA3..+gw", "wwwwwwww"));
        StepResult<float[]> swing = env.step(Dungeon.USE);
        assertEquals(2.0, swing.reward());
        assertEquals(0, env.enemiesAlive());
        assertEquals(1f, plane(swing.observation(), DungeonChannel.SWORD, 3, 8, 2, 1));
        assertEquals(0f, plane(swing.observation(), DungeonChannel.ENEMY_SLOW, 3, 8, 2, 1));
        double total = swing.reward();
        StepResult<float[]> r = null;
        for (int i = 0; i < 5; i++) {
            r = env.step(Dungeon.RIGHT);
            total += r.reward();
        }
        assertTrue(r.terminated());
        assertEquals(4.0, total);
    }

    @Test
    void killRewardOptionSetsTheScoreOfAKill(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("duel.txt"), "wwwwwwww\nwA3..+gw\nwwwwwwww\n");
        for (double score : new double[] {0.0, 0.5}) {
            Dungeon env = new Dungeon(new Options(Map.of("level", file.toString(), "kill_reward", score)));
            env.reset(0);
            StepResult<float[]> swing = env.step(Dungeon.USE);
            assertEquals(0, env.enemiesAlive());
            assertEquals(score, swing.reward(), "kill_reward=" + score);
        }
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> new Dungeon(
                new Options(Map.of("level", file.toString(), "kill_reward", Double.NaN))));
        assertTrue(nan.getMessage().contains("kill_reward"), nan.getMessage());
    }

    @Test
    void swordLastsFiveTicksAndFollowsFacing() {
        Dungeon env = env(level("wwwwww", "w....w", "w.A+gw", "w....w", "wwwwww"));
        StepResult<float[]> r = env.step(Dungeon.UP); // blocked? no: (2,1) is floor, so it moves and faces up
        r = env.step(Dungeon.DOWN);
        assertEquals(1f, plane(r.observation(), DungeonChannel.FACING, 5, 6, 2, 3));
        r = env.step(Dungeon.USE);
        for (int tick = 1; tick < Dungeon.SWORD_TICKS; tick++) {
            assertEquals(1f, plane(r.observation(), DungeonChannel.SWORD, 5, 6, 2, 3), "tick " + tick);
            r = env.step(Dungeon.NOOP);
        }
        assertEquals(0f, plane(r.observation(), DungeonChannel.SWORD, 5, 6, 2, 3));
    }

    @Test
    void blockedMoveStillTurnsTheAvatar() {
        Dungeon env = env(level("wwwww", "wA+gw", "wwwww"));
        StepResult<float[]> r = env.step(Dungeon.UP);
        assertEquals(1f, plane(r.observation(), DungeonChannel.FACING, 3, 5, 1, 0));
    }

    @Test
    void walkingIntoAnEnemyLoses() {
        Dungeon env = env(level("wwwwwww", "wA2.+gw", "wwwwwww"));
        StepResult<float[]> r = env.step(Dungeon.RIGHT);
        assertEquals(-1.0, r.reward());
        assertTrue(r.terminated());
        assertEquals("loss", r.info().get("result"));
        assertEquals(Outcome.LOSS, env.outcome());
    }

    @Test
    void anEnemyWalkingIntoTheAvatarKillsIt() {
        // The quick enemy is boxed in with the avatar as its only way out; waiting must end in a loss.
        Dungeon env = env(level("wwwwww", "ww1www", "wwA+gw", "wwwwww"));
        StepResult<float[]> r;
        int steps = 0;
        do {
            r = env.step(Dungeon.NOOP);
            steps++;
        } while (!r.terminated() && steps < 1000);
        assertTrue(r.terminated());
        assertEquals(-1.0, r.reward());
        assertEquals("loss", r.info().get("result"));
        // GVGAI's RandomNPC repeats "no move" for its first cons (6) ticks.
        assertTrue(steps > 6, "died after " + steps);
    }

    @Test
    void enemiesNeverEnterWallsOrEachOther() {
        Dungeon env = new Dungeon(new Options(Map.of()));
        Pcg64 actions = Pcg64.seeded(99);
        int[] shape = ((Box) env.observationSpace()).shape();
        int hw = shape[1] * shape[2];
        for (long seed = 0; seed < 30; seed++) {
            float[] obs = env.reset(seed).observation();
            for (int t = 0; t < 300; t++) {
                for (int c = 0; c < hw; c++) {
                    float enemies = obs[DungeonChannel.ENEMY_QUICK.ordinal() * hw + c]
                            + obs[DungeonChannel.ENEMY_NORMAL.ordinal() * hw + c] + obs[DungeonChannel.ENEMY_SLOW.ordinal() * hw + c];
                    assertTrue(enemies <= 1f);
                    if (enemies > 0) {
                        assertEquals(0f, obs[DungeonChannel.WALL.ordinal() * hw + c]);
                    }
                    float terrain = obs[DungeonChannel.WALL.ordinal() * hw + c] + obs[DungeonChannel.FLOOR.ordinal() * hw + c]
                            + obs[DungeonChannel.KEY.ordinal() * hw + c] + obs[DungeonChannel.DOOR.ordinal() * hw + c];
                    assertEquals(1f, terrain);
                }
                // Avoid USE so enemies survive and keep moving.
                StepResult<float[]> r = env.step(actions.nextInt(5));
                obs = r.observation();
                if (r.terminated()) {
                    break;
                }
            }
        }
    }

    @Test
    void sameSeedSameLevelAndTrajectory() {
        List<Object> first = rollout(1234);
        List<Object> second = rollout(1234);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i) instanceof float[] a) {
                assertArrayEquals(a, (float[]) second.get(i), "item " + i);
            } else {
                assertEquals(first.get(i), second.get(i), "item " + i);
            }
        }
        assertFalse(rollout(1234).get(0).equals(rollout(4321).get(0)));
    }

    private static List<Object> rollout(long seed) {
        Dungeon env = new Dungeon(Options.empty());
        Pcg64 policy = Pcg64.seeded(5);
        List<Object> out = new ArrayList<>();
        ResetResult<float[]> reset = env.reset(seed);
        out.add(reset.info().get("levelId"));
        out.add(reset.observation());
        for (int episode = 0; episode < 3; episode++) {
            for (int t = 0; t < 200; t++) {
                StepResult<float[]> r = env.step(policy.nextInt(6));
                out.add(r.observation());
                out.add(r.reward());
                if (r.terminated()) {
                    break;
                }
            }
            ResetResult<float[]> next = env.reset();
            out.add(next.info().get("levelId"));
        }
        return out;
    }

    @Test
    void numLevelsAndStartLevelChooseTheLevelSet() {
        Dungeon env = new Dungeon(new Options(Map.of("num_levels", 3, "start_level", "100")));
        Set<Object> ids = new HashSet<>();
        ids.add(env.reset(7).info().get("levelId"));
        for (int i = 0; i < 60; i++) {
            ids.add(env.reset().info().get("levelId"));
        }
        assertEquals(Set.of("procedural:100", "procedural:101", "procedural:102"), ids);

        Dungeon unlimited = new Dungeon(Options.empty());
        Set<Object> many = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            many.add(unlimited.reset(i).info().get("levelId"));
        }
        assertTrue(many.size() >= 48);
    }

    @Test
    void proceduralSizeOption() {
        Dungeon env = new Dungeon(new Options(Map.of("width", 20, "height", 11)));
        assertArrayEquals(new int[] {DungeonChannel.COUNT, 11, 20}, ((Box) env.observationSpace()).shape());
        assertEquals(20, env.reset(3).observation().length / DungeonChannel.COUNT / 11);
        assertEquals(20, env.level().width());
    }

    @Test
    void fullObservationMatchesTheLevel() {
        DungeonLevel level = DungeonParser.parse(NO_ENEMIES, "x");
        Dungeon env = Dungeon.of(level);
        Box space = (Box) env.observationSpace();
        assertArrayEquals(new int[] {11, 9, 13}, space.shape());
        float[] obs = env.reset(0).observation();
        assertTrue(space.contains(obs));
        assertEquals(1f, plane(obs, DungeonChannel.AVATAR, 9, 13, 1, 1));
        assertEquals(1f, plane(obs, DungeonChannel.FLOOR, 9, 13, 1, 1));
        assertEquals(1f, plane(obs, DungeonChannel.KEY, 9, 13, 11, 5));
        assertEquals(1f, plane(obs, DungeonChannel.DOOR, 9, 13, 11, 7));
        assertEquals(1f, plane(obs, DungeonChannel.WALL, 9, 13, 0, 0));
        assertEquals(1f, plane(obs, DungeonChannel.FACING, 9, 13, 2, 1));
        float avatars = 0;
        for (int i = 0; i < 9 * 13; i++) {
            avatars += obs[DungeonChannel.AVATAR.ordinal() * 117 + i] + obs[DungeonChannel.AVATAR_WITH_KEY.ordinal() * 117 + i];
        }
        assertEquals(1f, avatars);
    }

    @Test
    void egocentricViewIsCentredWithWallOutside() {
        Dungeon env = new Dungeon(new Options(Map.of("view", "egocentric", "view_radius", 2,
                "num_levels", 1)));
        Box space = (Box) env.observationSpace();
        assertArrayEquals(new int[] {11, 5, 5}, space.shape());
        float[] obs = env.reset(0).observation();
        assertTrue(space.contains(obs));
        assertEquals(1f, plane(obs, DungeonChannel.AVATAR, 5, 5, 2, 2));
        DungeonLevel level = env.level();
        int ax = level.avatarCell() % level.width();
        int ay = level.avatarCell() / level.width();
        for (int vy = 0; vy < 5; vy++) {
            for (int vx = 0; vx < 5; vx++) {
                int x = ax - 2 + vx;
                int y = ay - 2 + vy;
                boolean outside = x < 0 || y < 0 || x >= level.width() || y >= level.height();
                boolean wall = outside || level.tile(x, y) == dev.levelgym.envs.dungeon.level.DungeonTile.WALL;
                assertEquals(wall ? 1f : 0f, plane(obs, DungeonChannel.WALL, 5, 5, vx, vy), vx + "," + vy);
            }
        }
        Dungeon defaultRadius = new Dungeon(new Options(Map.of("view", "egocentric")));
        assertArrayEquals(new int[] {11, 9, 9}, ((Box) defaultRadius.observationSpace()).shape());
    }

    @Test
    void egocentricOutsideTheLevelIsWall() {
        DungeonLevel borderless = level("A..", ".+.", "..g");
        Dungeon env = new Dungeon(new DungeonLevelSource.Fixed(List.of(borderless)), new DungeonView(true, 1));
        float[] obs = env.reset(0).observation();
        float[][] expectedWall = {{1, 1, 1}, {1, 0, 0}, {1, 0, 0}};
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                assertEquals(expectedWall[y][x], plane(obs, DungeonChannel.WALL, 3, 3, x, y), x + "," + y);
            }
        }
        assertEquals(1f, plane(obs, DungeonChannel.KEY, 3, 3, 2, 2));
        obs = env.step(Dungeon.RIGHT).observation();
        assertEquals(1f, plane(obs, DungeonChannel.AVATAR, 3, 3, 1, 1));
        assertEquals(1f, plane(obs, DungeonChannel.KEY, 3, 3, 1, 2));
        assertEquals(1f, plane(obs, DungeonChannel.FACING, 3, 3, 2, 1));
    }

    @Test
    void levelOptionLoadsFilesAndDirectories(@TempDir Path dir) throws Exception {
        Path levels = Files.createDirectory(dir.resolve("levels"));
        Files.writeString(levels.resolve("a.txt"), NO_ENEMIES);
        Files.writeString(levels.resolve("b.txt"), NO_ENEMIES.replace("wA....", "w....A").replace("\n", "\r\n") + "\r\n");
        Files.writeString(levels.resolve(".hidden"), "junk");
        Dungeon env = new Dungeon(new Options(Map.of("level", levels.toString())));
        Set<Object> ids = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            ids.add(env.reset(i).info().get("levelId"));
        }
        assertEquals(Set.of("a.txt", "b.txt"), ids);

        Dungeon single = new Dungeon(new Options(Map.of("level", levels.resolve("a.txt").toString())));
        assertEquals("a.txt", single.reset(0).info().get("levelId"));

        Files.writeString(levels.resolve("c.txt"), "wwwww\nwA+gw\nwwwww");
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> new Dungeon(new Options(Map.of("level", levels.toString()))));
        assertTrue(size.getMessage().contains("c.txt"), size.getMessage());

        Files.writeString(levels.resolve("c.txt"), NO_ENEMIES.replace('+', 'x'));
        LevelFormatException bad = assertThrows(LevelFormatException.class,
                () -> new Dungeon(new Options(Map.of("level", levels.toString()))));
        assertTrue(bad.file().endsWith("c.txt"));
        assertEquals(6, bad.line());
        assertEquals(12, bad.column());

        assertThrows(IllegalArgumentException.class,
                () -> new Dungeon(new Options(Map.of("level", dir.resolve("missing.txt").toString()))));
    }

    /** {@code level} as a one-layer Tiled map with an embedded tileset whose tiles name their character. */
    private static String tmx(String level) {
        String chars = "w.A+g123";
        String[] rows = level.split("\n");
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<map version=\"1.10\" "
                + "orientation=\"orthogonal\" renderorder=\"right-down\" width=\"" + rows[0].length()
                + "\" height=\"" + rows.length + "\" tilewidth=\"16\" tileheight=\"16\" infinite=\"0\" "
                + "nextlayerid=\"2\" nextobjectid=\"1\">\n <tileset firstgid=\"1\" name=\"t\" tilewidth=\"16\" "
                + "tileheight=\"16\" tilecount=\"8\" columns=\"8\">\n  <image source=\"t.png\" width=\"128\" "
                + "height=\"16\"/>\n");
        for (int i = 0; i < chars.length(); i++) {
            sb.append("  <tile id=\"").append(i).append("\"><properties><property name=\"char\" value=\"")
                    .append(chars.charAt(i)).append("\"/></properties></tile>\n");
        }
        sb.append(" </tileset>\n <layer id=\"1\" name=\"tiles\" width=\"").append(rows[0].length())
                .append("\" height=\"").append(rows.length).append("\">\n  <data encoding=\"csv\">\n");
        StringJoiner gids = new StringJoiner(",");
        for (String row : rows) {
            for (char c : row.toCharArray()) {
                gids.add(Integer.toString(chars.indexOf(c) + 1));
            }
        }
        return sb.append(gids).append("\n  </data>\n </layer>\n</map>\n").toString();
    }

    @Test
    void aGeneratedFolderLoadsItsTextLevelsAndLoneMapsAndSkipsTheRest(@TempDir Path dir) throws Exception {
        // As generate --format txt,png,tmx leaves it: a.txt with its map twin, PNG preview and tileset files.
        Files.writeString(dir.resolve("a.txt"), NO_ENEMIES);
        Files.writeString(dir.resolve("a.tmx"), "not even XML: a twin of a.txt is never read");
        Files.write(dir.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(dir.resolve("dungeon.tsx"), "<tileset/>");
        Files.writeString(dir.resolve("b.tmx"), tmx(NO_ENEMIES.replace("wA....", "w....A")));
        Dungeon env = new Dungeon(new Options(Map.of("level", dir.toString())));
        Set<Object> ids = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            ids.add(env.reset(i).info().get("levelId"));
        }
        assertEquals(Set.of("a.txt", "b.tmx"), ids);

        Path empty = Files.createDirectory(dir.resolve("previews-only"));
        Files.write(empty.resolve("a.png"), new byte[] {1});
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new Dungeon(new Options(Map.of("level", empty.toString()))));
        assertTrue(none.getMessage().contains("no level files"), none.getMessage());
    }

    @Test
    void optionsAreChecked(@TempDir Path dir) throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new Dungeon(new Options(Map.of("colour", "red"))));
        assertThrows(IllegalArgumentException.class, () -> new Dungeon(new Options(Map.of("view", "side"))));
        assertThrows(IllegalArgumentException.class, () -> new Dungeon(new Options(Map.of("view_radius", 3))));
        assertThrows(IllegalArgumentException.class, () -> new Dungeon(new Options(Map.of("num_levels", -1))));
        assertThrows(IllegalArgumentException.class, () -> new Dungeon(new Options(Map.of("width", 3))));
        Path file = dir.resolve("l.txt");
        Files.writeString(file, NO_ENEMIES);
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> new Dungeon(new Options(Map.of("level", file.toString(), "num_levels", 5))));
        assertTrue(mixed.getMessage().contains("num_levels"));
    }

    @Test
    void actionsAreValidated() {
        Dungeon env = new Dungeon(Options.empty());
        assertThrows(IllegalStateException.class, () -> env.step(0));
        env.reset(1);
        assertThrows(IllegalArgumentException.class, () -> env.step(6));
        assertThrows(IllegalArgumentException.class, () -> env.step(-1));
        assertThrows(IllegalArgumentException.class, () -> env.reset(-1));
    }

    @Test
    void renders() {
        Dungeon env = env(DungeonParser.parse(NO_ENEMIES, "r"));
        Rendering.Text text = assertInstanceOf(Rendering.Text.class, env.render(RenderMode.ANSI));
        String plain = text.text().replaceAll("\u001b\\[[0-9;]*m", "");
        assertEquals(NO_ENEMIES + "\n", plain);
        Rendering.RgbFrame frame = assertInstanceOf(Rendering.RgbFrame.class, env.render(RenderMode.RGB));
        assertEquals(13 * 16, frame.width());
        assertEquals(9 * 16, frame.height());
        assertEquals(DungeonRenderer.colour('w'), frame.pixel(0, 0));
        assertEquals(DungeonRenderer.colour('A'), frame.pixel(16 + 8, 16 + 8));
        assertEquals(DungeonRenderer.colour('.'), frame.pixel(16, 16));
        assertEquals(DungeonRenderer.colour('+'), frame.pixel(11 * 16 + 1, 5 * 16 + 1));
    }

    @Test
    void specMakesAWrappedEnvWithTheTimeLimit() {
        assertEquals("Dungeon-v0", Dungeon.SPEC.id());
        assertEquals(Dungeon.MAX_EPISODE_STEPS, Dungeon.SPEC.maxEpisodeSteps().getAsInt());
        assertEquals(2.0, Dungeon.SPEC.rewardThreshold().getAsDouble());
        Env<float[], Integer> env = Dungeon.SPEC.make(Map.of("max_episode_steps", 7, "num_levels", 1));
        assertInstanceOf(Dungeon.class, env.unwrapped());
        env.reset(0);
        StepResult<float[]> r = null;
        int steps = 0;
        do {
            r = env.step(Dungeon.NOOP);
            steps++;
        } while (!r.done());
        assertTrue(steps <= 7);
        if (!r.terminated()) {
            assertEquals(7, steps);
            assertTrue(r.truncated());
        }
    }
}
