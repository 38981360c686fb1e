package dev.levelgym.demo.model;

/** How fast watched play runs, relative to the tick rate a human plays at. */
public enum Speed {
    X1("1x", 1),
    X4("4x", 4),
    /** As many ticks as fit in a frame's budget. */
    MAX("max", 0);

    private final String label;
    private final int factor;

    Speed(String label, int factor) {
        this.label = label;
        this.factor = factor;
    }

    public String label() {
        return label;
    }

    /** Ticks per human tick, 0 for {@link #MAX}. */
    int factor() {
        return factor;
    }
}
