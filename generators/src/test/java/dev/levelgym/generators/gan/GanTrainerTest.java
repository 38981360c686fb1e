package dev.levelgym.generators.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.DungeonEdits;
import dev.levelgym.generators.model.Latents;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GanTrainerTest {

    private static final GanConfig SMALL =
            new GanConfig(32, 8, 6, 1, 2e-4, 2e-4, 0.5, GanLoss.HINGE, 0.01, false, 0, 0, 0, 64, 32, 0, 3);

    private static List<float[]> latents(int n) {
        Random r = new Random(5);
        List<float[]> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(Latents.gaussians(r, 32));
        }
        return l;
    }

    /** Mao et al.'s term: 1 / (mean |G(z1) − G(z2)| / mean |z1 − z2| + ε), first half against second. */
    @Test
    void modeSeekingTermFallsAsTheMapsOfDifferentLatentsMoveApart() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray latent = m.create(new float[] {0, 0, 1, 3}, new Shape(4, 1)); // |z1 - z2| = 1 and 3: mean 2
            NDArray near = m.create(new float[] {0, 0, 0, 0, 0.5f, 0, 0.5f, 1}, new Shape(4, 2));
            NDArray far = m.create(new float[] {0, 0, 0, 0, 1, 1, 1, 1}, new Shape(4, 2));
            // near: |maps| = 0.5, 0, 0.5, 1 -> mean 0.5; ratio 0.25. far: mean 1; ratio 0.5.
            float nearTerm = GanTrainer.modeSeeking(near, latent).getFloat();
            float farTerm = GanTrainer.modeSeeking(far, latent).getFloat();
            assertEquals(1 / (0.25f + GanTrainer.MODE_SEEKING_EPSILON), nearTerm, 1e-4);
            assertEquals(1 / (0.5f + GanTrainer.MODE_SEEKING_EPSILON), farTerm, 1e-4);
        }
    }

    @Test
    void diversityNeedsPairsAndANonNegativeWeight() {
        assertThrows(dev.levelgym.envs.InvalidFieldException.class,
                () -> SMALL.toBuilder().diversity(-1).build());
        assertThrows(dev.levelgym.envs.InvalidFieldException.class,
                () -> SMALL.toBuilder().batchSize(1).diversity(0.1).build());
        assertEquals(0.1, SMALL.toBuilder().diversity(0.1).build().diversity());
    }

    /** Averaging only changes what the model is made of: training (the losses) is the same, the samples are not. */
    @Test
    void averagingLeavesTrainingAloneAndChangesTheModel() {
        List<List<GanTrainer.Losses>> losses = new ArrayList<>();
        List<List<String>> samples = new ArrayList<>();
        for (double decay : new double[] {0, 0.9}) {
            List<GanTrainer.Losses> run = new ArrayList<>();
            try (GanTrainer trainer = new GanTrainer(DungeonTrainingCorpus.of(DungeonCorpus.levels()),
                    SMALL.toBuilder().emaDecay(decay).build())) {
                for (int i = 0; i < SMALL.steps(); i++) {
                    run.add(trainer.step());
                }
                List<String> during = trainer.sample(latents(16));
                try (GanModel model = trainer.finish()) {
                    // The model keeps what sample() showed during training: the averaged weights when averaging.
                    assertEquals(during, model.sample(latents(16)));
                    samples.add(during);
                }
            }
            losses.add(run);
        }
        assertEquals(losses.get(0), losses.get(1));
        assertNotEquals(samples.get(0), samples.get(1));
    }

    /** Bootstrapping admits only playable levels that differ from every training level in enough cells. */
    @Test
    void bootstrappingAdmitsOnlyPlayableNovelLevels() {
        List<DungeonLevel> corpus = DungeonCorpus.levels();
        // Bootstrapping on (at a step this run never reaches), so the trainer keeps the texts novelty is judged by.
        try (GanTrainer trainer = new GanTrainer(DungeonTrainingCorpus.of(corpus),
                SMALL.toBuilder().bootstrapEvery(1000).build())) {
            // A mirror image is playable (the rules have no preferred direction); take the first corpus level whose
            // mirror is far from every corpus level.
            DungeonLevel first = corpus.stream().filter(l -> far(TileMaps.mirror(l, true, false).toText(), corpus))
                    .findFirst().orElseThrow();
            String novel = TileMaps.mirror(first, true, false).toText();
            String copy = first.toText();
            String unplayable = DungeonEdits.walledIn(first);
            String tooClose = DungeonEdits.pillars(first, 3);
            assertEquals(1, trainer.admit(List.of(copy, unplayable, tooClose, novel, "not a level")));
            assertEquals(1, trainer.bootstrapped());
            // Once admitted it is part of the training set: the same level again is no longer novel.
            assertEquals(0, trainer.admit(List.of(novel)));
        }
    }

    private static boolean far(String text, List<DungeonLevel> levels) {
        return levels.stream()
                .allMatch(l -> DungeonEdits.distance(l.toText(), text) >= GanTrainer.BOOTSTRAP_MIN_DISTANCE);
    }

    /**
     * The hinge's constants must outlive the forward pass (autograd keeps maximum's operands): DJL's
     * {@code maximum(0f)} puts its operand in a Java direct buffer that the next GC frees.
     */
    @Test
    void hingeGradientSurvivesAGarbageCollectionBetweenForwardAndBackward() throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray real = m.create(new float[] {2f, -2f});
            NDArray fake = m.create(new float[] {0.3f, -1.5f});
            real.setRequiresGradient(true);
            fake.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = GanTrainer.criticLoss(GanLoss.HINGE, real, fake);
                // Lets the JVM free every unreachable direct buffer (the Reference Handler does it after a GC).
                for (int i = 0; i < 3; i++) {
                    System.gc();
                    Thread.sleep(30);
                }
                collector.backward(loss);
            }
            // mean(max(0, 1 − real)) + mean(max(0, 1 + fake)): −1/2 where 1 − real > 0, +1/2 where 1 + fake > 0.
            assertArrayEquals(new float[] {0f, -0.5f}, real.getGradient().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0.5f, 0f}, fake.getGradient().toFloatArray(), 1e-6f);
        }
    }

    /**
     * The critic's view of a generated map under {@link GanConfig#gumbelTemperature()}: exactly one-hot, the tile of
     * each cell the one with the largest {@code logit + noise}, and the gradient that of the tempered softmax of
     * {@code logits + noise}, which reaches the logits (checked against the softmax's Jacobian written out here).
     * A garbage collection between forward and backward must not free the temperature constant autograd keeps.
     */
    @Test
    void straightThroughGumbelIsOneHotForwardAndTemperedSoftmaxBackward() throws InterruptedException {
        int batch = 2;
        int tiles = 4;
        int cells = 3;
        double temperature = 0.5;
        Random r = new Random(9);
        float[] logits = new float[batch * tiles * cells];
        float[] noise = new float[logits.length];
        float[] weights = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) r.nextGaussian();
            noise[i] = (float) -Math.log(-Math.log(r.nextDouble()));
            weights[i] = (float) r.nextGaussian();
        }
        Shape shape = new Shape(batch, tiles, 1, cells);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(logits, shape);
            x.setRequiresGradient(true);
            float[] sample;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray st = GanTrainer.straightThroughGumbel(x.softmax(1), m.create(noise, shape), temperature);
                for (int i = 0; i < 3; i++) {
                    System.gc();
                    Thread.sleep(30);
                }
                sample = st.toFloatArray();
                collector.backward(st.mul(m.create(weights, shape)).sum());
            }
            float[] gradient = x.getGradient().toFloatArray();
            for (int b = 0; b < batch; b++) {
                for (int c = 0; c < cells; c++) {
                    int best = 0;
                    double[] z = new double[tiles];
                    for (int k = 0; k < tiles; k++) {
                        int i = (b * tiles + k) * cells + c;
                        z[k] = (logits[i] + noise[i]) / temperature;
                        best = z[k] > z[best] ? k : best;
                    }
                    double total = 0;
                    for (int k = 0; k < tiles; k++) {
                        total += Math.exp(z[k]);
                    }
                    double expectedWeight = 0;
                    double[] soft = new double[tiles];
                    for (int k = 0; k < tiles; k++) {
                        soft[k] = Math.exp(z[k]) / total;
                        expectedWeight += soft[k] * weights[(b * tiles + k) * cells + c];
                    }
                    for (int k = 0; k < tiles; k++) {
                        int i = (b * tiles + k) * cells + c;
                        assertEquals(k == best ? 1f : 0f, sample[i], "cell " + b + "/" + c + " tile " + k);
                        // d/dlogit_k of sum_j softmax(z)_j w_j with z = (logit + noise) / T
                        double expected = soft[k] * (weights[i] - expectedWeight) / temperature;
                        assertEquals(expected, gradient[i], 1e-5, "gradient of cell " + b + "/" + c + " tile " + k);
                    }
                }
            }
        }
    }

    /** The Gumbel noise comes from the trainer's own seeded generator: a seed repeats its run, another does not. */
    @Test
    void gumbelTrainingIsDeterministicPerSeed() {
        GanConfig gumbel = SMALL.toBuilder().steps(3).gumbelTemperature(1).build();
        List<List<Object>> runs = new ArrayList<>();
        for (GanConfig config : List.of(gumbel, gumbel, gumbel.toBuilder().seed(4).build(),
                gumbel.toBuilder().gumbelTemperature(0).build())) {
            List<Object> run = new ArrayList<>();
            try (GanTrainer trainer = new GanTrainer(DungeonTrainingCorpus.of(DungeonCorpus.levels()), config)) {
                for (int i = 0; i < config.steps(); i++) {
                    run.add(trainer.step());
                }
                run.add(trainer.sample(latents(8)));
            }
            runs.add(run);
        }
        assertEquals(runs.get(0), runs.get(1));
        assertNotEquals(runs.get(0), runs.get(2));
        // Same seed, same initial weights and batches: only the critic's view of the fakes differs.
        assertNotEquals(runs.get(0), runs.get(3));
    }

    @Test
    void gumbelTemperatureIsZeroOrPositiveAndFinite() {
        for (double bad : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SMALL.toBuilder().gumbelTemperature(bad).build());
            assertEquals("gumbelTemperature must be 0 (off) or positive, got " + bad, e.getMessage());
        }
        assertEquals(0.5, SMALL.toBuilder().gumbelTemperature(0.5).build().gumbelTemperature());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SMALL.toBuilder().criticLearningRate(0).build());
        assertTrue(e.getMessage().contains("criticLearningRate 0.0"), e.getMessage());
    }

    /** A critic at its own rate trains differently from one at the generator's, from the first step on. */
    @Test
    void theCriticLearnsAtItsOwnRate() {
        List<List<GanTrainer.Losses>> runs = new ArrayList<>();
        for (double rate : new double[] {SMALL.learningRate(), SMALL.learningRate() / 4}) {
            List<GanTrainer.Losses> run = new ArrayList<>();
            try (GanTrainer trainer = new GanTrainer(DungeonTrainingCorpus.of(DungeonCorpus.levels()),
                    SMALL.toBuilder().steps(2).criticLearningRate(rate).build())) {
                run.add(trainer.step());
                run.add(trainer.step());
            }
            runs.add(run);
        }
        // The first critic loss is measured before any update, so it is the same; the second is not.
        assertEquals(runs.get(0).get(0).critic(), runs.get(1).get(0).critic());
        assertNotEquals(runs.get(0).get(1).critic(), runs.get(1).get(1).critic());
    }

    /**
     * Outside the level's corner a sampled map holds the padding tile, as every real map does, whatever the generator
     * put there, and passes no gradient back; inside, each cell is one drawn tile and the gradient flows.
     */
    @Test
    void sampledMapsHaveThePaddingTileOutsideTheLevel() {
        GanWorld world = GanWorld.PLATFORMER;
        int tiles = world.channels();
        int size = 4;
        int width = 3;
        int height = 2;
        Random r = new Random(13);
        float[] logits = new float[tiles * size * size];
        float[] noise = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) r.nextGaussian();
            noise[i] = (float) -Math.log(-Math.log(r.nextDouble()));
        }
        Shape shape = new Shape(1, tiles, size, size);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(logits, shape);
            x.setRequiresGradient(true);
            float[] map;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray sampled = GanTrainer.sampledMap(x.softmax(1), m.create(noise, shape), 1, world, width,
                        height);
                map = sampled.toFloatArray();
                collector.backward(sampled.mul(m.create(noise, shape)).sum());
            }
            float[] gradient = x.getGradient().toFloatArray();
            int plane = size * size;
            for (int cell = 0; cell < plane; cell++) {
                boolean inside = cell / size < height && cell % size < width;
                int best = 0;
                for (int k = 1; k < tiles; k++) {
                    best = logits[k * plane + cell] + noise[k * plane + cell]
                            > logits[best * plane + cell] + noise[best * plane + cell] ? k : best;
                }
                int hot = inside ? best : world.paddingChannel();
                double gradientMass = 0;
                for (int k = 0; k < tiles; k++) {
                    assertEquals(k == hot ? 1f : 0f, map[k * plane + cell], "cell " + cell + " tile " + k);
                    gradientMass += Math.abs(gradient[k * plane + cell]);
                }
                assertEquals(inside, gradientMass > 0, "gradient of cell " + cell);
            }
        }
    }
}
