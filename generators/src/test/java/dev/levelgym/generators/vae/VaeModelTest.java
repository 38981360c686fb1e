package dev.levelgym.generators.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.envs.InvalidFieldException;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.io.FileDigests;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.PlatformerCorpus;
import dev.levelgym.generators.gan.Decoding;
import dev.levelgym.generators.gan.DungeonTrainingCorpus;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.gan.PlatformerWindows;
import dev.levelgym.generators.gan.TileMaps;
import dev.levelgym.generators.gan.TrainingMaps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeModelTest {

    @TempDir
    Path dir;

    private static VaeModel untrained(GanWorld world, VaeCorpus corpus, long seed) {
        return untrained(corpus, VaeConfig.builder(world).steps(1).seed(seed).build());
    }

    private static VaeModel untrained(VaeCorpus corpus, VaeConfig config) {
        try (VaeTrainer trainer = new VaeTrainer(corpus, config)) {
            return trainer.finish();
        }
    }

    @Test
    void aDungeonModelEncodesLevelsToLatentsAndDecodesLatentsToLevelsOfItsSize() {
        VaeConfig config = VaeConfig.of(GanWorld.DUNGEON);
        try (VaeModel model = untrained(GanWorld.DUNGEON, VaeCorpus.dungeon(DungeonCorpus.levels(), config), 1)) {
            List<String> texts = DungeonCorpus.levels().subList(0, 3).stream().map(DungeonLevel::toText).toList();
            List<float[]> means = model.encode(texts);
            assertEquals(3, means.size());
            means.forEach(mu -> assertEquals(config.latentSize(), mu.length));
            assertNotEquals(List.of(means.get(0)[0]), List.of(means.get(1)[0]));
            List<String> drafts = model.decode(means, Decoding.ONE_EACH);
            for (String d : drafts) {
                List<String> rows = d.lines().toList();
                assertEquals(9, rows.size());
                rows.forEach(r -> assertEquals(13, r.length()));
            }
            assertEquals(16, model.manifest().paddedSize());
            assertEquals("Dungeon-v0", model.manifest().world());
        }
    }

    @Test
    void aPlatformerModelEncodesAndDecodesWindowsOf28Columns() {
        VaeConfig config = VaeConfig.of(GanWorld.PLATFORMER);
        List<PlatformerLevel> levels = PlatformerCorpus.levels().subList(0, 1);
        try (VaeModel model = untrained(GanWorld.PLATFORMER, VaeCorpus.platformer(levels, config), 1)) {
            String window = PlatformerWindows.of(levels).get(0).text();
            float[] mu = model.encode(List.of(window)).get(0);
            assertEquals(config.latentSize(), mu.length);
            List<String> rows = model.decode(List.of(mu), Decoding.ARGMAX).get(0).lines().toList();
            assertEquals(PlatformerLevel.HEIGHT, rows.size());
            rows.forEach(r -> assertEquals(PlatformerWindows.WIDTH, r.length()));
            assertEquals(32, model.manifest().paddedSize());
            assertThrows(IllegalArgumentException.class, () -> model.encode(List.of("--\n--\n")));
        }
    }

    @Test
    void holdingOutKeepsEveryKthLevelOutOfTheTrainingMaps() {
        List<DungeonLevel> levels = DungeonCorpus.levels();
        VaeCorpus corpus = VaeCorpus.dungeon(levels, VaeConfig.builder(GanWorld.DUNGEON).holdOut(5).build());
        assertEquals(levels.size() / 5, corpus.heldOut().size());
        assertEquals(levels.get(4).id(), corpus.heldOut().get(0).id());
        assertEquals(levels.get(4).toText(), corpus.heldOut().get(0).text());
        VaeCorpus all = VaeCorpus.dungeon(levels, VaeConfig.builder(GanWorld.DUNGEON).mirror(false).build());
        assertEquals(levels.size(), all.maps().count());
        assertEquals(all.corpusHash(), corpus.corpusHash());
    }

    @Test
    void theFoldsOfAHoldOutHoldOutEveryLevelExactlyOnce() {
        List<DungeonLevel> levels = DungeonCorpus.levels();
        List<String> heldOut = new ArrayList<>();
        for (int fold = 1; fold <= 5; fold++) {
            VaeConfig config = VaeConfig.builder(GanWorld.DUNGEON).holdOut(5).fold(fold).build();
            VaeCorpus corpus = VaeCorpus.dungeon(levels, config);
            assertEquals(levels.get(fold - 1).id(), corpus.heldOut().get(0).id(), "fold " + fold);
            // The rest train, with their mirror images.
            int training = levels.size() - corpus.heldOut().size();
            assertTrue(corpus.maps().count() >= training, "fold " + fold);
            corpus.heldOut().forEach(h -> heldOut.add(h.id()));
        }
        assertEquals(levels.size(), heldOut.size());
        assertEquals(levels.size(), new HashSet<>(heldOut).size(), "no level held out twice");
        VaeConfig last = VaeConfig.builder(GanWorld.DUNGEON).holdOut(5).fold(5).build();
        VaeConfig unset = VaeConfig.builder(GanWorld.DUNGEON).holdOut(5).build();
        assertEquals(VaeCorpus.dungeon(levels, last).heldOut(), VaeCorpus.dungeon(levels, unset).heldOut(),
                "fold 0 is the K-th, as before folds existed");
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> VaeConfig.builder(GanWorld.DUNGEON).holdOut(5).fold(6).build());
        assertEquals("fold", e.field());
        e = assertThrows(InvalidFieldException.class, () -> VaeConfig.builder(GanWorld.DUNGEON).fold(2).build());
        assertTrue(e.getMessage().contains("needs a hold-out"), e.getMessage());
    }

    @Test
    void aHoldOutThatHoldsOutNoLevelOrEveryLevelIsRefusedNamingTheFlag() {
        List<DungeonLevel> three = DungeonCorpus.levels().subList(0, 3);
        UserInputException none = assertThrows(UserInputException.class, () -> VaeCorpus.dungeon(three,
                VaeConfig.builder(GanWorld.DUNGEON).holdOut(5).build()));
        assertEquals("--hold-out 5 holds out the 5th level of every 5, which is none of the corpus's 3; give a "
                + "hold-out of at most 3 (and a fold of at most that), or 0", none.getMessage());
        UserInputException all = assertThrows(UserInputException.class, () -> VaeCorpus.dungeon(three.subList(0, 1),
                VaeConfig.builder(GanWorld.DUNGEON).holdOut(2).fold(1).build()));
        assertTrue(all.getMessage().startsWith("--hold-out 2 --fold 1 holds out the 1st level of every 2, which is "
                + "all of the corpus's 1;"), all.getMessage());
        // Within the corpus's size it holds out what it says.
        assertEquals(three.get(2).id(), VaeCorpus.dungeon(three, VaeConfig.builder(GanWorld.DUNGEON).holdOut(3)
                .build()).heldOut().get(0).id());
    }

    @Test
    void trainingMapsAreTheTrainingLevelsWithTheirMirrorImagesAndNoHeldOutLevelNorItsMirror() {
        List<DungeonLevel> levels = DungeonCorpus.levels();
        VaeConfig config = VaeConfig.builder(GanWorld.DUNGEON).holdOut(5).build();
        TrainingMaps training = VaeCorpus.dungeon(levels, config).maps();
        List<DungeonLevel> trained = new ArrayList<>();
        List<DungeonLevel> heldOut = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            (i % 5 == 4 ? heldOut : trained).add(levels.get(i));
        }
        Set<List<Float>> maps = mapsOf(training);
        assertEquals(training.count(), maps.size(), "a layout repeated");
        assertTrue(maps.size() > 3 * trained.size(), maps.size() + " maps of " + trained.size() + " levels");
        assertEquals(mapsOf(DungeonTrainingCorpus.of(mirrored(trained)).maps(false)), maps);
        mapsOf(DungeonTrainingCorpus.of(mirrored(heldOut)).maps(false)).forEach(m -> assertFalse(maps.contains(m)));
        VaeConfig plain = config.toBuilder().mirror(false).build();
        assertEquals(trained.size(), VaeCorpus.dungeon(levels, plain).maps().count());
    }

    /** Each level, left-right, upside down and both, made from the text (independently of TileMaps.mirror). */
    private static List<DungeonLevel> mirrored(List<DungeonLevel> levels) {
        List<DungeonLevel> out = new ArrayList<>();
        for (DungeonLevel l : levels) {
            List<String> rows = l.toText().lines().toList();
            List<String> flipped = rows.stream().map(r -> new StringBuilder(r).reverse().toString()).toList();
            for (List<String> m : List.of(rows, flipped, upsideDown(rows), upsideDown(flipped))) {
                out.add(DungeonParser.parse(String.join("\n", m) + "\n", l.id()));
            }
        }
        return out;
    }

    private static List<String> upsideDown(List<String> rows) {
        List<String> out = new ArrayList<>(rows);
        Collections.reverse(out);
        return out;
    }

    private static Set<List<Float>> mapsOf(TrainingMaps t) {
        Set<List<Float>> out = new HashSet<>();
        for (int i = 0; i < t.count(); i++) {
            List<Float> map = new ArrayList<>();
            for (int c = 0; c < t.mapLength(); c++) {
                map.add(t.maps()[i * t.mapLength() + c]);
            }
            out.add(map);
        }
        return out;
    }

    @Test
    void anEightByEightGridEncodesToItsPointsAndSavesAndLoads() throws Exception {
        VaeConfig config = VaeConfig.builder(GanWorld.DUNGEON).grid(8).latentSize(128).build();
        String level = DungeonCorpus.levels().get(0).toText();
        Path saved = dir.resolve("grid8");
        List<String> before;
        try (VaeTrainer trainer = new VaeTrainer(VaeCorpus.dungeon(DungeonCorpus.levels(), config), config);
             VaeModel model = trainer.finish()) {
            float[] mu = model.encode(List.of(level)).get(0);
            assertEquals(128, mu.length);
            before = model.decode(List.of(mu, model.latent(3)), Decoding.ONE_EACH);
            before.forEach(d -> assertEquals(List.of(13, 13, 13, 13, 13, 13, 13, 13, 13),
                    d.lines().map(String::length).toList()));
            model.save(saved, d -> { });
        }
        try (VaeModel loaded = VaeModel.load(saved)) {
            assertEquals(8, loaded.manifest().config().grid());
            float[] mu = loaded.encode(List.of(level)).get(0);
            assertEquals(before, loaded.decode(List.of(mu, loaded.latent(3)), Decoding.ONE_EACH));
        }
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> config.toBuilder().grid(5).build());
        assertEquals("grid", e.field());
        e = assertThrows(InvalidFieldException.class, () -> config.toBuilder().latentSize(96).build());
        assertEquals("latentSize", e.field());
    }

    @Test
    void aManifestWrittenBeforeGridWeightsAndBootstrappingLoadsWithTheirOldValues() throws Exception {
        // Trained as those models were: decoded without a wall margin.
        VaeConfig config = VaeConfig.builder(GanWorld.DUNGEON).steps(1).seed(2).wallMargin(1).build();
        Path saved = dir.resolve("old");
        List<String> before;
        try (VaeModel model = untrained(VaeCorpus.dungeon(DungeonCorpus.levels(), config), config)) {
            before = model.decode(List.of(model.latent(7)), Decoding.ONE_EACH);
            model.save(saved, d -> { });
        }
        Path manifest = saved.resolve(VaeModel.MANIFEST_FILE);
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(manifest.toFile());
        ((ObjectNode) m.get("config")).remove(List.of("grid", "rareWeight", "routeWeight", "bootstrapEvery", "fold",
                "wallMargin"));
        m.remove("checksum");
        m.put("checksum", FileDigests.sha256(json.writeValueAsBytes(m)));
        Files.write(manifest, json.writeValueAsBytes(m));
        try (VaeModel loaded = VaeModel.load(saved)) {
            assertEquals(4, loaded.manifest().config().grid());
            assertEquals(1, loaded.manifest().config().rareWeight());
            assertEquals(1, loaded.manifest().config().routeWeight());
            assertEquals(0, loaded.manifest().config().bootstrapEvery(), "trained before bootstrapping existed");
            assertEquals(0, loaded.manifest().config().fold());
            assertEquals(1, loaded.manifest().config().wallMargin(), "decoded by plain argmax before the margin");
            assertEquals(before, loaded.decode(List.of(loaded.latent(7)), Decoding.ONE_EACH));
        }
    }

    @Test
    void theRouteWeightFallsOnEachTrainingMapsWinningRouteAndNowhereElse() {
        List<DungeonLevel> levels = DungeonCorpus.levels().subList(0, 3);
        TrainingMaps maps = DungeonTrainingCorpus.of(levels).maps(true);
        float[] weights = VaeTrainer.routeCells(maps, 5f);
        int size = maps.size();
        int plane = size * size;
        List<DungeonLevel> mirrored = TileMaps.withMirrors(levels);
        assertEquals(mirrored.size(), maps.count());
        for (int m = 0; m < maps.count(); m++) {
            DungeonLevel level = mirrored.get(m);
            Set<Integer> route = new HashSet<>();
            for (int cell : DungeonSolver.solve(level).route(level)) {
                route.add((cell / level.width()) * size + cell % level.width());
            }
            assertFalse(route.isEmpty(), level.id());
            for (int c = 0; c < plane; c++) {
                assertEquals(route.contains(c) ? 5f : 1f, weights[m * plane + c], level.id() + " cell " + c);
            }
        }
        TrainingMaps windows = PlatformerWindows.maps(PlatformerCorpus.levels().subList(0, 1));
        UserInputException e = assertThrows(UserInputException.class, () -> VaeTrainer.routeCells(windows, 5f));
        assertTrue(e.getMessage().contains("--route-weight"), e.getMessage());
        assertEquals("routeWeight", assertThrows(InvalidFieldException.class,
                () -> VaeConfig.builder(GanWorld.DUNGEON).routeWeight(0).build()).field());
    }

    @Test
    void refiningTheLatentsBringsHeldOutLevelsBackCloserThanTheEncodersMeans() throws Exception {
        Path bundled = Path.of("..", "examples", "vae-dungeon");
        List<String> levels = new ArrayList<>();
        try (var files = Files.list(bundled.resolve(VaeModel.HELD_OUT_DIR))) {
            for (Path f : files.sorted().toList()) {
                levels.add(Files.readString(f));
            }
        }
        try (VaeModel model = VaeModel.load(bundled)) {
            List<float[]> means = model.encode(levels);
            List<float[]> unrefined = model.encode(levels, 0);
            List<float[]> refined = model.encode(levels, 30);
            int before = 0;
            int after = 0;
            List<String> fromMeans = model.decode(means, Decoding.ONE_EACH);
            List<String> fromRefined = model.decode(refined, Decoding.ONE_EACH);
            for (int i = 0; i < levels.size(); i++) {
                assertArrayEquals(means.get(i), unrefined.get(i));
                before += VaeEvaluation.differing(levels.get(i), fromMeans.get(i));
                after += VaeEvaluation.differing(levels.get(i), fromRefined.get(i));
            }
            assertTrue(after < before / 2, "cells wrong: " + before + " from the means, " + after + " refined");
            assertArrayEquals(refined.get(7), model.encode(levels, 30).get(7), "refining is deterministic");
            // Each level is refined on its own (a batch changes the float rounding only).
            assertArrayEquals(refined.get(0), model.encode(levels.subList(0, 1), 30).get(0), 1e-3f);
            UserInputException e = assertThrows(UserInputException.class, () -> model.encode(levels, -1));
            assertTrue(e.getMessage().contains("--refine"), e.getMessage());
        }
    }

    @Test
    void shortTrainingReconstructsATrainingLevel() {
        // Four levels, no mirrors, a small β: a few hundred steps are enough for the network to tell them apart.
        List<DungeonLevel> four = DungeonCorpus.levels().subList(0, 4);
        VaeConfig config = new VaeConfig(8, 16, 300, 3e-3, 0.01, 16, 32, false, false, 4, 1, 1, 0, 1, 0, 0, 5);
        String level = four.get(1).toText();
        int before;
        int after;
        try (VaeTrainer trainer = new VaeTrainer(VaeCorpus.dungeon(four, config), config)) {
            List<VaeTrainer.Losses> losses = new ArrayList<>();
            for (int i = 0; i < config.steps(); i++) {
                losses.add(trainer.step());
            }
            assertTrue(losses.get(losses.size() - 1).reconstruction() < losses.get(0).reconstruction() / 4,
                    "cross-entropy " + losses.get(0) + " -> " + losses.get(losses.size() - 1));
            try (VaeModel model = trainer.finish()) {
                String back = model.decode(model.encode(List.of(level)), Decoding.ONE_EACH).get(0);
                after = VaeEvaluation.differing(level, back);
            }
        }
        try (VaeModel fresh = untrained(GanWorld.DUNGEON, VaeCorpus.dungeon(four, config), 5)) {
            before = VaeEvaluation.differing(level, fresh.decode(fresh.encode(List.of(level)), Decoding.ONE_EACH)
                    .get(0));
        }
        assertTrue(after <= 117 / 10, "cells wrong after training: " + after + " of 117 (before: " + before + ")");
        assertTrue(after < before, after + " vs " + before);
    }

    @Test
    void theSameSeedTrainsTheSameModelWhateverItsWallMarginAndAnotherSeedAnother() {
        List<DungeonLevel> levels = DungeonCorpus.levels().subList(0, 6);
        List<List<String>> samples = new ArrayList<>();
        List<float[]> means = new ArrayList<>();
        List<Integer> bootstrapped = new ArrayList<>();
        long[] seeds = {3, 3, 4, 3};
        for (int run = 0; run < seeds.length; run++) {
            // Bootstrapping every step of the second half: its draws come from the seed's stream too. The last run
            // decodes without the wall margin, which training does not depend on.
            VaeConfig config = VaeConfig.builder(GanWorld.DUNGEON).steps(6).bootstrapEvery(1).seed(seeds[run])
                    .wallMargin(run == 3 ? 1 : VaeConfig.WALL_MARGIN).build();
            try (VaeTrainer trainer = new VaeTrainer(VaeCorpus.dungeon(levels, config), config)) {
                for (int i = 0; i < config.steps(); i++) {
                    trainer.step();
                }
                bootstrapped.add(trainer.bootstrapped());
                try (VaeModel model = trainer.finish()) {
                    List<float[]> latents = List.of(model.latent(1), model.latent(2), model.latent(3));
                    samples.add(model.decode(latents, Decoding.ARGMAX));
                    means.add(model.encode(List.of(levels.get(0).toText())).get(0));
                }
            }
        }
        assertEquals(samples.get(0), samples.get(1));
        assertArrayEquals(means.get(0), means.get(1));
        assertEquals(bootstrapped.get(0), bootstrapped.get(1));
        assertNotEquals(List.of(means.get(0)[0]), List.of(means.get(2)[0]));
        assertArrayEquals(means.get(0), means.get(3), "the same weights whatever the margin");
        assertEquals(bootstrapped.get(0), bootstrapped.get(3));
        assertTrue(bootstrapped.get(0) > 0, "bootstrapping admitted levels: " + bootstrapped);
    }

    @Test
    void aSavedModelLoadsBackAndGivesTheSameLevels() throws Exception {
        VaeConfig config = VaeConfig.builder(GanWorld.DUNGEON).steps(2).build();
        Path saved = dir.resolve("model");
        List<String> before;
        try (VaeModel model = untrained(GanWorld.DUNGEON, VaeCorpus.dungeon(DungeonCorpus.levels(), config), 2)) {
            before = model.decode(List.of(model.latent(7)), Decoding.ONE_EACH);
            model.save(saved, d -> { });
        }
        try (VaeModel loaded = VaeModel.load(saved)) {
            assertEquals(before, loaded.decode(List.of(loaded.latent(7)), Decoding.ONE_EACH));
            assertEquals(GanWorld.DUNGEON, loaded.world());
        }
    }

    @Test
    void aPlatformerManifestWithAWallMarginIsRefusedNamingTheFile() throws Exception {
        VaeConfig config = VaeConfig.of(GanWorld.PLATFORMER);
        Path saved = dir.resolve("platformer-margin");
        try (VaeModel model = untrained(GanWorld.PLATFORMER, VaeCorpus.platformer(PlatformerCorpus.levels(), config),
                1)) {
            model.save(saved, d -> { });
        }
        Path manifest = saved.resolve(VaeModel.MANIFEST_FILE);
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(manifest.toFile());
        ((ObjectNode) m.get("config")).put("wallMargin", 2.0);
        m.remove("checksum");
        m.put("checksum", FileDigests.sha256(json.writeValueAsBytes(m)));
        Files.write(manifest, json.writeValueAsBytes(m));
        UserInputException e = assertThrows(UserInputException.class, () -> VaeModel.load(saved));
        assertTrue(e.getMessage().startsWith(manifest.toString()) && e.getMessage().contains("wall margin of 2.0"),
                e.getMessage());
    }

    @Test
    void aChangedManifestOrChangedWeightsAreRefused() throws Exception {
        VaeConfig config = VaeConfig.of(GanWorld.DUNGEON);
        Path saved = dir.resolve("model");
        try (VaeModel model = untrained(GanWorld.DUNGEON, VaeCorpus.dungeon(DungeonCorpus.levels(), config), 2)) {
            model.save(saved, d -> { });
        }
        Path manifest = saved.resolve(VaeModel.MANIFEST_FILE);
        String original = Files.readString(manifest);
        Files.writeString(manifest, original.replace("\"height\" : 9", "\"height\" : 8"));
        UserInputException e = assertThrows(UserInputException.class, () -> VaeModel.load(saved));
        assertTrue(e.getMessage().contains("checksum does not match"), e.getMessage());
        assertTrue(e.getMessage().contains(manifest.toString()), e.getMessage());

        Files.writeString(manifest, original);
        Path weights = saved.resolve(VaeModel.WEIGHTS_FILE);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 3] ^= 1;
        Files.write(weights, bytes);
        e = assertThrows(UserInputException.class, () -> VaeModel.load(saved));
        assertTrue(e.getMessage().contains(VaeModel.WEIGHTS_FILE), e.getMessage());

        Files.writeString(manifest, original.replace("\"kind\" : \"vae\"", "\"kind\" : \"gan\""),
                StandardCharsets.UTF_8);
        e = assertThrows(UserInputException.class, () -> VaeModel.load(saved));
        assertTrue(e.getMessage().contains("not a VAE model"), e.getMessage());
    }
}
