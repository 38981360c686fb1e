package dev.levelgym.demo.studio;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Undo and redo for the editor: each step keeps the grid before and after it (levels are small: a 200-column
 * platformer level is 2,800 characters), so undoing a fill, a repair or a variation that changed the level's size
 * is the same as undoing one painted cell. A new step clears the redo side. The oldest steps beyond
 * {@value #LIMIT} are forgotten.
 */
public final class EditHistory {

    static final int LIMIT = 500;

    /** One undoable change, named for the HUD ("paint", "fill", "repair", ...). */
    public record Step(String label, EditGrid before, EditGrid after) {
    }

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();

    public void push(Step step) {
        undo.push(step);
        redo.clear();
        while (undo.size() > LIMIT) {
            undo.removeLast();
        }
    }

    /** The step undone, its {@code before} the grid to show; empty when there is nothing to undo. */
    public Optional<Step> undo() {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        Step s = undo.pop();
        redo.push(s);
        return Optional.of(s);
    }

    /** The step redone, its {@code after} the grid to show; empty when there is nothing to redo. */
    public Optional<Step> redo() {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        Step s = redo.pop();
        undo.push(s);
        return Optional.of(s);
    }

    /** Steps that can be undone: the edits standing since the level was opened or made. */
    public int undoable() {
        return undo.size();
    }

    public int redoable() {
        return redo.size();
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
