package dev.levelgym.generators;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.generators.gan.DungeonGan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The generators by name: {@code rooms}, {@code caves}, and {@code gan:MODEL_DIR} for a trained GAN (which holds
 * native memory: close it when done, it is {@link AutoCloseable}).
 */
public final class LevelGenerators {

    /** GVGAI zelda's level size. */
    public static final int DEFAULT_WIDTH = 13;
    public static final int DEFAULT_HEIGHT = 9;

    private static final Map<String, BiFunction<Integer, Integer, LevelGenerator>> FACTORIES = new TreeMap<>();

    static {
        FACTORIES.put(RoomsGenerator.NAME, RoomsGenerator::new);
        FACTORIES.put(CavesGenerator.NAME, CavesGenerator::new);
    }

    private LevelGenerators() {
    }

    /** Registered names, sorted. */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** The named generator at the default 13×9. */
    public static LevelGenerator create(String name) {
        return create(name, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * @throws IllegalArgumentException for an unknown name, a size the generator cannot fill, or (for
     *                                  {@code gan:MODEL_DIR}) a bad model directory or one trained on another size
     */
    public static LevelGenerator create(String name, int width, int height) {
        if (name.startsWith(DungeonGan.PREFIX)) {
            DungeonGan gan = DungeonGan.load(Path.of(name.substring(DungeonGan.PREFIX.length())));
            if (gan.width() != width || gan.height() != height) {
                gan.close();
                throw new UserInputException("the GAN model " + name.substring(DungeonGan.PREFIX.length())
                        + " makes " + gan.width() + "x" + gan.height() + " levels, not " + width + "x" + height);
            }
            return gan;
        }
        BiFunction<Integer, Integer, LevelGenerator> f = FACTORIES.get(name);
        if (f == null) {
            throw new UserInputException("unknown generator '" + name + "'; known: " + String.join(", ", names())
                    + ", " + DungeonGan.PREFIX + "MODEL_DIR");
        }
        return f.apply(width, height);
    }
}
