package dev.levelgym.envs.frozenlake;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Options;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Gymnasium's {@code FrozenLake-v1}: walk from S to G across a frozen lake without falling into a hole H.
 * Actions are 0 LEFT, 1 DOWN, 2 RIGHT, 3 UP; the observation is the state {@code row * ncol + col}. Reaching G
 * gives reward 1 and ends the episode, falling into H ends it with reward 0.
 *
 * <p>On slippery ice the agent moves in the intended direction with probability {@code success_rate} (default 1/3)
 * and in each perpendicular direction with probability {@code (1 - success_rate) / 2}. The outcome is drawn as
 * Gymnasium draws it: one {@code random()} from the env's numpy-compatible generator per step (also when the move is
 * certain) and one per reset, taking the first outcome whose cumulative probability exceeds it. So for the same
 * seed and actions the trajectory equals Gymnasium's.
 */
public final class FrozenLake implements Env<Integer, Integer> {

    public static final int LEFT = 0;
    public static final int DOWN = 1;
    public static final int RIGHT = 2;
    public static final int UP = 3;

    public static final String OPT_MAP_NAME = "map_name";
    public static final String OPT_IS_SLIPPERY = "is_slippery";
    public static final String OPT_DESC = "desc";
    public static final String OPT_SUCCESS_RATE = "success_rate";

    /** Gymnasium's default: the intended direction and each perpendicular one are equally likely. */
    public static final double DEFAULT_SUCCESS_RATE = 1.0 / 3.0;

    /** {@code FrozenLake-v1}: the 4x4 map, 100 steps, solved at 0.70. */
    public static final EnvSpec<Integer, Integer> SPEC = new EnvSpec<>("FrozenLake-v1",
            options -> fromOptions("FrozenLake-v1", options), OptionalInt.of(100), OptionalDouble.of(0.70),
            new Options(Map.of(OPT_MAP_NAME, "4x4")));

    /** {@code FrozenLake8x8-v1}: the 8x8 map, 200 steps, solved at 0.85. */
    public static final EnvSpec<Integer, Integer> SPEC_8X8 = new EnvSpec<>("FrozenLake8x8-v1",
            options -> fromOptions("FrozenLake8x8-v1", options), OptionalInt.of(200), OptionalDouble.of(0.85),
            new Options(Map.of(OPT_MAP_NAME, "8x8")));

    private static final Discrete ACTION_SPACE = new Discrete(4);
    private static final String[] ACTION_NAMES = {"Left", "Down", "Right", "Up"};

    private final LakeMap map;
    private final boolean slippery;
    private final double successRate;
    private final Discrete observationSpace;
    /** Gymnasium's {@code P}: outcomes per state and action, in Gymnasium's order (which the sampling relies on). */
    private final List<List<List<Transition>>> table;
    private final double[] initialDistribution;

    private Pcg64 random;
    private int state = -1;
    private int lastAction = -1;

    /** The 4x4 map on slippery ice, as {@code gymnasium.make("FrozenLake-v1")}. */
    public FrozenLake() {
        this(LakeMap.MAP_4X4, true, DEFAULT_SUCCESS_RATE);
    }

    public FrozenLake(LakeMap map, boolean slippery, double successRate) {
        if (!(successRate >= 0.0 && successRate <= 1.0)) {
            throw new UserInputException("option success_rate must be in [0, 1], got " + successRate);
        }
        this.map = java.util.Objects.requireNonNull(map, "map");
        this.slippery = slippery;
        this.successRate = successRate;
        this.observationSpace = new Discrete(map.numStates());
        this.table = buildTable(map, slippery, successRate);
        this.initialDistribution = new double[map.numStates()];
        initialDistribution[map.start()] = 1.0;
    }

    /**
     * Builds a FrozenLake from {@code map_name}, {@code is_slippery}, {@code desc} (comma-separated rows, or a list
     * of rows; takes precedence over {@code map_name}, as in Gymnasium) and {@code success_rate}.
     */
    public static FrozenLake fromOptions(String envId, Options options) {
        options.requireOnly(envId, Set.of(OPT_MAP_NAME, OPT_IS_SLIPPERY, OPT_DESC, OPT_SUCCESS_RATE));
        LakeMap map;
        Object desc = options.values().get(OPT_DESC);
        if (desc instanceof LakeMap lakeMap) {
            map = lakeMap;
        } else if (desc instanceof Collection<?> rows) {
            map = new LakeMap(rows.stream().map(String::valueOf).toList());
        } else if (desc instanceof String[] rows) {
            map = new LakeMap(List.of(rows));
        } else if (desc != null) {
            map = LakeMap.parse(desc.toString());
        } else {
            map = LakeMap.standard(options.getString(OPT_MAP_NAME, "4x4"));
        }
        return new FrozenLake(map, options.getBoolean(OPT_IS_SLIPPERY, true),
                options.getDouble(OPT_SUCCESS_RATE, DEFAULT_SUCCESS_RATE));
    }

