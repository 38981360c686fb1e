package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User errors print one line that starts with the whole command as typed, and exit with code 2. */
class CliErrorsTest {

    @TempDir
    Path tmp;

    @Test
    void theErrorPrefixIsTheFullCommandNotItsLastWord() {
        CliRun gan = CliRun.of("gan", "train", "--out", tmp.resolve("m").toString(), "--steps", "0");
        assertEquals(2, gan.exitCode());
        assertEquals("levelgym gan train: error: --steps must be at least 1, got 0", gan.err().strip());

        CliRun badFlag = CliRun.of("gan", "evaluate", "--no-such-flag");
        assertEquals(2, badFlag.exitCode());
        assertTrue(badFlag.err().startsWith("levelgym gan evaluate: error: Missing required option"),
                badFlag.err());

        CliRun check = CliRun.of("level", "check", "--env", "CartPole-v1", "x.txt");
        assertEquals(2, check.exitCode());
        assertTrue(check.err().startsWith("levelgym level check: error: --env: "), check.err());

        CliRun top = CliRun.of("rollout", "--env", "Nope-v0");
        assertTrue(top.err().startsWith("levelgym rollout: error: "), top.err());
    }

    @Test
    void seedsThatWouldWrapAroundAreRefusedNotPrintedNegative() {
        long max = Long.MAX_VALUE;
        CliRun rollout = CliRun.of("rollout", "--env", "CartPole-v1", "--episodes", "2", "--seed", Long.toString(max));
        assertEquals(2, rollout.exitCode());
        assertEquals("levelgym rollout: error: --seed 9223372036854775807 with --episodes 2 asks for seeds up to "
                + "9223372036854775808, past the largest seed 9223372036854775807 (2^63 - 1); lower --seed",
                rollout.err().strip());
        assertEquals("", rollout.out());

        CliRun report = CliRun.of("report", "--episodes", "3", "--seed", Long.toString(max - 1));
        assertEquals(2, report.exitCode());
        assertTrue(report.err().contains("asks for seeds up to 9223372036854775808,"), report.err());

        // The largest seed itself is a seed: one episode of it runs.
        CliRun last = CliRun.of("rollout", "--env", "CartPole-v1", "--episodes", "1", "--seed", Long.toString(max));
        assertEquals(0, last.exitCode(), last.err());
        assertTrue(last.out().contains("9223372036854775807"), last.out());
    }

    /** A folder that cannot be written (root ignores permissions, so the test uses a file where a folder goes). */
    @Test
    void anUnwritableOutNamesTheFileAndWhy() throws Exception {
        Path file = java.nio.file.Files.writeString(tmp.resolve("a-file"), "x");
        CliRun run = CliRun.of("train", "--env", "FrozenLake-v1", "--agent", "random", "--steps", "100", "--out",
                file.resolve("run").toString());
        assertEquals(2, run.exitCode());
        assertEquals("levelgym train: error: " + file.resolve("run") + ": Not a directory", run.err().strip());
        // Java's own exceptions of these kinds carry the path alone; the message says what is wrong with it.
        assertEquals(file + ": it already exists (a file where a folder is needed?)",
                UserErrorHandler.userMessage(new java.nio.file.FileAlreadyExistsException(file.toString())));
        assertEquals(tmp.resolve("ro") + ": permission denied",
                UserErrorHandler.userMessage(new java.nio.file.AccessDeniedException(tmp.resolve("ro").toString())));
    }
}
