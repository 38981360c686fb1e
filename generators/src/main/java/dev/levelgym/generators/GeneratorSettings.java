package dev.levelgym.generators;

import java.util.OptionalInt;

/**
 * How big a generator's levels are, for the kinds that take a size: {@code width} × {@code height} tiles for
 * Dungeon levels (empty: the generator's own size, GVGAI zelda's 13×9 for the constructive generators, a model's
 * training size for a GAN), and for platformer levels stitched from 28-column segments how many segments (8 by
 * default: 224 columns, about the length of a Super Mario Bros level). A kind ignores what does not apply to its
 * world, and refuses a size it cannot make, naming the field.
 */
public record GeneratorSettings(OptionalInt width, OptionalInt height, int segments) {

    public static final int DEFAULT_SEGMENTS = 8;
    /** Every generator's own size. */
    public static final GeneratorSettings DEFAULT = new GeneratorSettings(OptionalInt.empty(), OptionalInt.empty(),
            DEFAULT_SEGMENTS);

    /** Dungeon levels of {@code width × height}, platformer ones of the default segments. */
    public static GeneratorSettings ofSize(int width, int height) {
        return new GeneratorSettings(OptionalInt.of(width), OptionalInt.of(height), DEFAULT_SEGMENTS);
    }
}
