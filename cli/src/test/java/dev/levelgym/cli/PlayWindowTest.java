package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code levelgym play} in a real OpenGL window: a child JVM runs the command under {@code xvfb-run} (Mesa's
 * software renderer), so this needs the packages xvfb, xauth, libgl1-mesa-dri, libglx-mesa0 and libgl1. Without
 * xvfb-run and without a DISPLAY the tests are skipped, saying so, unless {@code LEVELGYM_REQUIRE_WINDOW_TEST=1}
 * (set by {@code .ci/run}) makes that a failure.
 */
class PlayWindowTest {

    /** A level whose monsters are shut in a pocket, so the solver's route (which ignores monsters) is safe. */
    private static final String POCKET = String.join("\n",
            "wwwwwwwwwwwww",
            "wA....w.....w",
            "w.ww..w.ww+.w",
            "w..w....w...w",
            "ww.wwww.w.www",
            "w......ww...w",
            "wwwwww....w.w",
            "w312.w.ww.wgw",
            "wwwwwwwwwwwww") + "\n";

    /** 36 columns: a gap, a pipe, a cannon, coins, question blocks and an enemy the solver's run must time. */
    private static final String SMALL_PLATFORMER = String.join("\n",
            "------------------------------------",
            "------------------------------------",
            "------------------------------------",
            "------------------------------------",
            "------------------------------------",
            "------------------------------------",
            "------------------------------------",
            "----------------o-------------------",
            "------?S?---------------------------",
            "----------o-o-----------------------",
            "----------------------<>------B-----",
            "----------------------[]---E--b-----",
            "XXXXXXXXXXXXXXX---XXXXXXXXXXXXXXXXXX",
            "XXXXXXXXXXXXXXX---XXXXXXXXXXXXXXXXXX") + "\n";

    private static List<String> launcher;

    @BeforeAll
    static void findADisplay() {
        if (onPath("xvfb-run")) {
            launcher = List.of("xvfb-run", "-a", "-s", "-screen 0 1280x720x24");
        } else if (System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isEmpty()) {
            launcher = List.of();
        } else {
            launcher = null;
        }
    }

