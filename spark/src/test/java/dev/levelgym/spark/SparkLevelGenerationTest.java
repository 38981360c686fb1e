package dev.levelgym.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.DungeonRepair;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.LevelMetrics;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.gan.DungeonGan;
import dev.levelgym.generators.gan.DungeonTrainingCorpus;
import dev.levelgym.generators.gan.GanConfig;
import dev.levelgym.generators.gan.GanLoss;
import dev.levelgym.generators.gan.GanModel;
import dev.levelgym.generators.gan.GanTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation in local[2] against the in-process generators and {@link LevelMetrics#evaluate}. */
class SparkLevelGenerationTest {

    private static SparkEngine engine;

    @BeforeAll
    static void start() {
        engine = SparkEngine.start("local[2]", "levelgym-test");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static List<String> txtFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void roomsLevelsAndMetricsEqualTheInProcessOnesForAnyPartitioning(@TempDir Path tmp) throws Exception {
        LevelGenerator<DungeonLevel> rooms = dungeon("rooms");
        List<DungeonLevel> expected = new ArrayList<>();
        for (long s = 100; s < 130; s++) {
            expected.add(rooms.generate(s));
        }
        LevelMetrics.Report expectedMetrics = LevelMetrics.evaluate(expected, DungeonCorpus.levels());
        for (int partitions : new int[] {1, 3, 7}) {
            Path out = tmp.resolve("p" + partitions);
            SparkLevelGeneration.Result r = SparkLevelGeneration.run(engine, new SparkLevelGeneration.Job("rooms",
                    13, 9, 100, 30, false, out.toUri().toString(), false, partitions));
            assertEquals(30, r.count());
            assertEquals(expectedMetrics, r.metrics(), "partitions " + partitions);
            assertEquals(expected.stream().map(l -> l.id() + ".txt").sorted().toList(), txtFiles(out));
            for (DungeonLevel l : expected) {
                assertEquals(l.toText(), Files.readString(out.resolve(l.id() + ".txt")));
            }
        }
    }

    @Test
    void repairedCavesEqualTheInProcessRepair(@TempDir Path tmp) throws Exception {
        LevelGenerator<DungeonLevel> caves = dungeon("caves");
        List<DungeonLevel> expected = new ArrayList<>();
        long edits = 0;
        for (long s = 0; s < 12; s++) {
            DungeonRepair.Result r = DungeonRepair.repair(caves.draft(s), "caves-" + s);
            expected.add(r.level());
            edits += r.edits().size();
        }
        SparkLevelGeneration.Result r = SparkLevelGeneration.run(engine, new SparkLevelGeneration.Job("caves", 13, 9,
                0, 12, true, tmp.toString(), false, 4));
        assertEquals(edits, r.repairEdits());
        assertEquals(LevelMetrics.evaluate(expected, DungeonCorpus.levels()), r.metrics());
        for (DungeonLevel l : expected) {
            assertEquals(l.toText(), Files.readString(tmp.resolve(l.id() + ".txt")));
        }
    }

    @Test
    void refusesToOverwriteALevelFileWithoutForce(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("rooms-4.txt"), "mine");
        SparkLevelGeneration.Job job = new SparkLevelGeneration.Job("rooms", 13, 9, 0, 6, false,
                tmp.toUri().toString(), false, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkLevelGeneration.run(engine, job));
        assertTrue(e.getMessage().contains("refusing to overwrite") && e.getMessage().contains("rooms-4.txt"),
                e.getMessage());
        assertEquals(List.of("rooms-4.txt"), txtFiles(tmp), "nothing written");
        assertEquals("mine", Files.readString(tmp.resolve("rooms-4.txt")));

        SparkLevelGeneration.run(engine, new SparkLevelGeneration.Job("rooms", 13, 9, 0, 6, false,
                tmp.toUri().toString(), true, 2));
        assertEquals(dungeon("rooms").generate(4).toText(),
                Files.readString(tmp.resolve("rooms-4.txt")));
        assertEquals(6, txtFiles(tmp).size());
    }

    @Test
    void aHalfWrittenFileOfAKilledAttemptIsReplacedAndNoPartialFileIsLeft(@TempDir Path tmp) throws Exception {
        Path clean = tmp.resolve("clean");
        Path retried = tmp.resolve("retried");
        Files.createDirectories(retried);
        // What an executor killed mid-write leaves: the level's partial file, cut short; its level file never appeared.
        Files.writeString(retried.resolve(".rooms-3.txt.partial"), "WWWW\nW.");
        for (Path out : List.of(clean, retried)) {
            SparkLevelGeneration.run(engine, new SparkLevelGeneration.Job("rooms", 13, 9, 0, 8, false,
                    out.toUri().toString(), false, 3));
        }
        assertEquals(txtFiles(clean), txtFiles(retried), "no partial file left");
        for (String name : txtFiles(clean)) {
            assertEquals(Files.readString(clean.resolve(name)), Files.readString(retried.resolve(name)), name);
        }
    }

    @Test
    void ganModelIsShippedToTheExecutors(@TempDir Path tmp) throws Exception {
        Path modelDir = tmp.resolve("model");
        GanConfig config = new GanConfig(32, 16, 3, 1, 2e-4, 2e-4, 0.5, GanLoss.HINGE, 0.01, true, 0.999, 0, 0, 64, 32,
                0, 7);
        try (GanTrainer trainer = new GanTrainer(DungeonTrainingCorpus.of(DungeonCorpus.levels()), config);
             GanModel model = trainer.step() != null ? trainer.finish() : null) {
            model.save(modelDir);
        }
        List<DungeonLevel> expected = new ArrayList<>();
        try (DungeonGan gan = DungeonGan.load(modelDir)) {
            for (long s = 10; s < 16; s++) {
                expected.add(gan.generate(s));
            }
        }
        Path out = tmp.resolve("levels");
        SparkLevelGeneration.Result r = SparkLevelGeneration.run(engine, new SparkLevelGeneration.Job(
                DungeonGan.PREFIX + modelDir, 13, 9, 10, 6, false, out.toUri().toString(), false, 2));
        assertEquals("gan", r.generatorName());
        for (DungeonLevel l : expected) {
            assertEquals(l.toText(), Files.readString(out.resolve(l.id() + ".txt")), l.id());
        }
        assertEquals(LevelMetrics.evaluate(expected, DungeonCorpus.levels()), r.metrics());
    }

    private static LevelGenerator<DungeonLevel> dungeon(String name) {
        return Generators.standard().create(name, TileWorld.DUNGEON, GeneratorSettings.DEFAULT);
    }
}
