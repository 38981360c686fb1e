package dev.levelgym.demo.studio;

import dev.levelgym.generators.search.Targets.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The designer's targets as controls: one row per measure {@code generate --target} takes in this world, each
 * switched on or off with a range the keys (or the panel's buttons) nudge by the row's step. The live check marks
 * each measure in or out of its range, and variations that meet the targets are shown first.
 */
public final class TargetControls {

    /**
     * One target.
     *
     * @param key     the measure's {@code --target} name
     * @param on      whether it counts
     * @param min     the range's low end
     * @param max     the range's high end
     * @param step    how far one nudge moves an end
     * @param floor   the lowest an end can go
     * @param ceiling the highest an end can go
     */
    public record Row(String key, boolean on, double min, double max, double step, double floor, double ceiling) {

        Row withRange(double newMin, double newMax) {
            return new Row(key, on, newMin, newMax, step, floor, ceiling);
        }

        /** e.g. {@code 20..30}, or {@code 1} for a one-value range. */
        public String range() {
            return min == max ? format(min) : format(min) + ".." + format(max);
        }
    }

    private final List<Row> rows;
    private int selected;

    /** @param rows the world's measures, all off, at their default ranges */
    public TargetControls(List<Row> rows) {
        this.rows = new ArrayList<>(rows);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The row the keys act on. */
    public int selected() {
        return selected;
    }

    public void select(int index) {
        selected = Math.floorMod(index, rows.size());
    }

    /** Moves the selection by {@code delta} rows, wrapping round. */
    public void move(int delta) {
        select(selected + delta);
    }

    /** Switches the selected target on or off. */
    public void toggle() {
        Row r = rows.get(selected);
        rows.set(selected, new Row(r.key(), !r.on(), r.min(), r.max(), r.step(), r.floor(), r.ceiling()));
    }

    /**
     * Nudges one end of the selected row's range by {@code steps} steps (and switches it on): the other end follows
     * when they would cross.
     */
    public void nudge(boolean upperEnd, int steps) {
        Row r = rows.get(selected);
        double by = steps * r.step();
        double min = r.min();
        double max = r.max();
        if (upperEnd) {
            max = clamp(round(max + by, r.step()), r.floor(), r.ceiling());
            min = Math.min(min, max);
        } else {
            min = clamp(round(min + by, r.step()), r.floor(), r.ceiling());
            max = Math.max(max, min);
        }
        rows.set(selected, new Row(r.key(), true, min, max, r.step(), r.floor(), r.ceiling()));
    }

    /** Switches on the targets of a parsed {@code --target} spec, at its ranges. */
    public void set(Map<String, Range> ranges) {
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Range range = ranges.get(r.key());
            if (range != null) {
                rows.set(i, new Row(r.key(), true, range.min(), range.max(), r.step(), r.floor(), r.ceiling()));
            }
        }
    }

    /** The ranges switched on, by measure name. */
    public Map<String, Range> active() {
        Map<String, Range> out = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.on()) {
                out.put(r.key(), new Range(r.min(), r.max()));
            }
        }
        return out;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Keeps fractional steps (0.05) from drifting into 0.15000000000000002. */
    private static double round(double v, double step) {
        return Math.round(v / step) * step;
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
