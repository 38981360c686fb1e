package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.gan.GanConfig;
import dev.levelgym.generators.gan.GanModel;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.gan.PlatformerGan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformerGanCommandTest {

    /** The bundled trained model (the module's working directory is cli/). */
    private static final Path BUNDLED = Path.of("..", "examples", "gan-platformer");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path model;
    private static CliRun training;

    /** Two steps on two small levels: exercises the commands, not the quality. */
    @BeforeAll
    static void train() throws Exception {
        Path corpus = shared.resolve("corpus");
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("a.txt"), flat(40));
        Files.writeString(corpus.resolve("b.txt"), flat(30));
        model = shared.resolve("model");
        training = CliRun.of("gan", "train", "--world", "platformer", "--corpus", corpus.toString(), "--out",
                model.toString(), "--steps", "2", "--seed", "5");
    }

    private static String flat(int width) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < PlatformerLevel.HEIGHT; y++) {
            sb.append((y < PlatformerLevel.HEIGHT - 2 ? "-" : "X").repeat(width)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void illuminateWritesAPlatformerArchiveWhoseElitesTheFirstSeedsDraw() throws Exception {
        Path lit = dir.resolve("lit");
        CliRun r = CliRun.of("gan", "illuminate", "--model", BUNDLED.toString(), "--out", lit.toString(),
                "--evaluations", "300", "--max-elites", "20");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("(hazards x solid cells x linearity); the archive keeps 20 elites"), r.out());
        Path raw = dir.resolve("lit-raw");
        CliRun g = CliRun.of("generate", "--generator", "gan:" + lit, "--raw", "--segments", "1", "--count", "22",
                "--out", raw.toString());
        assertEquals(0, g.exitCode(), g.err());
        // The bundled model has an archive of its own: the weights alone are the prior.
        try (PlatformerGan gan = PlatformerGan.load(lit);
             PlatformerGan plain = new PlatformerGan(GanModel.load(BUNDLED, GanWorld.PLATFORMER))) {
            assertEquals(20, gan.elites());
            java.util.Set<String> distinct = new java.util.HashSet<>();
            for (int s = 0; s < 22; s++) {
                String text = Files.readString(raw.resolve("gan-" + s + ".txt"));
                if (s < 20) {
                    assertTrue(TileWorld.PLATFORMER.solve(PlatformerParser.parse(text, "e")).playable(), text);
                    assertTrue(distinct.add(text), "elite " + s + " is a segment of its own");
                } else {
                    assertEquals(plain.segments(s, 1).get(0), text, "past the archive, the prior");
                }
            }
        }
        CliRun e = CliRun.of("level", "evaluate", "--env", "Platformer-v1", "--levels", raw.toString());
        assertEquals(0, e.exitCode(), e.err());
        assertTrue(e.out().contains("over 28-column windows") && e.out().contains("pairwise Hamming (windows)"),
                e.out());
    }

    @Test
    void generateRawWritesThePlainStitchOfEachSegmentsFirstDraw() throws Exception {
        Path raw = dir.resolve("raw");
        CliRun r = CliRun.of("generate", "--generator", "gan:" + BUNDLED, "--raw", "--count", "3", "--segments", "2",
                "--out", raw.toString());
        assertEquals(0, r.exitCode(), r.err());
        try (PlatformerGan gan = PlatformerGan.load(BUNDLED)) {
            for (long s = 0; s < 3; s++) {
                assertEquals(gan.stitched(s, 2), Files.readString(raw.resolve("gan-" + s + ".txt")));
            }
        }
    }

    @Test
    void trainCutsTheCorpusIntoWindowsAndRecordsTheWorld() throws Exception {
        assertEquals(0, training.exitCode(), training.err());
        assertTrue(training.out().startsWith("trained a GAN on 16 windows (28x14) of 2 platformer levels for 2 "
                + "steps"), training.out());
        JsonNode m = new ObjectMapper().readTree(model.resolve("manifest.json").toFile());
        assertEquals("Platformer-v1", m.get("world").asText());
        assertEquals("XS-?QE<>[]oBb", m.get("legend").asText());
        assertEquals(28, m.get("width").asInt());
        assertEquals(false, m.get("config").get("mirror").asBoolean());
        assertEquals(GanConfig.platformerDefaults().generatorChannels(),
                m.get("config").get("generatorChannels").asInt());
        assertEquals(GanConfig.platformerDefaults().criticChannels(), m.get("config").get("criticChannels").asInt());
        assertTrue(Files.exists(model.resolve("samples/step-000002.png")));
    }

    @Test
    void unknownWorldsAndMalformedCorporaAreOneLineErrors() throws Exception {
        CliRun world = CliRun.of("gan", "train", "--world", "zelda", "--out", dir.resolve("m").toString());
        assertEquals(2, world.exitCode());
        assertEquals("levelgym gan train: error: --world: unknown world 'zelda'; use dungeon or platformer",
                world.err().strip());
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("bad.txt"), flat(30).replaceFirst("-", "Z"));
        CliRun bad = CliRun.of("gan", "train", "--world", "platformer", "--corpus", corpus.toString(), "--out",
                dir.resolve("m").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains(corpus.resolve("bad.txt") + ":1:1"), bad.err());
    }

    @Test
    void evaluatePrintsTheSegmentTargets() {
        CliRun run = CliRun.of("gan", "evaluate", "--model", model.toString(), "--count", "30", "--levels", "0",
                "--reference", shared.resolve("corpus").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("against the 28-column windows of 2 reference levels"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("completable training windows +1\\.0000")), run.out());
        assertTrue(run.out().contains("tile-pattern KL to training (2,3,4 mean)"), run.out());
        assertTrue(run.out().contains("procedural windows' KL to training"), run.out());
    }

    @Test
    void generateStitchesCompletableLevelsOfTheGivenSegments() throws Exception {
        Path out = dir.resolve("levels");
        CliRun run = CliRun.of("generate", "--generator", "gan:" + BUNDLED, "--count", "2", "--seed", "3",
                "--segments", "4", "--format", "txt,png", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("completable: 2 of 2"), run.out());
        for (int s = 3; s <= 4; s++) {
            PlatformerLevel l = PlatformerParser.parse(out.resolve("gan-" + s + ".txt"));
            assertEquals(4 * 28, l.width());
            assertTrue(PlatformerSolver.of(l).completable());
            assertTrue(Files.exists(out.resolve("gan-" + s + ".png")));
        }
        CliRun again = CliRun.of("generate", "--generator", "gan:" + BUNDLED, "--count", "1", "--seed", "4",
                "--segments", "4", "--out", dir.resolve("again").toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(Files.readString(out.resolve("gan-4.txt")), Files.readString(dir.resolve("again/gan-4.txt")));
        CliRun tmx = CliRun.of("generate", "--generator", "gan:" + BUNDLED, "--format", "tmx", "--out",
                dir.resolve("t").toString());
        assertEquals(2, tmx.exitCode());
        assertTrue(tmx.err().contains("is a platformer GAN"), tmx.err());
    }

    @Test
    void generateSearchesTheLatentSpaceForPlatformerTargets() throws Exception {
        Path out = dir.resolve("target");
        CliRun run = CliRun.of("generate", "--generator", "gan:" + BUNDLED, "--count", "1", "--seed", "2",
                "--segments", "2", "--target", "completion=1,jumps=1..40", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("gan-2: meets the targets after "), run.out());
        assertTrue(run.out().contains("met by 1 (CMA-ES in the GAN's latent space)"), run.out());
        PlatformerLevel l = PlatformerParser.parse(out.resolve("gan-2.txt"));
        assertTrue(PlatformerSolver.of(l).completable());
        assertTrue(PlatformerSolver.of(l).jumps() >= 1);
        CliRun bad = CliRun.of("generate", "--generator", "gan:" + BUNDLED, "--target", "walls=0.3", "--out",
                dir.resolve("b").toString());
        assertEquals(2, bad.exitCode());
        assertEquals("levelgym generate: error: --target: bad target 'walls=0.3': unknown measure 'walls'; known: "
                + "jumps, enemies, completion", bad.err().strip());
    }
}
