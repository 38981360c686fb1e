package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.vae.VaeConfig;
import dev.levelgym.generators.vae.VaeModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeCommandTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path model;
    private static CliRun training;

    /** One tiny training run for all tests: a few steps exercise every command. */
    @BeforeAll
    static void train() {
        model = shared.resolve("model");
        training = CliRun.of("vae", "train", "--out", model.toString(), "--steps", "5", "--hold-out", "5", "--seed",
                "3", "--no-progress");
    }

    private static Path heldOut(String name) {
        return model.resolve("held-out").resolve(name);
    }

    private static long files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    @Test
    void trainWritesAModelWithItsHeldOutLevels() throws Exception {
        assertEquals(0, training.exitCode(), training.err());
        assertTrue(training.out().startsWith("trained a VAE on 33 levels (13x9, with mirror images) for 5 steps"),
                training.out());
        JsonNode m = new ObjectMapper().readTree(model.resolve("manifest.json").toFile());
        assertEquals("vae", m.get("kind").asText());
        assertEquals(5, m.get("trainingSteps").asInt());
        assertEquals(8, m.get("heldOut").size());
        assertEquals(8, files(model.resolve("held-out")));
        assertTrue(m.get("files").get("vae.params").get("sha256").asText().matches("[0-9a-f]{64}"));
        CliRun again = CliRun.of("vae", "train", "--out", model.toString(), "--steps", "1");
        assertEquals(UserErrorHandler.USER_ERROR, again.exitCode());
        assertTrue(again.err().contains("--out " + model + " exists; pass --force"), again.err());
    }

    @Test
    void evaluateReportsReconstructionSamplesAndInterpolationOnTheHeldOutLevels() {
        CliRun run = CliRun.of("vae", "evaluate", "--model", model.toString(), "--samples", "3", "--steps", "3");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("8 level(s) of 117 cells from " + model.resolve("held-out")), run.out());
        assertTrue(run.out().contains("; decoded with wall margin " + (long) VaeConfig.WALL_MARGIN + "\n"), run.out());
        assertTrue(run.out().contains("reconstruction (encode, refine " + VaeModel.DEFAULT_REFINE_STEPS
                + " steps, decode): "), run.out());
        assertTrue(run.out().matches("(?s).*per level: broken-grid\\.txt \\d+\\.\\d% \\(samples \\d+%\\), "
                + "central-vault\\.txt .*winding-path\\.txt \\d+\\.\\d% \\(samples \\d+%\\)\n.*"), run.out());
        // 3 samples a level: 90% or more is all three, so the count is that of the levels at 100%.
        long allPlayable = run.out().lines().filter(l -> l.startsWith("per level:"))
                .mapToLong(l -> l.split("\\(samples 100%\\)", -1).length - 1).sum();
        assertTrue(run.out().contains("; " + allPlayable + " of 8 level(s) with 90% or more of their samples "
                + "playable\n"), run.out());
        assertTrue(run.out().contains("of 24 playable"), run.out());
        assertTrue(run.out().contains("of 21 well formed"), run.out());
    }

    @Test
    void evaluatePoolsTheFoldsOfACrossValidationEachOnItsOwnHeldOutLevels() {
        Path fold1 = dir.resolve("fold1");
        CliRun train = CliRun.of("vae", "train", "--out", fold1.toString(), "--steps", "2", "--hold-out", "5",
                "--fold", "1", "--seed", "3", "--no-progress");
        assertEquals(0, train.exitCode(), train.err());
        CliRun run = CliRun.of("vae", "evaluate", "--model", model.toString(), "--model", fold1.toString(),
                "--samples", "2", "--steps", "2");
        assertEquals(0, run.exitCode(), run.err());
        // Fold 5 (the default) holds out 8 of the 41 corpus levels, fold 1 the 1st, 6th, ... 41st: 9.
        assertTrue(run.out().contains("8 level(s) of 117 cells from " + model.resolve("held-out")), run.out());
        assertTrue(run.out().contains("9 level(s) of 117 cells from " + fold1.resolve("held-out")), run.out());
        assertTrue(run.out().contains("pooled over 2 models: 17 level(s)"), run.out());
        String pooled = run.out().substring(run.out().indexOf("pooled over"));
        assertTrue(pooled.matches("(?s).*of 17 level\\(s\\) within 10%.*of 34 playable.*"), pooled);
        CliRun refused = CliRun.of("vae", "evaluate", "--model", model.toString(), "--model", fold1.toString(),
                "--levels", model.resolve("held-out").toString());
        assertEquals(UserErrorHandler.USER_ERROR, refused.exitCode());
        assertTrue(refused.err().contains("--levels applies to one --model"), refused.err());
        Path platformer = Path.of("..", "examples", "vae-platformer");
        CliRun mixed = CliRun.of("vae", "evaluate", "--model", model.toString(), "--model", platformer.toString());
        assertEquals(UserErrorHandler.USER_ERROR, mixed.exitCode());
        assertTrue(mixed.err().contains("--model: " + platformer + " is a ") && mixed.err().contains(
                "pool the folds of one cross-validation"), mixed.err());
    }

    @Test
    void refineIsReportedByEvaluateAndRefusedByGenerateWithoutALevelToEncode() {
        CliRun run = CliRun.of("vae", "evaluate", "--model", model.toString(), "--samples", "1", "--steps", "2",
                "--refine", "3");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("reconstruction (encode, refine 3 steps, decode): "), run.out());
        CliRun refused = CliRun.of("generate", "--generator", "vae:" + model, "--count", "1", "--refine", "3",
                "--out", dir.resolve("refused").toString());
        assertEquals(UserErrorHandler.USER_ERROR, refused.exitCode());
        assertTrue(refused.err().contains("--refine applies to --like and --between only"), refused.err());
    }

    @Test
    void generateWithTheVaeWritesPlayableLevelsFromThePrior() throws Exception {
        Path out = dir.resolve("prior");
        CliRun run = CliRun.of("generate", "--generator", "vae:" + model, "--count", "3", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (int s = 0; s < 3; s++) {
            DungeonLevel l = DungeonParser.parse(out.resolve("vae-" + s + ".txt"));
            assertTrue(DungeonSolver.solve(l).playable());
        }
    }

    @Test
    void likeWritesLevelsNearAFileAndSpreadZeroIsItsReconstruction() throws Exception {
        Path out = dir.resolve("like");
        CliRun run = CliRun.of("generate", "--generator", "vae:" + model, "--like", heldOut("ring.txt").toString(),
                "--spread", "0", "--count", "2", "--seed", "4", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote 2 vae-like level(s) (13x9, seeds 4..5)"), run.out());
        // Spread 0: every seed decodes the level's own latent mean.
        assertEquals(Files.readString(out.resolve("vae-like-4.txt")), Files.readString(out.resolve("vae-like-5.txt")));
        assertTrue(DungeonSolver.solve(DungeonParser.parse(out.resolve("vae-like-4.txt"))).playable());
    }

    @Test
    void betweenWritesStepsLevelsFromOneFileToTheOther() throws Exception {
        Path out = dir.resolve("between");
        CliRun run = CliRun.of("generate", "--generator", "vae:" + model, "--between",
                heldOut("ring.txt").toString(), model.resolve("held-out").resolve(firstOtherThan("ring.txt"))
                        .toString(), "--steps", "4", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(4, files(out));
        for (int i = 0; i < 4; i++) {
            assertTrue(Files.exists(out.resolve("vae-between-" + i + ".txt")), "step " + i);
        }
    }

    private static String firstOtherThan(String name) throws Exception {
        try (Stream<Path> s = Files.list(model.resolve("held-out"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(name)).sorted().findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void likeAndBetweenNameTheirFlagWithAGeneratorThatIsNotAVae() {
        CliRun like = CliRun.of("generate", "--generator", "rooms", "--like", heldOut("ring.txt").toString(),
                "--out", dir.toString());
        assertEquals(UserErrorHandler.USER_ERROR, like.exitCode());
        assertTrue(like.err().contains("--like takes a level in, which needs a VAE generator (vae:MODEL_DIR"),
                like.err());
        CliRun between = CliRun.of("generate", "--generator", "caves", "--between", heldOut("ring.txt").toString(),
                heldOut("ring.txt").toString(), "--out", dir.toString());
        assertEquals(UserErrorHandler.USER_ERROR, between.exitCode());
        assertTrue(between.err().contains("--between takes a level in"), between.err());
        assertFalse(Files.exists(dir.resolve("rooms-0.txt")));
    }

    @Test
    void aLevelOfAnotherSizeOrWorldIsRefusedNamingBoth() throws Exception {
        Path big = dir.resolve("big.txt");
        Files.writeString(big, "wwwwwwwwwwwwwww\nwA+g..........w\nw.............w\nwwwwwwwwwwwwwww\n");
        CliRun run = CliRun.of("generate", "--generator", "vae:" + model, "--like", big.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(UserErrorHandler.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("--like: " + big + " is a 15x4 level; the VAE encodes 13x9 ones"), run.err());

        Path mario = dir.resolve("mario.txt");
        Files.writeString(mario, "----\n".repeat(13) + "XXXX\n");
        run = CliRun.of("generate", "--generator", "vae:" + model, "--between", mario.toString(),
                heldOut("ring.txt").toString(), "--out", dir.resolve("out").toString());
        assertEquals(UserErrorHandler.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("--between: "), run.err());
        assertTrue(run.err().contains(mario.toString()), run.err());
        assertTrue(run.err().contains("is a Dungeon-v0 VAE"), run.err());
    }

    @Test
    void likeWithTargetsSearchesTheLevelsVariationsAndEveryLevelWrittenMeetsThem() throws Exception {
        // The bundled model: ring.txt (held out of its training) has a solution of 17 steps, so the targets ask for
        // variations unlike its reconstruction.
        Path bundled = Path.of("..", "examples", "vae-dungeon");
        Path ring = bundled.resolve("held-out").resolve("ring.txt");
        assertEquals(17, DungeonSolver.solve(DungeonParser.parse(ring)).length());
        Path out = dir.resolve("targets");
        CliRun run = CliRun.of("generate", "--generator", "vae:" + bundled, "--like", ring.toString(), "--target",
                "solutionLength=32..40,enemies=3..4", "--count", "2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("2 of 2 level(s) met them"), run.out());
        assertTrue(run.out().contains("(CMA-ES in the noise around ring.txt's latent (spread 0.5))"), run.out());
        for (int s = 0; s < 2; s++) {
            DungeonLevel l = DungeonParser.parse(out.resolve("vae-like-" + s + ".txt"));
            int length = DungeonSolver.solve(l).length();
            assertTrue(length >= 32 && length <= 40, "seed " + s + ": " + length);
            long enemies = l.toText().chars().filter(c -> c == '1' || c == '2' || c == '3').count();
            assertTrue(enemies >= 3 && enemies <= 4, "seed " + s + ": " + enemies);
        }
    }

    @Test
    void targetsAreRefusedWithBetweenAndWithSpreadZeroSayingWhy() {
        CliRun run = CliRun.of("generate", "--generator", "vae:" + model, "--between", heldOut("ring.txt")
                .toString(), heldOut("ring.txt").toString(), "--target", "solutionLength=10..20", "--out",
                dir.toString());
        assertEquals(UserErrorHandler.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("--target and --between: the points of --between are fixed"), run.err());
        run = CliRun.of("generate", "--generator", "vae:" + model, "--like", heldOut("ring.txt").toString(),
                "--spread", "0", "--target", "solutionLength=10..20", "--out", dir.toString());
        assertEquals(UserErrorHandler.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("--target with --spread 0 has one level to offer"), run.err());
    }

    @Test
    void betweenRefusesCountAndSpreadNeedsLike() {
        CliRun run = CliRun.of("generate", "--generator", "vae:" + model, "--between", heldOut("ring.txt")
                .toString(), heldOut("ring.txt").toString(), "--count", "3", "--out", dir.toString());
        assertEquals(UserErrorHandler.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("--count does not apply to --between"), run.err());
        run = CliRun.of("generate", "--generator", "vae:" + model, "--spread", "1", "--out", dir.toString());
        assertEquals(UserErrorHandler.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("--spread applies to --like only"), run.err());
    }

    @Test
    void trainRefusesABadGridRareWeightBootstrapIntervalWallMarginOrFoldNamingTheFlag() {
        CliRun run = CliRun.of("vae", "train", "--out", dir.resolve("m").toString(), "--grid", "6");
        assertEquals(UserErrorHandler.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("--grid") && run.err().contains("must be 4 or 8, got 6"), run.err());
        run = CliRun.of("vae", "train", "--out", dir.resolve("m").toString(), "--grid", "8", "--latent-size", "96");
        assertEquals(UserErrorHandler.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("--latent-size") && run.err().contains("multiple of 64 (a 8x8 grid)"),
                run.err());
        run = CliRun.of("vae", "train", "--out", dir.resolve("m").toString(), "--rare-weight", "0");
        assertEquals(UserErrorHandler.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("--rare-weight") && run.err().contains("must be positive, got 0.0"), run.err());
        run = CliRun.of("vae", "train", "--out", dir.resolve("m").toString(), "--bootstrap-every", "-1");
        assertEquals(UserErrorHandler.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("--bootstrap-every") && run.err().contains("must be at least 0, got -1"),
                run.err());
        run = CliRun.of("vae", "train", "--out", dir.resolve("m").toString(), "--wall-margin", "0");
        assertEquals(UserErrorHandler.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("--wall-margin") && run.err().contains("must be positive, got 0.0"), run.err());
        run = CliRun.of("vae", "train", "--out", dir.resolve("m").toString(), "--fold", "2");
        assertEquals(UserErrorHandler.USER_ERROR, run.exitCode());
        assertTrue(run.err().contains("--fold") && run.err().contains("needs a hold-out"), run.err());
        assertFalse(Files.exists(dir.resolve("m")));
    }
}
