package dev.levelgym.agents.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.agents.testing.LegacyCheckpoints;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.registry.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a kill, a full disk or a careless hand can leave in a run directory, and that {@code --resume} then ends
 * with the files an uninterrupted run writes (wall-clock columns aside), or refuses naming the file.
 */
class TrainingRunRecoveryTest {

    /** FrozenLake, slippery: 8,000 steps, evaluations every 1,000, checkpoints every 700; paused at 3,456. */
    private static final RunSettings SETTINGS = new RunSettings("FrozenLake-v1", Map.of(), "q-learning", null,
            8_000, 5, 1_000, 10, 700);
    private static final long STOP = 3_456;

    /** The uninterrupted run, made once: every test compares with it. */
    @TempDir
    static Path shared;
    private static Path whole;

    @TempDir
    Path tmp;

    private final TrainingRun run = new TrainingRun(AgentKinds.standard(), Registry.standard());
    private final List<String> notes = new ArrayList<>();
    private final TrainingRun.Listener listener = new TrainingRun.Listener() {
        @Override
        public void onNote(String message) {
            notes.add(message);
        }
    };
    private Path split;

    @BeforeAll
    static void runWhole() {
        whole = shared.resolve("whole");
        new TrainingRun(AgentKinds.standard(), Registry.standard()).start(SETTINGS, whole, Long.MAX_VALUE,
                TrainingRun.Listener.NONE);
    }

    @BeforeEach
    void runFirstPart() {
        split = tmp.resolve("split");
        run.start(SETTINGS, split, STOP, TrainingRun.Listener.NONE);
    }

    private void resumeAndCompare() throws IOException {
        assertTrue(run.resume(SETTINGS, split, Long.MAX_VALUE, listener).finished());
        assertEquals(columns(whole.resolve(RunFiles.EPISODES_CSV), 5),
                columns(split.resolve(RunFiles.EPISODES_CSV), 5));
        assertEquals(columns(whole.resolve(RunFiles.EVAL_CSV), 4), columns(split.resolve(RunFiles.EVAL_CSV), 4));
        TrainingRunTest.assertSameCheckpoints(whole.resolve(RunFiles.CHECKPOINT), split.resolve(RunFiles.CHECKPOINT));
        assertEquals(listing(whole), listing(split), "no temporary or set-aside files are left");
    }

    /** A kill or a full disk in the middle of a row: the file ends in a partial line. */
    @Test
    void aCutLastEpisodeRowIsDropped() throws IOException {
        // As the issue saw it: the cut row made --resume fail with For input string: "".
        Files.writeString(split.resolve(RunFiles.EPISODES_CSV), "5,812,", StandardOpenOption.APPEND);
        resumeAndCompare();
        assertEquals(List.of(), notes);
    }

    @Test
    void aMissingEvalCsvIsRestoredFromTheCheckpoint() throws IOException {
        Files.delete(split.resolve(RunFiles.EVAL_CSV));
        resumeAndCompare();
    }

    @Test
    void aCutOrDamagedEvalCsvIsRestoredFromTheCheckpoint() throws IOException {
        Path eval = split.resolve(RunFiles.EVAL_CSV);
        List<String> lines = Files.readAllLines(eval);
        Files.writeString(eval, String.join("\n", lines.subList(0, 2)) + "\n3000,0.4"); // rows lost, one cut
        resumeAndCompare();

        Path again = tmp.resolve("again");
        run.start(SETTINGS, again, STOP, TrainingRun.Listener.NONE);
        Files.writeString(again.resolve(RunFiles.EVAL_CSV), "\u0000\u0000garbage\n1,2,3\n");
        run.resume(SETTINGS, again, Long.MAX_VALUE, listener);
        assertEquals(columns(whole.resolve(RunFiles.EVAL_CSV), 4), columns(again.resolve(RunFiles.EVAL_CSV), 4));
    }

    /** Checkpoints keep no copy of the episodes: rows the checkpoint covers that changed are refused, by name. */
    @Test
    void episodesTheCheckpointCoversThatChangedAreRefusedAndAMissingFileIsNoted() throws IOException {
        Path episodes = split.resolve(RunFiles.EPISODES_CSV);
        List<String> lines = new ArrayList<>(Files.readAllLines(episodes));
        lines.set(3, lines.get(3) + "1"); // one more digit in a row the checkpoint covers
        Files.write(episodes, lines);
        UserInputException e = assertThrows(UserInputException.class,
                () -> run.resume(SETTINGS, split, Long.MAX_VALUE, listener));
        assertTrue(e.getMessage().startsWith("--resume: " + episodes + " is not what the checkpoint recorded: its "
                + "first "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" bytes were changed; the training episodes before step 3456 cannot be "
                + "restored. Move it aside to continue the run with an episodes.csv that starts at step 3456"),
                e.getMessage());

        Files.move(episodes, tmp.resolve("aside.csv"));
        assertTrue(run.resume(SETTINGS, split, Long.MAX_VALUE, listener).finished());
        assertEquals(List.of(episodes + " is missing: the training episodes before step 3456 are lost; the new one "
                + "records those from step 3456 on"), notes);
        List<String> tail = columns(whole.resolve(RunFiles.EPISODES_CSV), 5).stream()
                .filter(l -> l.startsWith("seed") || Long.parseLong(l.split(",")[2]) > 3_456).toList();
        assertEquals(tail, columns(episodes, 5));
    }

