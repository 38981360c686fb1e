package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.gan.DungeonGan;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GanCommandTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path model;
    private static CliRun training;

    /** One tiny training run for all tests: a few steps are enough to exercise every command. */
    @BeforeAll
    static void train() {
        model = shared.resolve("model");
        training = CliRun.of("gan", "train", "--out", model.toString(), "--steps", "4", "--samples-every", "2",
                "--seed", "3");
    }

    @Test
    void trainWritesAModelWithManifestWeightsAndSampleGrids() throws Exception {
        assertEquals(0, training.exitCode(), training.err());
        assertTrue(training.out().startsWith("trained a GAN on 41 levels (13x9, with mirror images) for 4 steps"),
                training.out());
        JsonNode m = new ObjectMapper().readTree(model.resolve("manifest.json").toFile());
        assertEquals(4, m.get("trainingSteps").asInt());
        assertEquals(32, m.get("latentSize").asInt());
        assertEquals("w.A+g123", m.get("legend").asText());
        assertEquals(3, m.get("config").get("seed").asInt());
        assertTrue(Files.size(model.resolve("generator.params")) > 10_000);
        BufferedImage grid = ImageIO.read(model.resolve("samples/step-000002.png").toFile());
        assertTrue(grid.getWidth() > 4 * 13 * 8);
        assertTrue(Files.exists(model.resolve("samples/step-000004.png")));
    }

    @Test
    void trainPutsBackAModelAKilledSaveLeftAsideAndClearsItsTemporaries() throws Exception {
        // As a kill between the two renames of a model save leaves it: the old model set aside, the new one half
        // written under a temporary name.
        Path copy = dir.resolve("copy");
        CliRun trained = CliRun.of("gan", "train", "--out", copy.toString(), "--steps", "1", "--seed", "3");
        assertEquals(0, trained.exitCode(), trained.err());
        byte[] weights = Files.readAllBytes(copy.resolve("generator.params"));
        Files.move(copy, dir.resolve(".copy.old-1234"));
        Files.createDirectories(dir.resolve(".copy.tmp-5678"));
        Files.writeString(dir.resolve(".copy.tmp-5678").resolve("generator.params"), "half");

        CliRun again = CliRun.of("gan", "train", "--out", copy.toString(), "--steps", "1");
        assertEquals(2, again.exitCode());
        assertEquals("levelgym gan train: error: --out " + copy + " exists; pass --force to replace it",
                again.err().strip());
        assertTrue(java.util.Arrays.equals(weights, Files.readAllBytes(copy.resolve("generator.params"))));
        try (var listing = Files.list(dir)) {
            assertEquals(java.util.List.of("copy"), listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void trainRefusesAnExistingModelWithoutForceAndBadCorpora() throws Exception {
        CliRun again = CliRun.of("gan", "train", "--out", model.toString(), "--steps", "1");
        assertEquals(2, again.exitCode());
        assertEquals("levelgym gan train: error: --out " + model + " exists; pass --force to replace it",
                again.err().strip());
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("a.txt"), "wwwww\nwA+gw\nwwwww\n");
        Files.writeString(corpus.resolve("b.txt"), "wwwww\nwA+gw\nwwwww\nwwwww\n");
        CliRun mixed = CliRun.of("gan", "train", "--corpus", corpus.toString(), "--out", dir.resolve("m").toString());
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains(corpus.resolve("b.txt") + ": level is 5x4"), mixed.err());
        assertFalse(Files.exists(dir.resolve("m")));

        assertTrainRefuses("--ema-decay must be in [0, 1), got 1.0", "--ema-decay", "1");
        assertTrainRefuses("--bootstrap-every must be 0 (off) or positive, got -1", "--bootstrap-every", "-1");
        assertTrainRefuses("--generator-channels must be in 4..4096, got 2", "--generator-channels", "2");
        assertTrainRefuses("--generator-channels must be in 4..4096, got 100000", "--generator-channels", "100000");
        assertTrainRefuses("--critic-channels must be in 1..4096, got 0", "--critic-channels", "0");
        assertTrainRefuses("--critic-learning-rate must be a positive number, got 0.0", "--critic-learning-rate", "0");
        assertFalse(Files.exists(dir.resolve("d")));
    }

    /** {@code gan train --out DIR FLAG VALUE} exits with 2 and names the flag as {@code message} does. */
    private void assertTrainRefuses(String message, String flag, String value) {
        CliRun run = CliRun.of("gan", "train", "--out", dir.resolve("d").toString(), flag, value);
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(message), run.err());
    }

    @Test
    void generateFromTheModelWritesPlayableLevelsRepeatably() throws Exception {
        Path out = dir.resolve("levels");
        CliRun run = CliRun.of("generate", "--generator", "gan:" + model, "--count", "3", "--seed", "5", "--out",
                out.toString(), "--format", "txt,png");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote 3 gan level(s)"), run.out());
        for (int s = 5; s < 8; s++) {
            DungeonLevel l = DungeonParser.parse(out.resolve("gan-" + s + ".txt"));
            assertTrue(DungeonSolver.solve(l).playable());
            assertTrue(Files.exists(out.resolve("gan-" + s + ".png")));
        }
        Path again = dir.resolve("again");
        CliRun.of("generate", "--generator", "gan:" + model, "--count", "3", "--seed", "5", "--out", again.toString());
        assertEquals(Files.readString(out.resolve("gan-6.txt")), Files.readString(again.resolve("gan-6.txt")));

        CliRun repaired = CliRun.of("generate", "--generator", "gan:" + model, "--count", "2", "--out",
                dir.resolve("rep").toString(), "--repair");
        assertEquals(0, repaired.exitCode(), repaired.err());
        assertTrue(repaired.out().contains("repair edits:"), repaired.out());
    }

    @Test
    void generateRawWritesTheDraftsAsDecodedAndEvaluateReportsTheirPlayability() throws Exception {
        // The bundled model's weights without its latent archive: about one one-each draft in ten is unplayable,
        // which generate without --raw repairs.
        Path bundled = dir.resolve("weights-alone");
        Files.createDirectories(bundled);
        for (String f : new String[] {"manifest.json", "generator.params"}) {
            Files.copy(Path.of("..", "examples", "gan-dungeon", f), bundled.resolve(f));
        }
        Path raw = dir.resolve("raw");
        CliRun r = CliRun.of("generate", "--generator", "gan:" + bundled, "--raw", "--count", "60", "--seed", "5",
                "--out", raw.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("wrote 60 raw gan draft(s) (13x9, seeds 5..64)"), r.out());
        DungeonSolver solver = new DungeonSolver();
        int playable = 0;
        try (DungeonGan gan = DungeonGan.load(bundled)) {
            for (long s = 5; s < 65; s++) {
                String text = Files.readString(raw.resolve("gan-" + s + ".txt"));
                assertEquals(gan.raw(s), text, "seed " + s + ": byte for byte the one-each decoding");
                boolean won = solver.shortest(DungeonParser.parse(text, "gan-" + s)).playable();
                playable += won ? 1 : 0;
                if (!won) {
                    // What generate without --raw writes for this seed is the repair of the same draft.
                    assertTrue(gan.playable(text, "gan-" + s).edits().size() > 0);
                }
            }
        }
        assertTrue(playable < 60, "some raw draft is unplayable, and written as it is");
        CliRun evaluated = CliRun.of("level", "evaluate", "--levels", raw.toString(), "--json");
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        JsonNode json = new ObjectMapper().readTree(evaluated.out());
        assertEquals(playable / 60.0, json.get("playableShare").asDouble(), 1e-12);

        for (String other : new String[] {"--repair", "--target"}) {
            CliRun both = other.equals("--repair")
                    ? CliRun.of("generate", "--generator", "gan:" + model, "--raw", "--repair", "--out",
                            dir.resolve("x").toString())
                    : CliRun.of("generate", "--generator", "gan:" + model, "--raw", "--target", "walls=0.3..0.5",
                            "--out", dir.resolve("x").toString());
            assertEquals(2, both.exitCode());
            assertTrue(both.err().contains("--raw") && both.err().contains(other), both.err());
            assertFalse(Files.exists(dir.resolve("x")));
        }
    }

    @Test
    void illuminateWritesTheModelWithAnArchiveThatGenerateDrawsFrom() throws Exception {
        Path lit = dir.resolve("lit");
        CliRun r = CliRun.of("gan", "illuminate", "--model", model.toString(), "--out", lit.toString(),
                "--evaluations", "600", "--max-elites", "40");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("the archive keeps"), r.out());
        assertTrue(Files.exists(lit.resolve("elites.json")));
        Path raw = dir.resolve("lit-raw");
        CliRun g = CliRun.of("generate", "--generator", "gan:" + lit, "--raw", "--count", "45", "--out",
                raw.toString());
        assertEquals(0, g.exitCode(), g.err());
        try (DungeonGan gan = DungeonGan.load(lit)) {
            int n = gan.elites();
            assertTrue(n > 0 && n <= 40, "elites: " + n);
            DungeonSolver solver = new DungeonSolver();
            java.util.Set<String> distinct = new java.util.HashSet<>();
            for (int s = 0; s < n; s++) {
                String text = Files.readString(raw.resolve("gan-" + s + ".txt"));
                assertTrue(solver.shortest(DungeonParser.parse(text, "e")).playable(), "elites were checked");
                assertTrue(distinct.add(text), "elite " + s + " is a level of its own");
            }
            try (DungeonGan plain = DungeonGan.load(model)) {
                for (int s = n; s < 45; s++) {
                    assertEquals(plain.raw(s), Files.readString(raw.resolve("gan-" + s + ".txt")),
                            "seeds past the archive draw from the prior, as the model without one");
                }
            }
        }
        CliRun again = CliRun.of("gan", "illuminate", "--model", model.toString(), "--out", lit.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("--out " + lit + " exists; pass --force"), again.err());
        CliRun self = CliRun.of("gan", "illuminate", "--model", model.toString(), "--out", model.toString(),
                "--force");
        assertEquals(2, self.exitCode());
        assertTrue(self.err().contains("--out must differ from --model"), self.err());
    }

    @Test
    void evaluateDrawsTheExpressiveRangeAndRefusesToOverwriteIt() throws Exception {
        Path levels = dir.resolve("levels");
        assertEquals(0, CliRun.of("generate", "--generator", "rooms", "--count", "8", "--out", levels.toString())
                .exitCode());
        Path png = dir.resolve("range.png");
        CliRun r = CliRun.of("level", "evaluate", "--levels", levels.toString(), "--plot", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("reference split-half (21 | 20)"), r.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 400 && image.getHeight() > 400);
        CliRun again = CliRun.of("level", "evaluate", "--levels", levels.toString(), "--plot", png.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("--plot: refusing to overwrite " + png), again.err());
        assertEquals(0, CliRun.of("level", "evaluate", "--levels", levels.toString(), "--plot", png.toString(),
                "--force").exitCode());
        CliRun jpg = CliRun.of("level", "evaluate", "--levels", levels.toString(), "--plot",
                dir.resolve("range.jpg").toString());
        assertEquals(2, jpg.exitCode());
        assertTrue(jpg.err().contains("--plot"), jpg.err());
    }

    @Test
    void generateRawWritesAProceduralGeneratorsFirstLayout() throws Exception {
        Path raw = dir.resolve("rooms");
        CliRun r = CliRun.of("generate", "--generator", "rooms", "--raw", "--count", "30", "--out", raw.toString());
        assertEquals(0, r.exitCode(), r.err());
        try (LevelGenerator<?> rooms = Generators.installed().create("rooms", GeneratorSettings.ofSize(13, 9))) {
            for (long s = 0; s < 30; s++) {
                assertEquals(rooms.draft(s), Files.readString(raw.resolve("rooms-" + s + ".txt")));
            }
        }
    }

    @Test
    void generateWithTargetsReportsEvaluationsPerLevel() throws Exception {
        Path out = dir.resolve("t");
        CliRun run = CliRun.of("generate", "--generator", "gan:" + model, "--count", "2", "--out", out.toString(),
                "--target", "solutionLength=1..1000");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("gan-0: meets the targets after 1 evaluation(s): solutionLength="), run.out());
        assertTrue(run.out().contains("targets solutionLength=1..1000: 2 of 2 level(s) met them"), run.out());
        assertTrue(run.out().contains("CMA-ES in the GAN's latent space"), run.out());

        CliRun rooms = CliRun.of("generate", "--generator", "rooms", "--count", "2", "--out",
                dir.resolve("r").toString(), "--target", "enemies=0..1");
        assertEquals(0, rooms.exitCode(), rooms.err());
        assertTrue(rooms.out().contains("successive seeds"), rooms.out());
        for (int s = 0; s < 2; s++) {
            DungeonLevel l = DungeonParser.parse(dir.resolve("r").resolve("rooms-" + s + ".txt"));
            long enemies = l.toText().chars().filter(c -> c == '1' || c == '2' || c == '3').count();
            assertTrue(enemies <= 1, l.toText());
        }
    }

    @Test
    void targetParseErrorsNameTheFlagAndThePart() {
        CliRun bad = CliRun.of("generate", "--generator", "rooms", "--out", dir.resolve("x").toString(),
                "--target", "enemies=2..4,wals=0.3..0.5");
        assertEquals(2, bad.exitCode());
        assertEquals("levelgym generate: error: --target: bad target 'wals=0.3..0.5': unknown measure 'wals'; "
                + "known: solutionLength, enemies, walls", bad.err().strip());
        CliRun range = CliRun.of("generate", "--generator", "rooms", "--out", dir.resolve("x").toString(),
                "--target", "enemies=4..x");
        assertEquals(2, range.exitCode());
        assertTrue(range.err().contains("--target: bad target 'enemies=4..x'"), range.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void badModelDirectoriesAreOneLineUserErrors() throws Exception {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("manifest.json"), "{\"format\": 1, \"kind\": ");
        CliRun run = CliRun.of("generate", "--generator", "gan:" + broken, "--out", dir.resolve("o").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("levelgym generate: error: corrupt GAN model file "
                + broken.resolve("manifest.json")), run.err());
        assertEquals(1, run.err().strip().lines().count());
    }

    @Test
    void evaluatePrintsTheTargetsTable() {
        CliRun run = CliRun.of("gan", "evaluate", "--model", model.toString(), "--count", "40");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("playable after repair +1\\.0000")), run.out());
        assertTrue(run.out().contains("tile-pattern KL (2,3,4 mean)"), run.out());
        assertTrue(run.out().contains("sampling + solving (argmax), levels/s"), run.out());
    }
}