    private static void requireDisplay() {
        if (launcher == null && "1".equals(System.getenv("LEVELGYM_REQUIRE_WINDOW_TEST"))) {
            throw new AssertionError("LEVELGYM_REQUIRE_WINDOW_TEST=1 but there is no X display: install xvfb xauth "
                    + "libgl1-mesa-dri libglx-mesa0 libgl1");
        }
        Assumptions.assumeTrue(launcher != null, "no X display: neither xvfb-run on the PATH nor DISPLAY set "
                + "(apt-get install -y xvfb xauth libgl1-mesa-dri libglx-mesa0 libgl1 to run this test)");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private record Run(int exitCode, List<String> output) {

        JsonNode result() throws IOException {
            return new ObjectMapper().readTree(output.get(output.size() - 1));
        }
    }

    private static Run play(Path dir, String... args) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, Main.class.getName(), "play"));
        command.addAll(List.of(args));
        Path log = dir.resolve("play.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("levelgym play did not exit within 180 s:\n" + Files.readString(log));
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .toList();
        assertEquals(0, p.exitValue(), () -> "levelgym play failed:\n" + String.join("\n", lines));
        return new Run(p.exitValue(), lines);
    }

    /** Distinct colours among the centres of a coarse grid over the image: a blank frame has one. */
    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 5; y < image.getHeight(); y += 10) {
            for (int x = 5; x < image.getWidth(); x += 10) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    @Test
    void theSolversMovesWinInARealWindowAndTheScreenshotShowsTheLevel(@TempDir Path dir) throws Exception {
        requireDisplay();
        Path levelFile = dir.resolve("pocket.txt");
        Files.writeString(levelFile, POCKET);
        DungeonLevel level = DungeonParser.parse(levelFile);
        DungeonSolution solution = DungeonSolver.solve(level);
        String script = solution.actions().stream().map(a -> switch (a) {
            case Dungeon.UP -> "UP";
            case Dungeon.DOWN -> "DOWN";
            case Dungeon.LEFT -> "LEFT";
            default -> "RIGHT";
        }).collect(Collectors.joining(","));
        int frames = 8 * solution.length() + 30;
        Path shot = dir.resolve("win.png");

        Run run = play(dir, "--mode", "play", "--level", levelFile.toString(), "--script", script,
                "--frames", Integer.toString(frames), "--screenshot", shot.toString());

        JsonNode result = run.result();
        assertEquals("play", result.get("mode").asText());
        assertEquals("win", result.get("result").asText());
        assertEquals(solution.length(), result.get("steps").asInt());
        assertEquals(2.0, result.get("score").asDouble());
        assertTrue(result.get("meanFrameMillis").asDouble() > 0);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
        assertTrue(distinctColours(image) >= 8, "the screenshot has " + distinctColours(image) + " colours");
        // The window's top is the HUD, darker than the level below: the image is flipped exactly once.
        assertTrue(meanBrightness(image, 0, 80) < meanBrightness(image, 300, 500),
                "top " + meanBrightness(image, 0, 80) + ", middle " + meanBrightness(image, 300, 500));
        assertTrue((image.getRGB(0, 0) >>> 24) == 0xff, "opaque");
    }

    @Test
    void theSolversRunWinsThePlatformerInARealWindow(@TempDir Path dir) throws Exception {
        requireDisplay();
        Path levelFile = dir.resolve("small.txt");
        Files.writeString(levelFile, SMALL_PLATFORMER);
        PlatformerLevel level = PlatformerParser.parse(levelFile);
        PlatformerSolution solution = EnemyAwareSolver.of(level);
        // Two script slots a tick (--frames-per-key 4, a tick is 8 frames), so a jump and a direction share one.
        String script = solution.actions().stream().map(a -> switch (a) {
            case PlatformerPhysics.NOOP -> "WAIT,WAIT";
            case PlatformerPhysics.LEFT -> "LEFT,WAIT";
            case PlatformerPhysics.RIGHT -> "RIGHT,WAIT";
            case PlatformerPhysics.JUMP -> "UP,WAIT";
            case PlatformerPhysics.JUMP_LEFT -> "UP,LEFT";
            default -> "UP,RIGHT";
        }).collect(Collectors.joining(","));
        Platformer env = Platformer.of(level);
        env.reset(0);
        StepResult<float[]> last = null;
        for (int a : solution.actions()) {
            last = env.step(a);
        }
        int frames = 8 * solution.length() + 30;
        Path shot = dir.resolve("platformer.png");

        Run run = play(dir, "--mode", "platformer", "--level", levelFile.toString(), "--script", script,
                "--frames-per-key", "4", "--frames", Integer.toString(frames), "--screenshot", shot.toString());

        JsonNode result = run.result();
        assertEquals("platformer", result.get("mode").asText());
        assertEquals("win", result.get("result").asText());
        assertEquals(solution.length(), result.get("steps").asInt());
        assertEquals(((Number) last.info().get("score")).doubleValue(), result.get("score").asDouble(),
                "the env's own score for the same actions");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
        assertTrue(distinctColours(image) >= 8, "the screenshot has " + distinctColours(image) + " colours");
        // The HUD at the top is dark, the sky below it light: flipped exactly once.
        assertTrue(meanBrightness(image, 0, 80) < meanBrightness(image, 150, 300),
                "top " + meanBrightness(image, 0, 80) + ", sky " + meanBrightness(image, 150, 300));
        // The win banner is across the middle.
        assertTrue(meanBrightness(image, 330, 350) < meanBrightness(image, 150, 300));
        assertTrue((image.getRGB(0, 0) >>> 24) == 0xff, "opaque");
    }

    @ParameterizedTest
    @ValueSource(strings = {"menu", "watch", "cartpole", "platformer-watch"})
    void everyModeDrawsAndReportsItself(String mode, @TempDir Path dir) throws Exception {
        requireDisplay();
        Path shot = dir.resolve(mode + ".png");
        Run run = play(dir, "--mode", mode, "--seed", "1", "--frames", "60", "--screenshot", shot.toString());
        JsonNode result = run.result();
        assertEquals(mode, result.get("mode").asText());
        assertEquals(mode.equals("menu") ? 0 : 1, Math.min(1, result.get("steps").asInt()));
        assertTrue(distinctColours(ImageIO.read(shot.toFile())) >= 4);
    }

    private static double meanBrightness(BufferedImage image, int fromRow, int toRow) {
        double sum = 0;
        int n = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                n++;
            }
        }
        return sum / n;
    }
}