    /** Killed between the two renames of a checkpoint save: the old checkpoint waits beside, renamed aside. */
    @Test
    void aCheckpointLeftRenamedAsideIsPutBack() throws IOException {
        Path checkpoint = split.resolve(RunFiles.CHECKPOINT);
        Files.move(checkpoint, split.resolve(".checkpoint.old-4711"));
        Files.createDirectories(split.resolve(".checkpoint.tmp-4712"));
        Files.writeString(split.resolve(".checkpoint.tmp-4712/q-table.bin"), "half");
        Files.writeString(split.resolve(".eval.csv.tmp-99"), "half");
        resumeAndCompare();
    }

    @Test
    void aRunStoppedBeforeItsFirstCheckpointOrBeforeItBeganStartsOver() throws IOException {
        try (Stream<Path> walk = Files.walk(split.resolve(RunFiles.CHECKPOINT))) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        resumeAndCompare();
        assertEquals(List.of(split + " has no checkpoint yet (the run stopped before its first); starting it from "
                + "step 0"), notes);

        Path fresh = tmp.resolve("never-started");
        assertTrue(run.resume(SETTINGS, fresh, Long.MAX_VALUE, listener).finished());
        assertEquals(columns(whole.resolve(RunFiles.EPISODES_CSV), 5),
                columns(fresh.resolve(RunFiles.EPISODES_CSV), 5));
    }

    /** A checkpoint of an earlier levelgym: no copy of eval.csv, no record of episodes.csv, no digests. */
    @Test
    void aCheckpointFromBeforeTheRunRecordStillResumesACutRun() throws IOException {
        Path checkpoint = split.resolve(RunFiles.CHECKPOINT);
        Files.delete(checkpoint.resolve(RunFiles.CHECKPOINT_EVALS));
        Files.delete(checkpoint.resolve(RunFiles.CHECKPOINT_PROGRESS));
        LegacyCheckpoints.stripDigests(checkpoint.resolve(Checkpoints.MANIFEST));
        Files.writeString(split.resolve(RunFiles.EPISODES_CSV), "5,812,34", StandardOpenOption.APPEND);
        Files.writeString(split.resolve(RunFiles.EVAL_CSV), "4000,0.5,0.", StandardOpenOption.APPEND);
        assertTrue(run.resume(SETTINGS, split, Long.MAX_VALUE, listener).finished());
        assertEquals(columns(whole.resolve(RunFiles.EPISODES_CSV), 5),
                columns(split.resolve(RunFiles.EPISODES_CSV), 5));
        assertEquals(columns(whole.resolve(RunFiles.EVAL_CSV), 4), columns(split.resolve(RunFiles.EVAL_CSV), 4));

        Path damaged = tmp.resolve("damaged");
        run.start(SETTINGS, damaged, STOP, TrainingRun.Listener.NONE);
        Path dc = damaged.resolve(RunFiles.CHECKPOINT);
        Files.delete(dc.resolve(RunFiles.CHECKPOINT_EVALS));
        Files.delete(dc.resolve(RunFiles.CHECKPOINT_PROGRESS));
        LegacyCheckpoints.stripDigests(dc.resolve(Checkpoints.MANIFEST));
        Path episodes = damaged.resolve(RunFiles.EPISODES_CSV);
        List<String> lines = new ArrayList<>(Files.readAllLines(episodes));
        lines.set(2, "5,1,zz");
        Files.write(episodes, lines);
        UserInputException e = assertThrows(UserInputException.class,
                () -> run.resume(SETTINGS, damaged, Long.MAX_VALUE, listener));
        assertEquals(episodes + ":3: damaged row '5,1,zz'", e.getMessage());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The file's rows cut to their first {@code keep} columns (dropping the wall-clock ones). */
    static List<String> columns(Path csv, int keep) throws IOException {
        return Files.readAllLines(csv).stream()
                .map(l -> String.join(",", Arrays.asList(l.split(",", -1)).subList(0, Math.min(keep,
                        l.split(",", -1).length)))).toList();
    }
}
