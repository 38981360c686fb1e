package dev.levelgym.envs.render;

/** How {@link dev.levelgym.envs.Env#render} draws: text for a terminal, or an RGB frame. */
public enum RenderMode {
    /** Text, possibly with ANSI colour escapes, one line per row. */
    ANSI,
    /** An RGB frame ({@link Rendering.RgbFrame}). */
    RGB
}
