package dev.levelgym.demo.model;

import java.util.List;

/** The title menu: entries and which one is highlighted. */
public final class Menu {

    /** @param key the digit that picks it directly */
    public record Entry(String title, String description, int key) {
    }

    private final List<Entry> entries;
    private int selected;

    public Menu(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a menu needs entries");
        }
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public int selected() {
        return selected;
    }

    /** Moves the highlight by {@code delta}, wrapping round. */
    public void move(int delta) {
        selected = Math.floorMod(selected + delta, entries.size());
    }
}
