package dev.levelgym.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.testing.SeedLengthEnv;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.vector.SyncVectorEnv;
import dev.levelgym.envs.vector.VectorEnv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {

    @TempDir
    Path tmp;

    /** Acts by a fixed rule and records what the loop hands it. */
    static final class RecordingLearner implements Learner<float[]> {
        TrainingLoop loop = new TrainingLoop();
        final List<String> rows = new ArrayList<>();
        int observed;
        int updated;
        Long begunWith;

        @Override
        public TrainingLoop loop() {
            return loop;
        }

        @Override
        public void beginRun(VectorEnv env, long seed) {
            begunWith = seed;
        }

        @Override
        public void requireSpaces(VectorEnv env) {
        }

        @Override
        public void actBatch(float[] observations, boolean explore, int[] actions) {
            for (int i = 0; i < actions.length; i++) {
                actions[i] = ((int) observations[2 * i] + i) % 2;
            }
        }

        @Override
        public void observe(Transitions t) {
            observed++;
            for (int i = 0; i < t.numEnvs(); i++) {
                float[] next = t.nextObservations();
                rows.add(i + ":" + t.valid(i) + ":" + t.observations()[t.offset(i)] + "->" + next[t.offset(i)] + ":"
                        + t.reward(i) + ":" + t.terminated(i) + ":" + t.truncated(i));
            }
        }

        @Override
        public void update() {
            updated++;
        }

        @Override
        public Integer act(float[] observation, boolean explore) {
            return 0;
        }

        @Override
        public void save(Path dir, dev.levelgym.agents.checkpoint.Checkpoints.DirectoryWriter runFiles) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long updates() {
            return updated;
        }
    }

    private static List<SeedLengthEnv> envs(int n) {
        List<SeedLengthEnv> envs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            envs.add(new SeedLengthEnv());
        }
        return envs;
    }

    @Test
    void everyEpisodeRunsOnTheSeedItWasResetWithAndResetRowsAreNoTransitions() {
        List<SeedLengthEnv> copies = envs(3);
        RecordingLearner learner = new RecordingLearner();
        List<Episode> episodes = new ArrayList<>();
        TrainingResult result = learner.train(SyncVectorEnv.over(copies), 200, 5, 200, episodes::add);

        assertEquals(5L, learner.begunWith);
        assertTrue(learner.steps() >= 200 && learner.steps() < 203, "steps " + learner.steps());
        assertEquals(learner.observed, learner.updated, "one update call per observed step");
        // Every copy's episodes: the lengths its reset seeds set, one after the other.
        long valid = learner.rows.stream().filter(r -> r.split(":")[1].equals("true")).count();
        assertEquals(learner.steps(), valid, "steps count transitions, not the autoreset rows");
        int finishedLengths = 0;
        for (SeedLengthEnv env : copies) {
            List<Long> seeds = env.resetSeeds();
            assertEquals(seeds.size(), seeds.stream().distinct().count(), "a fresh seed per episode");
            for (int k = 0; k < seeds.size() - 1; k++) {
                finishedLengths += SeedLengthEnv.length(seeds.get(k));
            }
        }
        assertEquals(finishedLengths, episodes.stream().mapToInt(Episode::length).sum());
        assertEquals(episodes.size(), result.episodes());
        for (int k = 0; k < episodes.size(); k++) {
            assertEquals(k, episodes.get(k).index());
        }
        // A row after a row that ended an episode is the copy's reset: not valid.
        for (int r = 3; r < learner.rows.size(); r++) {
            String[] before = learner.rows.get(r - 3).split(":");
            boolean ended = before[1].equals("true") && (before[4].equals("true") || before[5].equals("true"));
            assertEquals(!ended, learner.rows.get(r).split(":")[1].equals("true"), "row " + r);
        }
    }

    @Test
    void theSameSeedIsTheSameRunAndChunksAreOneRun() {
        RecordingLearner whole = new RecordingLearner();
        List<Episode> a = new ArrayList<>();
        whole.train(SyncVectorEnv.over(envs(4)), 300, 9, 300, a::add);

        RecordingLearner chunked = new RecordingLearner();
        List<Episode> b = new ArrayList<>();
        VectorEnv env = SyncVectorEnv.over(envs(4));
        for (long stop : new long[] {17, 101, 250, 300}) {
            chunked.train(env, 300, 9, stop, b::add);
        }
        assertEquals(a, b);
        assertEquals(whole.rows, chunked.rows);

        RecordingLearner other = new RecordingLearner();
        List<Episode> c = new ArrayList<>();
        other.train(SyncVectorEnv.over(envs(4)), 300, 10, 300, c::add);
        assertFalse(a.equals(c), "another seed, other episodes");
    }

    @Test
    void aSavedLoopRebuildsTheEnvCopiesWhereTheRunWas() throws Exception {
        RecordingLearner whole = new RecordingLearner();
        List<Episode> a = new ArrayList<>();
        whole.train(SyncVectorEnv.over(envs(3)), 120, 3, 120, a::add);

        RecordingLearner first = new RecordingLearner();
        List<Episode> b = new ArrayList<>();
        first.train(SyncVectorEnv.over(envs(3)), 120, 3, 53, b::add);
        first.loop.write(tmp);
        RecordingLearner resumed = new RecordingLearner();
        resumed.loop = TrainingLoop.read(tmp, first.steps(), first.episodes());
        resumed.rows.addAll(first.rows);
        List<SeedLengthEnv> fresh = envs(3);
        resumed.train(SyncVectorEnv.over(fresh), 120, 3, 120, b::add);

        assertEquals(a, b);
        assertEquals(whole.rows, resumed.rows);
        assertTrue(fresh.stream().allMatch(e -> !e.resetSeeds().isEmpty()));
    }

    @Test
    void aRunContinuesOnlyWithItsSeedAndItsNumberOfCopies() {
        RecordingLearner learner = new RecordingLearner();
        learner.train(SyncVectorEnv.over(envs(2)), 50, 1, 20, e -> { });
        UserInputException copies = assertThrows(UserInputException.class,
                () -> learner.train(SyncVectorEnv.over(envs(3)), 50, 1, 50, e -> { }));
        assertTrue(copies.getMessage().contains("2 env copies"), copies.getMessage());
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> learner.train(SyncVectorEnv.over(envs(2)), 50, 2, 50, e -> { }));
        assertTrue(seed.getMessage().contains("seed 1"), seed.getMessage());
    }

    @Test
    void aSingleEnvIsTrainedAsOneCopy() {
        SeedLengthEnv env = new SeedLengthEnv();
        RecordingLearner learner = new RecordingLearner();
        learner.train(env, 40, 2, 15, e -> { });
        learner.train(env, 40, 2, 40, e -> { });
        RecordingLearner vector = new RecordingLearner();
        vector.train(SyncVectorEnv.over(List.of(new SeedLengthEnv())), 40, 2, 40, e -> { });
        assertEquals(vector.rows, learner.rows);
        assertEquals(40, learner.steps());
    }
}
