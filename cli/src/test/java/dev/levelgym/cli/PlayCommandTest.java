package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The play command's flag errors, which are reported before any window opens. */
class PlayCommandTest {

    private static void assertUserError(String expected, CliRun run) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("levelgym play: error: " + expected, run.err().strip());
    }

    @Test
    void badFlagsAreOneLineWithExitCodeTwo(@TempDir Path dir) throws Exception {
        assertUserError("--mode must be one of menu, play, watch, cartpole, platformer, platformer-watch; got 'fly'",
                CliRun.of("play", "--mode", "fly"));
        assertUserError("--script: token 2 'JUMP' is not a key name (e.g. UP, DOWN, LEFT, RIGHT, SPACE, ENTER, "
                + "ESCAPE, W, 1, PERIOD, or WAIT)", CliRun.of("play", "--script", "UP,JUMP", "--frames", "5"));
        assertUserError("--screenshot needs --frames: the screenshot is taken after that many frames",
                CliRun.of("play", "--screenshot", dir.resolve("a.png").toString()));
        Path missing = dir.resolve("nope.txt");
        assertUserError("--level: level file " + missing + " does not exist",
                CliRun.of("play", "--level", missing.toString()));
        Path shot = Files.writeString(dir.resolve("shot.png"), "keep me");
        assertUserError("--screenshot " + shot + " exists; pass --force to overwrite it",
                CliRun.of("play", "--frames", "5", "--screenshot", shot.toString()));
        assertEquals("keep me", Files.readString(shot));
    }

    @Test
    void aMalformedLevelFileIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path level = Files.writeString(dir.resolve("bad.txt"), "wwwww\nwAx+w\nwwgww\n");
        CliRun run = CliRun.of("play", "--level", level.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().strip().startsWith("levelgym play: error: ") && run.err().contains("bad.txt:2:3:"),
                run.err());
    }

    @Test
    void platformerModesReadTheLevelAsAVglcFile(@TempDir Path dir) throws Exception {
        String ground = "-".repeat(20) + "\n";
        Path level = Files.writeString(dir.resolve("mario.txt"), ground.repeat(11) + "-----Z" + "-".repeat(14) + "\n"
                + ("X".repeat(20) + "\n").repeat(2));
        CliRun run = CliRun.of("play", "--mode", "platformer", "--level", level.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().strip().startsWith("levelgym play: error: ") && run.err().contains("mario.txt:12:6:"),
                run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aCheckpointForAnotherEnvCannotBeWatchedAsThePlatformer(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("cp");
        CliRun train = CliRun.of("train", "--env", "CartPole-v1", "--agent", "q-learning", "--steps", "50", "--out",
                run.toString(), "--no-progress");
        assertEquals(0, train.exitCode(), train.err());
        assertUserError("--checkpoint " + run + " holds an agent for CartPole-v1, which --mode platformer-watch "
                + "cannot show", CliRun.of("play", "--mode", "platformer-watch", "--checkpoint", run.toString()));
    }
}
