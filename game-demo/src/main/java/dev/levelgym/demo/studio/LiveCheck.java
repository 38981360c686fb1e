package dev.levelgym.demo.studio;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the studio knows about the level after an edit: whether it is well formed (and if not, the parser's own
 * words and the cell it names), the solver's verdict with its run drawn over the map, and the measures
 * {@code levelgym level evaluate} reports, with the designer's targets beside them.
 *
 * @param error    the first format error, as the world's parser reports it; empty for a well-formed level
 * @param verdict  the solver's verdict; empty when the level is not well formed
 * @param path     the cells of the solver's run (the winning run, or the run to the furthest point), in order
 * @param measures the level's measures, in display order
 * @param pending  true while a slower verdict is still being computed (the platformer's enemy-aware one)
 */
public record LiveCheck(Optional<FormatError> error, Optional<Verdict> verdict, List<PathStep> path,
                        List<Measure> measures, boolean pending) {

    public LiveCheck {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(verdict, "verdict");
        path = List.copyOf(path);
        measures = List.copyOf(measures);
    }

    /** A level that is not well formed: nothing else can be said about it. */
    public static LiveCheck malformed(FormatError error) {
        return new LiveCheck(Optional.of(error), Optional.empty(), List.of(), List.of(), false);
    }

    /** True if the level is well formed and the solver wins it. */
    public boolean playable() {
        return verdict.map(Verdict::playable).orElse(false);
    }

    /**
     * A format error where the parser put it. Errors about the whole level (no avatar, no start) are reported by
     * the parsers at line 1, column 1; they name no cell, so {@link #cell()} is false for them.
     *
     * @param x       0-based column, -1 for the whole level
     * @param y       0-based row, -1 for the whole level
     * @param message the parser's reason, without the file location
     */
    public record FormatError(int x, int y, String message) {

        /** From a parser's 1-based line and column. */
        static FormatError at(int line, int column, String message) {
            return line == 1 && column == 1 ? new FormatError(-1, -1, message)
                    : new FormatError(column - 1, line - 1, message);
        }

        public boolean cell() {
            return x >= 0;
        }
    }

    /**
     * The solver's verdict.
     *
     * @param playable       the solver wins the level
     * @param solutionLength moves (Dungeon) or ticks (platformer) of its shortest winning run; -1 if none
     * @param completion     how far its run gets, 0..1 (platformer); NaN for worlds without the measure
     * @param jumps          jumps in the run (platformer); 0 otherwise
     * @param solver         which solver said so, as the HUD names it
     */
    public record Verdict(boolean playable, int solutionLength, double completion, int jumps, String solver) {
    }

    /**
     * One position of the solver's run; {@code jump} marks where a jump takes off.
     *
     * @param x the column, with a fraction where the player stands between two (Platformer-v1 moves in thirds)
     */
    public record PathStep(double x, int y, boolean jump) {
    }

    /**
     * One measure as the HUD shows it.
     *
     * @param name   its name, as {@code level evaluate} or {@code --target} spell it
     * @param value  the formatted value
     * @param target the designer's range when one is set for it, e.g. {@code 20..30}; empty otherwise
     * @param met    whether the value is in that range (false without a target)
     */
    public record Measure(String name, String value, Optional<String> target, boolean met) {
    }
}
