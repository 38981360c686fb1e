package dev.levelgym.agents.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.spaces.Space;

/**
 * Maps an observation to a row of a Q-table. Closed, because checkpoints must be able to write and read back
 * every kind: a Discrete space's members directly ({@link DiscreteStates}) or a Box by binning
 * ({@link Discretizer}).
 */
public sealed interface StateEncoder<O> permits DiscreteStates, Discretizer {

    /** Rows in the table: every observation encodes to a value in {@code [0, numStates())}. */
    int numStates();

    /** @throws IllegalArgumentException if the observation is not one this encoder handles */
    int encode(O observation);

    /**
     * Encodes the observation at {@code offset} of a vector env's flat float batch (a Box's elements, or a
     * Discrete value as one float).
     */
    int encode(float[] flat, int offset);

    /** The observation class, to check a checkpoint's encoder against what a loader asks for. */
    Class<O> observationType();

    /** @throws IllegalArgumentException if observations of {@code space} cannot be encoded by this encoder */
    void requireCompatible(Space<?> space);

    static JsonNode toJson(StateEncoder<?> encoder) {
        ObjectNode node = Checkpoints.JSON.createObjectNode();
        if (encoder instanceof DiscreteStates d) {
            node.put("type", "discrete").put("n", d.n()).put("start", d.start());
        } else if (encoder instanceof Discretizer d) {
            node.put("type", "discretizer");
            node.set("low", Checkpoints.JSON.valueToTree(d.low()));
            node.set("high", Checkpoints.JSON.valueToTree(d.high()));
            node.set("bins", Checkpoints.JSON.valueToTree(d.bins()));
        } else {
            throw new AssertionError(encoder);
        }
        return node;
    }

    /** @throws IllegalArgumentException if {@code node} is not what {@link #toJson} writes */
    static StateEncoder<?> fromJson(JsonNode node) {
        String type = node.path("type").asText("");
        try {
            return switch (type) {
                case "discrete" -> new DiscreteStates(node.get("n").intValue(), node.get("start").intValue());
                case "discretizer" -> new Discretizer(
                        Checkpoints.JSON.treeToValue(node.get("low"), double[].class),
                        Checkpoints.JSON.treeToValue(node.get("high"), double[].class),
                        Checkpoints.JSON.treeToValue(node.get("bins"), int[].class));
                default -> throw new UserInputException("unknown state encoder type '" + type + "'");
            };
        } catch (NullPointerException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserInputException("malformed " + type + " state encoder: " + node, e);
        }
    }
}
