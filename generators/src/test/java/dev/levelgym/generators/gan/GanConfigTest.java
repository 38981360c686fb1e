package dev.levelgym.generators.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.levelgym.envs.InvalidFieldException;
import org.junit.jupiter.api.Test;

/** The config is checked once, in the record, and built field by field from a world's recipe. */
class GanConfigTest {

    @Test
    void aWorldsBuilderStartsFromItsRecipe() {
        assertEquals(GanConfig.defaults(), GanConfig.builder(GanWorld.DUNGEON).build());
        assertEquals(GanConfig.platformerDefaults(), GanConfig.builder(GanWorld.PLATFORMER).build());
        GanConfig changed = GanConfig.builder(GanWorld.DUNGEON).steps(7).seed(3).emaDecay(0).build();
        assertEquals(7, changed.steps());
        assertEquals(3, changed.seed());
        assertEquals(0, changed.emaDecay());
        assertEquals(GanConfig.defaults().latentSize(), changed.latentSize());
        assertEquals(changed, changed.toBuilder().build());
    }

    @Test
    void theLossBringsItsCriticSteps() {
        assertEquals(GanConfig.WASSERSTEIN_CRITIC_STEPS,
                GanConfig.builder(GanWorld.DUNGEON).loss(GanLoss.WASSERSTEIN_CLIP).build().criticSteps());
        assertEquals(1, GanConfig.builder(GanWorld.DUNGEON).loss(GanLoss.WASSERSTEIN_CLIP).loss(GanLoss.HINGE)
                .build().criticSteps());
    }

    @Test
    void anInvalidFieldIsNamedSoAFrontEndCanNameItsFlag() {
        InvalidFieldException ema = assertThrows(InvalidFieldException.class,
                () -> GanConfig.builder(GanWorld.DUNGEON).emaDecay(1).build());
        assertEquals("emaDecay", ema.field());
        assertEquals("emaDecay must be in [0, 1), got 1.0", ema.getMessage());
        assertEquals("--ema-decay must be in [0, 1), got 1.0", ema.as("--ema-decay").getMessage());
        InvalidFieldException rate = assertThrows(InvalidFieldException.class,
                () -> GanConfig.builder(GanWorld.DUNGEON).criticLearningRate(Double.POSITIVE_INFINITY).build());
        assertEquals("criticLearningRate", rate.field());
        assertEquals("--critic-learning-rate must be a positive number, got Infinity",
                rate.as("--critic-learning-rate").getMessage());
        InvalidFieldException bootstrap = assertThrows(InvalidFieldException.class,
                () -> GanConfig.builder(GanWorld.PLATFORMER).bootstrapEvery(5).build());
        assertEquals("bootstrapEvery is for dungeon GANs; platformer GANs train without bootstrapping",
                bootstrap.getMessage());
        assertEquals(50, GanConfig.platformerDefaults().toBuilder().bootstrapEvery(50).build().bootstrapEvery(),
                "a config without a world is not checked against one (the trainer checks it against its data)");
    }
}
