package dev.levelgym.generators.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.model.Latents;
import dev.levelgym.generators.search.DungeonTargets;
import dev.levelgym.generators.search.LatentSearch;
import dev.levelgym.generators.search.TargetSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GanModelTest {

    private static final int STEPS = 12;

    /** One short training run shared by the tests (a few seconds). */
    private static GanModel model;
    private static List<GanTrainer.Losses> losses;
    private static List<String> samplesAtStart;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        GanConfig config = new GanConfig(32, 16, STEPS, 1, 2e-4, 2e-4, 0.5, GanLoss.HINGE, 0.01, true, 0.999, 0, 0, 64,
                32, 0, 7);
        losses = new ArrayList<>();
        try (GanTrainer trainer = new GanTrainer(DungeonTrainingCorpus.of(DungeonCorpus.levels()), config)) {
            samplesAtStart = trainer.sample(latents(8));
            for (int i = 0; i < STEPS; i++) {
                losses.add(trainer.step());
            }
            model = trainer.finish();
        }
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static List<float[]> latents(int n) {
        List<float[]> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(Latents.gaussians(new java.util.Random(100 + i), 32));
        }
        return l;
    }

    @Test
    void trainingChangesLossesAndTheGenerator() {
        assertEquals(STEPS, model.manifest().trainingSteps());
        assertTrue(losses.stream().allMatch(l -> Double.isFinite(l.critic()) && Double.isFinite(l.generator())));
        assertNotEquals(losses.get(0).critic(), losses.get(STEPS - 1).critic());
        assertNotEquals(losses.get(0).generator(), losses.get(STEPS - 1).generator());
        assertNotEquals(samplesAtStart, model.sample(latents(8)));
    }

    @Test
    void theSameSeedTrainsTheSameGenerator() {
        GanConfig config = new GanConfig(32, 8, 3, 1, 2e-4, 2e-4, 0.5, GanLoss.WASSERSTEIN_CLIP, 0.01, false, 0, 0, 0,
                64, 32, 0, 11);
        List<List<String>> runs = new ArrayList<>();
        for (long seed : new long[] {11, 11, 12}) {
            try (GanTrainer trainer = new GanTrainer(DungeonTrainingCorpus.of(DungeonCorpus.levels()),
                    config.toBuilder().seed(seed).build())) {
                for (int i = 0; i < 3; i++) {
                    trainer.step();
                }
                runs.add(trainer.sample(latents(6)));
            }
        }
        assertEquals(runs.get(0), runs.get(1));
        assertNotEquals(runs.get(0), runs.get(2));
    }

    @Test
    void samplesAreLevelSizedLegendTextAndDeterministicPerSeed() {
        List<String> drafts = model.sample(latents(5));
        for (String d : drafts) {
            String[] rows = d.split("\n");
            assertEquals(9, rows.length);
            for (String r : rows) {
                assertEquals(13, r.length());
                assertTrue(r.chars().allMatch(c -> TileMaps.LEGEND.indexOf(c) >= 0), r);
            }
        }
        assertEquals(drafts, model.sample(latents(5)));
        DungeonGan g = new DungeonGan(model);
        assertEquals(g.draft(3), g.drafts(3, 1, Decoding.ARGMAX).get(0));
        assertEquals(g.drafts(3, 4, Decoding.ONE_EACH).get(2), g.drafts(5, 1, Decoding.ONE_EACH).get(0));
        for (String d : g.drafts(0, 20, Decoding.ONE_EACH)) {
            for (char piece : new char[] {'A', '+', 'g'}) {
                assertEquals(1, d.chars().filter(c -> c == piece).count(), d);
            }
        }
        DungeonLevel level = g.generate(3);
        assertEquals("gan-3", level.id());
        assertTrue(DungeonSolver.solve(level).playable());
    }

    @Test
    void latentSearchMeetsTargetsAndIsDeterministicPerSeed() {
        DungeonGan g = new DungeonGan(model);
        DungeonTargets anything = DungeonTargets.parse("solutionLength=1..1000");
        var first = new LatentSearch<>(g, g.name(), anything, 50).search(4);
        assertEquals("CMA-ES in the GAN's latent space", TargetSearch.of(g, anything, 50).describe());
        assertTrue(first.met());
        assertEquals(1, first.evaluations(), "the seed's own latent meets a target every level meets");
        assertEquals(g.generate(4), first.level());

        // A target the seed's own level misses, a little more wall than it has: CMA-ES must move in latent space.
        double walls = DungeonTargets.parse("walls=0..1").measure(g.generate(9), new DungeonSolver())
                .get(DungeonTargets.Measure.WALLS);
        DungeonTargets open = DungeonTargets.parse("walls=" + (walls + 0.02) + "..1");
        var a = new LatentSearch<>(g, g.name(), open, 400).search(9);
        assertTrue(a.met(), "not met: " + a.measures());
        assertTrue(a.evaluations() > 1);
        assertTrue(open.met(a.measures()));
        assertTrue(DungeonSolver.solve(a.level()).playable());
        var b = new LatentSearch<>(g, g.name(), open, 400).search(9);
        assertEquals(a.level(), b.level());
        assertEquals(a.evaluations(), b.evaluations());
    }

    @Test
    void saveLoadRoundTripGivesIdenticalSamplesAndManifest() throws Exception {
        Path out = dir.resolve("model");
        model.save(out);
        try (GanModel loaded = GanModel.load(out)) {
            assertEquals(model.manifest(), loaded.manifest());
            assertEquals(model.sample(latents(20)), loaded.sample(latents(20)));
        }
        // Saving again replaces the directory atomically: no temporary directories remain.
        model.save(out);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
        assertEquals(DungeonTrainingCorpus.of(DungeonCorpus.levels()).hash(), model.manifest().corpusHash());
        assertEquals("w.A+g123", model.manifest().legend());
    }

    /** A manifest written before the critic could see sampled maps reads as what trained it: the soft output. */
    @Test
    void aManifestWithoutGumbelTemperatureReadsAsTheSoftOutput() throws Exception {
        Path out = savedWithout("\"gumbelTemperature\" : 0.0,");
        assertEquals(model.manifest(), GanModel.manifest(out));
    }

    /** A manifest written before the widths were configurable reads as the widths every model then had. */
    @Test
    void aManifestWithoutChannelsReadsAsTheDungeonWidths() throws Exception {
        Path out = savedWithout("\"generatorChannels\" : 64,\n    \"criticChannels\" : 32,");
        assertEquals(model.manifest(), GanModel.manifest(out));
        try (GanModel loaded = GanModel.load(out)) {
            assertEquals(model.sample(latents(5)), loaded.sample(latents(5)));
        }
    }

    /** The model saved, then its manifest's text without {@code fields}: how a model written before them looks. */
    private Path savedWithout(String fields) throws Exception {
        Path out = dir.resolve("model");
        model.save(out);
        Path manifest = out.resolve(GanModel.MANIFEST_FILE);
        String json = legacy(manifest);
        assertTrue(json.contains(fields), json);
        Files.writeString(manifest, json.replace(fields, ""));
        return out;
    }

    /** Rewrites {@code manifest} as models were saved before their manifests recorded digests, and returns it. */
    static String legacy(Path manifest) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) dev.levelgym.generators.model.ModelDirectory.JSON.readTree(manifest.toFile());
        tree.remove("files");
        tree.remove("checksum");
        dev.levelgym.generators.model.ModelDirectory.JSON.writeValue(manifest.toFile(), tree);
        return Files.readString(manifest);
    }

    /** A wider generator saves and loads; weights of another width are refused naming both files. */
    @Test
    void aWiderGeneratorRoundTripsAndWeightsOfAnotherWidthAreRefused() throws Exception {
        GanConfig wide = new GanConfig(32, 8, 2, 1, 2e-4, 2e-4, 0.5, GanLoss.HINGE, 0.01, false, 0, 0, 0, 96, 16, 0, 5);
        Path out = dir.resolve("wide");
        List<String> samples;
        try (GanTrainer trainer = new GanTrainer(DungeonTrainingCorpus.of(DungeonCorpus.levels()), wide)) {
            trainer.step();
            trainer.step();
            try (GanModel trained = trainer.finish()) {
                trained.save(out);
                samples = trained.sample(latents(5));
            }
        }
        try (GanModel loaded = GanModel.load(out)) {
            assertEquals(96, loaded.manifest().config().generatorChannels());
            assertEquals(samples, loaded.sample(latents(5)));
        }
        Path manifest = out.resolve(GanModel.MANIFEST_FILE);
        Files.writeString(manifest, legacy(manifest).replace("\"generatorChannels\" : 96",
                "\"generatorChannels\" : 64"));
        assertMessage(out, out.resolve(GanModel.GENERATOR_FILE) + " does not match " + manifest);
    }

    @Test
    void corruptOrMismatchedModelDirectoriesAreRefusedNamingTheFile() throws Exception {
        Path out = dir.resolve("model");
        model.save(out);
        Path manifest = out.resolve(GanModel.MANIFEST_FILE);
        Path weights = out.resolve(GanModel.GENERATOR_FILE);
        String sealed = Files.readString(manifest);
        byte[] bytes = Files.readAllBytes(weights);

        // The manifest records the weights' length and SHA-256, and its own checksum.
        Files.writeString(manifest, sealed.replace("\"latentSize\" : 32", "\"latentSize\" : 16"));
        assertMessage(out, "corrupt GAN model file " + manifest + ": its checksum does not match its content");
        Files.writeString(manifest, sealed);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 3] ^= 1;
        Files.write(weights, flipped);
        assertMessage(out, "corrupt GAN model: " + weights + " is corrupt: its SHA-256 differs from the one "
                + manifest + " records");
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertMessage(out, "corrupt GAN model: " + weights + " is truncated: " + bytes.length / 2 + " bytes, "
                + manifest + " records " + bytes.length);
        Files.delete(weights);
        assertMessage(out, "corrupt GAN model: missing file " + weights + " (listed in " + manifest + ")");
        Files.write(weights, bytes);

        // A model saved before the digests: the readers of each file still refuse what they can see is wrong.
        String json = legacy(manifest);
        Files.writeString(manifest, json.substring(0, json.length() / 2));
        assertMessage(out, "corrupt GAN model file " + manifest);

        Files.writeString(manifest, json.replace("\"legend\" : \"w.A+g123\"", "\"legend\" : \"w.A+g12\""));
        assertMessage(out, manifest + ": legend 'w.A+g12' does not match");

        Files.writeString(manifest, json.replace("\"latentSize\" : 32", "\"latentSize\" : 16"));
        assertMessage(out, weights + " does not match " + manifest);

        // A model of the first format (no emaDecay or bootstrapEvery yet) is refused by its format, not as corrupt.
        Files.writeString(manifest, json.replace("\"format\" : " + GanManifest.FORMAT, "\"format\" : 1")
                .replaceAll("\"(emaDecay|bootstrapEvery)\" : [0-9.]+,", ""));
        assertMessage(out, manifest + ": not a GAN model of format " + GanManifest.FORMAT);

        Files.writeString(manifest, json);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertMessage(out, "corrupt GAN model file " + weights + ": it ends before the weights do (truncated: "
                + bytes.length / 2 + " bytes)");

        Files.delete(weights);
        assertMessage(out, "missing GAN model file " + weights);

        assertMessage(dir.resolve("nothing"), "no GAN model at " + dir.resolve("nothing"));
    }

    private static void assertMessage(Path modelDir, String start) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GanModel.load(modelDir));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
