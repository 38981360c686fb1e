package dev.levelgym.agents.bench;

import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.platformer.Platformer;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The train/test split of procedurally generated levels, after Procgen: train on {@code num_levels} levels from
 * {@code start_level}, test on unlimited levels from a start far beyond them, so no test level was seen in
 * training. Applies to Dungeon-v0: training defaults to {@value #TRAIN_LEVELS} levels from 0 (Procgen's "easy"
 * count); held-out evaluation uses {@code start_level} {@value #HELD_OUT_START} and {@code num_levels=0}
 * (unlimited), and the game as defined (the env spec's evaluation options: no reward shaping). Both Platformer
 * versions get the held-out test too, without a default for their training levels.
 */
public final class ProceduralSplit {

    public static final int TRAIN_LEVELS = 200;
    public static final long HELD_OUT_START = 1_000_000L;

    private ProceduralSplit() {
    }

    public static boolean appliesTo(String envId) {
        return Dungeon.ID.equals(envId) || Platformer.ID.equals(envId) || Platformer.ID_V0.equals(envId);
    }

    /** The training env's options: the split's defaults under the user's. */
    public static Map<String, String> trainOptions(String envId, Map<String, String> user) {
        Map<String, String> options = new TreeMap<>();
        if (Dungeon.ID.equals(envId) && !user.containsKey("level")) {
            options.put(Dungeon.OPT_NUM_LEVELS, String.valueOf(TRAIN_LEVELS));
            options.put(Dungeon.OPT_START_LEVEL, "0");
        }
        options.putAll(user);
        return options;
    }

    /** The held-out env's options, or empty if the env has no procedural levels (or a level file is used). */
    public static Optional<Map<String, String>> heldOutOptions(String envId, Map<String, String> trainOptions) {
        if (!appliesTo(envId) || trainOptions.containsKey("level")) {
            return Optional.empty();
        }
        Map<String, String> options = new TreeMap<>(trainOptions);
        options.put(Dungeon.OPT_NUM_LEVELS, "0");
        options.put(Dungeon.OPT_START_LEVEL, String.valueOf(HELD_OUT_START));
        return Optional.of(options);
    }
}