    private static List<List<List<Transition>>> buildTable(LakeMap map, boolean slippery, double successRate) {
        double failRate = (1.0 - successRate) / 2.0;
        List<List<List<Transition>>> table = new ArrayList<>(map.numStates());
        for (int s = 0; s < map.numStates(); s++) {
            List<List<Transition>> byAction = new ArrayList<>(4);
            char tile = map.tile(s);
            for (int a = 0; a < 4; a++) {
                List<Transition> outcomes = new ArrayList<>(3);
                if (tile == 'G' || tile == 'H') {
                    // Absorbing: Gymnasium keeps the agent in place with reward 0.
                    outcomes.add(new Transition(1.0, s, 0.0, true));
                } else if (slippery) {
                    // Order matters for sampling: (a - 1) mod 4, a, (a + 1) mod 4, as Gymnasium lists them.
                    for (int b : new int[] {(a + 3) % 4, a, (a + 1) % 4}) {
                        outcomes.add(move(map, s, b, b == a ? successRate : failRate));
                    }
                } else {
                    outcomes.add(move(map, s, a, 1.0));
                }
                byAction.add(List.copyOf(outcomes));
            }
            table.add(List.copyOf(byAction));
        }
        return List.copyOf(table);
    }

    private static Transition move(LakeMap map, int state, int direction, double probability) {
        int row = state / map.ncol();
        int col = state % map.ncol();
        switch (direction) {
            case LEFT -> col = Math.max(col - 1, 0);
            case DOWN -> row = Math.min(row + 1, map.nrow() - 1);
            case RIGHT -> col = Math.min(col + 1, map.ncol() - 1);
            case UP -> row = Math.max(row - 1, 0);
            default -> throw new AssertionError(direction);
        }
        char tile = map.tile(row, col);
        return new Transition(probability, row * map.ncol() + col, tile == 'G' ? 1.0 : 0.0, tile == 'G' || tile == 'H');
    }

    /**
     * Gymnasium's {@code categorical_sample}: the first index whose running sum exceeds one {@code random()} draw,
     * or 0 if none does (numpy's argmax of an all-false array), which can happen when the probabilities sum to
     * slightly less than 1 in floating point.
     */
    static int categoricalSample(double[] probabilities, Pcg64 random) {
        double u = random.nextDouble();
        double cumulative = 0.0;
        for (int i = 0; i < probabilities.length; i++) {
            cumulative += probabilities[i];
            if (cumulative > u) {
                return i;
            }
        }
        return 0;
    }

    /** Gymnasium's {@code P[state][action]}: every outcome of {@code action} in {@code state}, for planning. */
    public List<Transition> transitions(int state, int action) {
        observationSpace.requireContains(state, "state");
        ACTION_SPACE.requireContains(action, "action");
        return table.get(state).get(action);
    }

    public LakeMap map() {
        return map;
    }

    public boolean slippery() {
        return slippery;
    }

    public double successRate() {
        return successRate;
    }

    /** The agent's current state, or -1 before the first reset. */
    public int state() {
        return state;
    }

    @Override
    public ResetResult<Integer> reset(long seed) {
        random = Pcg64.seeded(seed);
        return startEpisode();
    }

    @Override
    public ResetResult<Integer> reset() {
        if (random == null) {
            random = Pcg64.fromEntropy();
        }
        return startEpisode();
    }

    private ResetResult<Integer> startEpisode() {
        // Drawn rather than set, because Gymnasium draws here and later steps must see the same generator state.
        state = categoricalSample(initialDistribution, random);
        lastAction = -1;
        return new ResetResult<>(state, Map.of("prob", 1.0));
    }

    @Override
    public StepResult<Integer> step(Integer action) {
        ACTION_SPACE.requireContains(action, "action");
        if (state < 0) {
            throw new IllegalStateException("FrozenLake.step() called before reset(): there is no state yet");
        }
        List<Transition> outcomes = table.get(state).get(action);
        double[] probabilities = new double[outcomes.size()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = outcomes.get(i).probability();
        }
        Transition outcome = outcomes.get(categoricalSample(probabilities, random));
        state = outcome.nextState();
        lastAction = action;
        return new StepResult<>(state, outcome.reward(), outcome.terminated(), false,
                Map.of("prob", outcome.probability()));
    }

    @Override
    public Space<Integer> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<Integer> actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    public Rendering render(RenderMode mode) {
        if (state < 0) {
            throw new IllegalStateException("FrozenLake.render() called before reset(): there is no state to draw");
        }
        return switch (mode) {
            case ANSI -> new Rendering.Text(FrozenLakeRenderer.text(map, state,
                    lastAction < 0 ? null : ACTION_NAMES[lastAction]));
            case RGB -> FrozenLakeRenderer.frame(map, state);
        };
    }

    @Override
    public String toString() {
        return "FrozenLake(" + map + (slippery ? ", slippery " + successRate : ", not slippery") + ")";
    }
}
