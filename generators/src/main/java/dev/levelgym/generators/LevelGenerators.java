package dev.levelgym.generators;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** The generators by name: {@code rooms} and {@code caves}. */
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

    /** @throws IllegalArgumentException for an unknown name or a size the generator cannot fill */
    public static LevelGenerator create(String name, int width, int height) {
        BiFunction<Integer, Integer, LevelGenerator> f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown generator '" + name + "'; known: " + String.join(", ", names()));
        }
        return f.apply(width, height);
    }
}
