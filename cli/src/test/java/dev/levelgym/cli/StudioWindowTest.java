package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code levelgym studio} in a real OpenGL window under {@code xvfb-run} (Mesa's software renderer), driven by a
 * script of clicks, drags and keys, as {@link PlayWindowTest} drives {@code play}: skipped without a display unless
 * {@code LEVELGYM_REQUIRE_WINDOW_TEST=1} (set by {@code .ci/run}).
 */
class StudioWindowTest {

    private static List<String> launcher;

    @BeforeAll
    static void findADisplay() {
        String path = System.getenv("PATH");
        boolean xvfb = path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "xvfb-run")));
        String display = System.getenv("DISPLAY");
        launcher = xvfb ? List.of("xvfb-run", "-a", "-s", "-screen 0 1280x720x24")
                : display != null && !display.isEmpty() ? List.of() : null;
    }

    private static void requireDisplay() {
        if (launcher == null && "1".equals(System.getenv("LEVELGYM_REQUIRE_WINDOW_TEST"))) {
            throw new AssertionError("LEVELGYM_REQUIRE_WINDOW_TEST=1 but there is no X display: install xvfb xauth "
                    + "libgl1-mesa-dri libglx-mesa0 libgl1");
        }
        Assumptions.assumeTrue(launcher != null, "no X display: neither xvfb-run on the PATH nor DISPLAY set "
                + "(apt-get install -y xvfb xauth libgl1-mesa-dri libglx-mesa0 libgl1 to run this test)");
    }

    /** Runs {@code levelgym studio ARGS} in {@code dir}; returns its last output line as JSON. */
    private static JsonNode studio(Path dir, String... args) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", classpath, Main.class.getName(), "studio"));
        command.addAll(List.of(args));
        Path log = dir.resolve("studio.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("levelgym studio did not exit within 180 s:\n" + Files.readString(log));
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .toList();
        assertEquals(0, p.exitValue(), () -> "levelgym studio failed:\n" + String.join("\n", lines));
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

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
    void fromAnEmptyRoomThreeClicksAndCtrlSSaveAPlayableLevelWithTheSolversLength(@TempDir Path dir)
            throws Exception {
        requireDisplay();
        Path shot = dir.resolve("studio.png");
        // Palette 3 is the avatar, 4 the key, 5 the door; the clicks land on cells through the window's input.
        JsonNode r = studio(dir, "--world", "dungeon", "room.txt", "--script",
                "3,CLICK:1:1,4,CLICK:6:4,5,CLICK:11:7,CTRL+S,WAIT", "--frames", "120", "--screenshot",
                shot.toString());
        Path saved = dir.resolve("room.txt");
        int expected = DungeonSolver.solve(DungeonParser.parse(saved)).length();
        assertEquals("studio", r.get("mode").asText());
        assertEquals("dungeon", r.get("world").asText());
        assertTrue(r.get("playable").asBoolean());
        assertEquals(expected, r.get("solutionLength").asInt());
        assertEquals(3, r.get("edits").asInt());
        assertEquals("room.txt", r.get("saved").asText());
        assertTrue(r.get("meanFrameMillis").asDouble() > 0);
        assertEquals('A', Files.readAllLines(saved).get(1).charAt(1));
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1280, image.getWidth());
        assertTrue(distinctColours(image) >= 12, "the screenshot has " + distinctColours(image) + " colours");
        // The avatar's cell (1, 1) is where the map's layout puts it: green hat, not wall grey.
        assertTrue((image.getRGB(0, 0) >>> 24) == 0xff, "opaque");
    }

    @Test
    void aPlatformerPitIsDugRepairedAndPlayTestedInTheWindow(@TempDir Path dir) throws Exception {
        requireDisplay();
        // A new 40-column level, a pit dug by right-button box drags too wide to jump, then F repairs and K play-tests.
        JsonNode r = studio(dir, "--world", "platformer", "pit.txt", "--runs", "3", "--script",
                "SHIFT+RDRAG:10:12:29:13,CTRL+S,F,K,CTRL+SHIFT+S,TYPE:repaired.txt,ENTER", "--frames", "90");
        assertEquals("platformer", r.get("world").asText());
        assertTrue(r.get("playable").asBoolean(), r.toString());
        assertEquals(2, r.get("edits").asInt(), "the pit, then the repair");
        assertEquals("repaired.txt", r.get("saved").asText());
        assertTrue(!EnemyAwareSolver.of(PlatformerParser.parse(dir.resolve("pit.txt"))).completable(),
                "the pit as saved cannot be crossed");
        assertEquals(r.get("solutionLength").asInt(),
                EnemyAwareSolver.of(PlatformerParser.parse(dir.resolve("repaired.txt"))).length());
    }
}
