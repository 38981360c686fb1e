package dev.levelgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.checkpoint.Checkpoints;
import java.util.List;
import org.junit.jupiter.api.Test;

class DqnConfigTest {

    @Test
    void defaultsAreTheZooCartPoleSet() {
        DqnConfig c = DqnConfig.defaults();
        assertEquals(2.3e-3, c.learningRate());
        assertEquals(64, c.batchSize());
        assertEquals(100_000, c.bufferSize());
        assertEquals(1000, c.learningStarts());
        assertEquals(0.99, c.gamma());
        assertEquals(10, c.targetUpdateInterval());
        assertEquals(256, c.trainFreq());
        assertEquals(128, c.gradientSteps());
        assertEquals(0.16, c.explorationFraction());
        assertEquals(1.0, c.explorationInitialEps());
        assertEquals(0.04, c.explorationFinalEps());
        assertEquals(List.of(256, 256), c.hiddenSizes());
        assertEquals(1.0, c.tau());
        assertEquals(LossFunction.HUBER, c.loss());
        assertEquals(10.0, c.maxGradNorm());
    }

    @Test
    void jsonRoundTrip() throws Exception {
        DqnConfig config = DqnConfig.defaults().withDoubleDqn(true).withLoss(LossFunction.MSE)
                .withNetwork(NetworkType.CONV, List.of(8), List.of(32));
        String json = Checkpoints.JSON.writeValueAsString(config);
        assertEquals(config, Checkpoints.JSON.readValue(json, DqnConfig.class));
    }

    @Test
    void epsilonFallsLinearlyThenStays() {
        DqnConfig c = DqnConfig.defaults();
        assertEquals(1.0, c.epsilon(0, 50_000));
        assertEquals(0.52, c.epsilon(4000, 50_000), 1e-12);
        assertEquals(0.04, c.epsilon(8000, 50_000));
        assertEquals(0.04, c.epsilon(49_999, 50_000));
    }

    @Test
    void validationNamesTheField() {
        DqnConfig d = DqnConfig.defaults();
        List<Runnable> bad = List.of(
                () -> new DqnConfig(0.0, 64, 1, 0, 0.99, 1, 1, 1, 1, 0, 1, 0, List.of(), NetworkType.MLP, List.of(),
                        false, LossFunction.HUBER, 10, 1, 20, 10, List.of()),
                () -> d.withBufferSize(0),
                () -> d.withTraining(-1, 1, 1),
                () -> d.withTraining(0, 0, 1),
                () -> d.withTraining(0, 1, 0),
                () -> d.withTargetUpdate(0, 1.0),
                () -> d.withTargetUpdate(1, 0.0),
                () -> d.withNetwork(NetworkType.MLP, List.of(), List.of(0)),
                () -> d.withNetwork(NetworkType.CONV, List.of(), List.of(4)),
                () -> d.withNetwork(NetworkType.IMPALA, List.of(), List.of(4)),
                () -> d.withLoss(null),
                () -> d.withNSteps(0),
                () -> d.withPlanning(0, 10, List.of(4)).withNetwork(NetworkType.VALUE_ITERATION, List.of(), List.of()),
                () -> d.withPlanning(20, 0, List.of(4)).withNetwork(NetworkType.VALUE_ITERATION, List.of(), List.of()),
                () -> d.withNetwork(NetworkType.VALUE_ITERATION, List.of(), List.of()),
                () -> d.withPlanning(0, 10, List.of(4)).withNetwork(NetworkType.VALUE_PROPAGATION, List.of(), List.of()),
                () -> d.withNetwork(NetworkType.VALUE_PROPAGATION, List.of(), List.of()),
                () -> d.withPlanning(20, 10, List.of(-1)));
        List<String> fields = List.of("learningRate", "bufferSize", "learningStarts", "trainFreq", "gradientSteps",
                "targetUpdateInterval", "tau", "hiddenSizes[0]", "convChannels", "convChannels", "loss", "nSteps",
                "planIterations", "planChannels", "agentPlanes", "planIterations", "agentPlanes", "agentPlanes[0]");
        for (int i = 0; i < bad.size(); i++) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad.get(i)::run, fields.get(i));
            assertTrue(e.getMessage().startsWith(fields.get(i)), e.getMessage());
        }
        IllegalArgumentException gamma = assertThrows(IllegalArgumentException.class, () -> new DqnConfig(1e-3, 64,
                1, 0, Double.NaN, 1, 1, 1, 1, 0, 1, 0, List.of(), NetworkType.MLP, List.of(), false,
                LossFunction.HUBER, 10, 1, 20, 10, List.of()));
        assertTrue(gamma.getMessage().startsWith("gamma"), gamma.getMessage());
    }
}
