package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateAndEvaluateCommandTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void generatesPlayableParsableFilesAndPngPreviews() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("generate", "--generator", "caves", "--count", "5", "--seed", "10", "--out",
                out.toString(), "--format", "txt,png");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote 5 caves level(s)"), run.out());
        for (long s = 10; s < 15; s++) {
            DungeonLevel l = DungeonParser.parse(out.resolve("caves-" + s + ".txt"));
            assertTrue(DungeonSolver.solve(l).playable());
            BufferedImage img = ImageIO.read(out.resolve("caves-" + s + ".png").toFile());
            assertEquals(13 * GenerateCommand.PIXELS_PER_TILE, img.getWidth());
            assertEquals(9 * GenerateCommand.PIXELS_PER_TILE, img.getHeight());
        }
        // Same seed, same files.
        Path again = dir.resolve("again");
        CliRun.of("generate", "--generator", "caves", "--count", "5", "--seed", "10", "--out", again.toString());
        assertEquals(Files.readString(out.resolve("caves-12.txt")), Files.readString(again.resolve("caves-12.txt")));
    }

    @Test
    void neverOverwritesWithoutForceAndWritesNothing() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("rooms-3.txt"), "mine");
        CliRun run = CliRun.of("generate", "--generator", "rooms", "--count", "5", "--seed", "1", "--out",
                out.toString());
        assertEquals(2, run.exitCode());
        assertEquals("levelgym generate: error: refusing to overwrite " + out.resolve("rooms-3.txt")
                + " (it exists); pass --force to overwrite", run.err().strip());
        assertEquals("mine", Files.readString(out.resolve("rooms-3.txt")));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(1, files.count());
        }
        CliRun forced = CliRun.of("generate", "--generator", "rooms", "--count", "5", "--seed", "1", "--out",
                out.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(DungeonSolver.solve(DungeonParser.parse(out.resolve("rooms-3.txt"))).playable());
    }

    /**
     * {@code --resume} keeps the finished first seeds as they are (a file it would make differently is kept, which
     * shows it was not rewritten), makes the first seed with a missing file and every later one again, and removes
     * a killed write's temporary; with {@code --force} it is refused, as is a seed range past 2^63 - 1.
     */
    @Test
    void resumeKeepsFinishedSeedsAndMakesTheRest() throws Exception {
        Path out = dir.resolve("res");
        String[] args = {"generate", "--generator", "rooms", "--count", "4", "--seed", "1", "--out", out.toString(),
                "--format", "txt,png"};
        assertEquals(0, CliRun.of(args).exitCode());
        String level3 = Files.readString(out.resolve("rooms-3.txt"));
        Files.writeString(out.resolve("rooms-1.txt"), "kept");
        Files.delete(out.resolve("rooms-2.png"));
        Files.writeString(out.resolve("rooms-3.txt"), "remade");
        Files.writeString(out.resolve(".rooms-4.txt.tmp-123"), "half");

        String[] resume = java.util.Arrays.copyOf(args, args.length + 1);
        resume[args.length] = "--resume";
        CliRun run = CliRun.of(resume);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("--resume: keeping 1 of 4 level(s) an earlier run wrote (seeds 1..1)"),
                run.out());
        assertTrue(run.out().contains("wrote 3 rooms level(s) (13x9, seeds 2..4)"), run.out());
        assertEquals("kept", Files.readString(out.resolve("rooms-1.txt")));
        assertTrue(Files.exists(out.resolve("rooms-2.png")));
        assertEquals(level3, Files.readString(out.resolve("rooms-3.txt")));
        assertFalse(Files.exists(out.resolve(".rooms-4.txt.tmp-123")));

        String[] both = java.util.Arrays.copyOf(resume, resume.length + 1);
        both[resume.length] = "--force";
        CliRun refused = CliRun.of(both);
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("--resume keeps the levels already written and --force overwrites them"),
                refused.err());
        CliRun past = CliRun.of("generate", "--generator", "rooms", "--count", "3", "--seed",
                Long.toString(Long.MAX_VALUE), "--out", dir.resolve("past").toString());
        assertEquals(2, past.exitCode());
        assertTrue(past.err().contains("past the largest seed"), past.err());
        assertFalse(Files.exists(dir.resolve("past")));
    }

    @Test
    void repairModeAndUserErrors() throws Exception {
        Path out = dir.resolve("rep");
        CliRun run = CliRun.of("generate", "--generator", "rooms", "--count", "20", "--out", out.toString(),
                "--repair");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("repair edits:"), run.out());
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.allMatch(p -> DungeonSolver.solve(parse(p)).playable()));
        }
        CliRun bad = CliRun.of("generate", "--generator", "gan", "--out", out.toString());
        assertEquals(2, bad.exitCode());
        assertEquals("levelgym generate: error: unknown generator 'gan'; known: caves, rooms, gan:MODEL_DIR, vae:MODEL_DIR", bad.err().strip());
        CliRun fmt = CliRun.of("generate", "--generator", "rooms", "--out", dir.resolve("x").toString(),
                "--format", "gif");
        assertEquals(2, fmt.exitCode());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void evaluateJsonAgainstCorpusAndAgainstAFolder() throws Exception {
        Path out = dir.resolve("lv");
        assertEquals(0, CliRun.of("generate", "--generator", "rooms", "--count", "12", "--out", out.toString())
                .exitCode());
        CliRun run = CliRun.of("level", "evaluate", "--levels", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode o = json.readTree(run.out());
        assertEquals(12, o.get("count").asInt());
        assertEquals(1.0, o.get("playableShare").asDouble());
        assertEquals(0.0, o.get("duplicateShare").asDouble());
        assertEquals(0.0, o.get("identicalToReferenceShare").asDouble());
        assertTrue(o.get("meanMinHammingToReference").asDouble() > 0);
        assertTrue(o.get("meanPairwiseHamming").asDouble() > 0);
        assertTrue(o.get("tilePatternKL").asDouble() > 0);
        assertTrue(o.get("medianSolutionLength").asDouble() >= 7);
        assertEquals(41, o.get("referenceCount").asInt());

        // Against itself: everything identical, KL 0.
        CliRun self = CliRun.of("level", "evaluate", "--levels", out.toString(), "--reference", out.toString(),
                "--json");
        JsonNode s = json.readTree(self.out());
        assertEquals(1.0, s.get("identicalToReferenceShare").asDouble());
        assertEquals(0.0, s.get("meanMinHammingToReference").asDouble());
        assertEquals(0.0, s.get("tilePatternKL").asDouble(), 1e-12);

        CliRun table = CliRun.of("level", "evaluate", "--levels", out.toString());
        assertTrue(table.out().contains("playable share                   1.0000"), table.out());
    }

    @Test
    void evaluateReportsBadFoldersAndFilesAsUserErrors() throws Exception {
        CliRun missing = CliRun.of("level", "evaluate", "--levels", dir.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--levels: not a directory"), missing.err());
        Files.writeString(dir.resolve("bad.txt"), "wwwww\nwA+gw\nwwZww\n");
        CliRun bad = CliRun.of("level", "evaluate", "--levels", dir.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("bad.txt") && bad.err().contains("'Z'"), bad.err());
    }

    private static DungeonLevel parse(Path p) {
        try {
            return DungeonParser.parse(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
