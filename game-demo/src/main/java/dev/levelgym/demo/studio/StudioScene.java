package dev.levelgym.demo.studio;

import java.util.Optional;

/**
 * What the view draws of the studio this frame: the model, where things are, and the screen's own state (the
 * heatmap switch, the cell under the mouse, a rectangle being dragged).
 *
 * @param hoverX    the column under the mouse, -1 off the map
 * @param hoverY    the row under the mouse, -1 off the map
 * @param rectangle the corners x1, y1, x2, y2 of a rectangle being dragged or keyed (R), if any
 */
public record StudioScene(Studio studio, StudioLayout layout, boolean heatmap, int hoverX, int hoverY,
                          Optional<int[]> rectangle) {
}
