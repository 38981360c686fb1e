package org.example.corridor;

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
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Corridor-v0, an example env from outside levelgym: a corridor of {@code length} cells (option, default 8); the
 * agent starts on a cell drawn from the reset seed and walks left (0) or right (1); reaching the right end pays 1 and
 * ends the episode. The observation is the agent's cell.
 */
public final class Corridor implements Env<Integer, Integer> {

    public static final String ID = "Corridor-v0";
    public static final String OPT_LENGTH = "length";

    /** The registry entry: id, factory, step limit, solved threshold, default options (Gymnasium's EnvSpec). */
    public static final EnvSpec<Integer, Integer> SPEC = new EnvSpec<>(ID, Corridor::new, OptionalInt.of(50),
            OptionalDouble.of(1.0), Options.empty());

    private final int length;
    private final Discrete observationSpace;
    private final Discrete actionSpace = new Discrete(2);
    private Pcg64 random;
    private int position = -1;

    /** Builds the env from its options; an unknown option or a bad length is the user's to fix. */
    public Corridor(Options options) {
        options.requireOnly(ID, Set.of(OPT_LENGTH));
        this.length = options.getInt(OPT_LENGTH, 8);
        if (length < 2) {
            throw new UserInputException(ID + ": option length must be at least 2, got " + length);
        }
        this.observationSpace = new Discrete(length);
    }

    @Override
    public Space<Integer> observationSpace() {
        return observationSpace;
    }

    @Override
    public ResetResult<Integer> reset(long seed) {
        random = Pcg64.seeded(seed);
        return start();
    }

    @Override
    public ResetResult<Integer> reset() {
        if (random == null) {
            random = Pcg64.fromEntropy();
        }
        return start();
    }

    private ResetResult<Integer> start() {
        position = random.nextInt(length - 1);
        return new ResetResult<>(position, Map.of());
    }

    @Override
    public Space<Integer> actionSpace() {
        return actionSpace;
    }

    @Override
    public StepResult<Integer> step(Integer action) {
        int a = actionSpace.requireContains(action, "action");
        if (position < 0) {
            throw new IllegalStateException("step() before reset()");
        }
        position = Math.max(0, position + (a == 1 ? 1 : -1));
        boolean atEnd = position == length - 1;
        return new StepResult<>(position, atEnd ? 1.0 : 0.0, atEnd, false, Map.of());
    }

    @Override
    public Rendering render(RenderMode mode) {
        if (position < 0) {
            throw new IllegalStateException("render() before reset()");
        }
        return switch (mode) {
            case ANSI -> {
                char[] cells = new char[length];
                Arrays.fill(cells, '.');
                cells[length - 1] = 'G';
                cells[position] = 'A';
                yield new Rendering.Text(new String(cells));
            }
            case RGB -> {
                int[] rgb = new int[length];
                rgb[length - 1] = 0x2e9e4a;
                rgb[position] = 0x2f6fdf;
                yield new Rendering.RgbFrame(length, 1, rgb);
            }
        };
    }
}
