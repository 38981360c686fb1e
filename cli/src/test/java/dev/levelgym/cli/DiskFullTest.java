package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up during {@code train}, made real for the child process with {@code ulimit -f} (no file may
 * grow past the limit: the write fails with EFBIG, "File too large", as it fails with ENOSPC on a full disk; a
 * tmpfs cannot be mounted in a test). The run stops with one line naming the file, the last good checkpoint stays
 * as it was, and {@code --resume} once there is room again ends with an uninterrupted run's files.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DiskFullTest {

    @TempDir
    Path tmp;

    private static final String[] TRAIN = {"train", "--env", "CartPole-v1", "--agent", "q-learning", "--steps",
        "40000", "--seed", "2", "--eval-every", "10000", "--eval-episodes", "5", "--checkpoint-every", "5000",
        "--no-progress"};

    @Test
    @Timeout(300)
    void aCheckpointThatDoesNotFitLeavesTheLastOneIntact() throws Exception {
        // 10,000 discretizer states: a 160 KB Q-table, more than the 100 KiB any file may grow to below.
        Path config = Files.writeString(tmp.resolve("big-table.yaml"),
                "discretizer: {low: [-2.4, -3, -0.21, -3.5], high: [2.4, 3, 0.21, 3.5], bins: [1, 10, 10, 100]}\n");
        String[] train = KillAndResumeTest.with(TRAIN, "--config", config.toString());
        Path whole = tmp.resolve("whole");
        Path out = tmp.resolve("full");
        assertEquals(0, CliRun.of(KillAndResumeTest.with(train, "--out", whole.toString())).exitCode());
        // 10,000 steps with room on the disk: the checkpoint at 10,000 is written (160 KB).
        assertEquals(0, CliRun.of(KillAndResumeTest.with(train, "--out", out.toString(), "--stop-after", "10000"))
                .exitCode());
        Map<String, byte[]> before = contents(out.resolve("checkpoint"));

        ChildCli.Result full = ChildCli.in(tmp).throughShell("ulimit -f 100")
                .run(KillAndResumeTest.with(train, "--out", out.toString(), "--resume"));
        Path checkpoint = out.toAbsolutePath().resolve("checkpoint");
        assertEquals(UserErrorHandler.USER_ERROR, full.exitCode(), full.err());
        assertEquals("levelgym train: error: cannot save checkpoint to " + checkpoint + ": cannot write "
                + checkpoint.resolve("q-table.bin") + ": File too large", full.err().strip());
        assertEquals(before.keySet(), contents(out.resolve("checkpoint")).keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, contents(out.resolve("checkpoint")).get(name), name));
        assertEquals(List.of(), leftovers(tmp), "no temporary files or directories are left");

        assertEquals(0, CliRun.of(KillAndResumeTest.with(train, "--out", out.toString(), "--resume")).exitCode());
        assertEquals(KillAndResumeTest.columns(whole.resolve("episodes.csv"), 5),
                KillAndResumeTest.columns(out.resolve("episodes.csv"), 5));
        assertEquals(KillAndResumeTest.columns(whole.resolve("eval.csv"), 4),
                KillAndResumeTest.columns(out.resolve("eval.csv"), 4));
        KillAndResumeTest.assertSameCheckpoints(whole.resolve("checkpoint"), out.resolve("checkpoint"));
    }

    @Test
    @Timeout(300)
    void aRunWhoseEpisodesNoLongerFitStopsNamingTheFileAndResumes() throws Exception {
        Path whole = tmp.resolve("whole");
        Path out = tmp.resolve("full");
        assertEquals(0, CliRun.of(KillAndResumeTest.with(TRAIN, "--out", whole.toString())).exitCode());
        // episodes.csv reaches 8 KiB after some 200 episodes: the write of a row fails part way.
        ChildCli.Result full = ChildCli.in(tmp).throughShell("ulimit -f 8")
                .run(KillAndResumeTest.with(TRAIN, "--out", out.toString()));
        Path episodes = out.toAbsolutePath().resolve("episodes.csv");
        assertEquals(UserErrorHandler.USER_ERROR, full.exitCode(), full.err());
        assertEquals("levelgym train: error: cannot write " + episodes + ": File too large", full.err().strip());
        assertEquals(8 * 1024, Files.size(episodes), "the file was cut where the disk filled");
        assertTrue(!Files.readString(episodes).endsWith("\n"), "its last row is cut short");

        assertEquals(0, CliRun.of(KillAndResumeTest.with(TRAIN, "--out", out.toString(), "--resume")).exitCode());
        assertEquals(KillAndResumeTest.columns(whole.resolve("episodes.csv"), 5),
                KillAndResumeTest.columns(out.resolve("episodes.csv"), 5));
        assertEquals(KillAndResumeTest.columns(whole.resolve("eval.csv"), 4),
                KillAndResumeTest.columns(out.resolve("eval.csv"), 4));
        KillAndResumeTest.assertSameCheckpoints(whole.resolve("checkpoint"), out.resolve("checkpoint"));
    }

    private static Map<String, byte[]> contents(Path dir) {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return files;
    }

    private static List<String> leftovers(Path dir) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-") || n.contains(".old-"))
                    .toList();
        }
    }
}
