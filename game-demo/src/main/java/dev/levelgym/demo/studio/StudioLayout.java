package dev.levelgym.demo.studio;

/**
 * Where things are in the studio's window, in window pixels with y growing down (as LibGDX input reports them):
 * the palette on the left, the map in the middle (scrolled when the level is larger than its area), the check,
 * targets and play-test panel on the right, the variations strip under the map, two status lines on top. The
 * screen maps clicks with it and the view draws with it, so they cannot disagree. No GL.
 */
public final class StudioLayout {

    public static final int TOP = 64;
    public static final int PALETTE_WIDTH = 92;
    public static final int SWATCH = 34;
    public static final int SWATCH_GAP = 6;
    public static final int PANEL_WIDTH = 420;
    public static final int STRIP_HEIGHT = 150;
    public static final int MARGIN = 12;
    public static final int MIN_TILE = 20;
    public static final int MAX_TILE = 64;
    /** Text lines in the panel. */
    public static final int LINE = 20;
    /** The panel line where the targets' rows begin (after the check's lines). */
    public static final int TARGET_LINE = 16;

    private int windowWidth;
    private int windowHeight;
    private int columns;
    private int rows;
    private int tile;
    private int scrollX;
    private int scrollY;

    /** Fits the map of a {@code columns × rows} level into a {@code width × height} window. */
    public void fit(int width, int height, int levelColumns, int levelRows) {
        windowWidth = width;
        windowHeight = height;
        columns = levelColumns;
        rows = levelRows;
        // A side that cannot fit at the smallest tile scrolls anyway, so only the other side sets the size.
        int fitWidth = areaWidth() / columns >= MIN_TILE ? areaWidth() / columns : Integer.MAX_VALUE;
        int fitHeight = areaHeight() / rows >= MIN_TILE ? areaHeight() / rows : Integer.MAX_VALUE;
        int fit = Math.min(fitWidth, fitHeight);
        tile = Math.max(MIN_TILE, Math.min(MAX_TILE, fit));
        scrollX = clamp(scrollX, 0, Math.max(0, columns - visibleColumns()));
        scrollY = clamp(scrollY, 0, Math.max(0, rows - visibleRows()));
    }

    public int windowWidth() {
        return windowWidth;
    }

    public int windowHeight() {
        return windowHeight;
    }

    private int areaLeft() {
        return PALETTE_WIDTH + MARGIN;
    }

    private int areaTop() {
        return TOP + MARGIN;
    }

    private int areaWidth() {
        return Math.max(MIN_TILE, windowWidth - PALETTE_WIDTH - PANEL_WIDTH - 2 * MARGIN);
    }

    private int areaHeight() {
        return Math.max(MIN_TILE, windowHeight - TOP - STRIP_HEIGHT - 2 * MARGIN);
    }

    /** Pixels per tile. */
    public int tile() {
        return tile;
    }

    public int visibleColumns() {
        return Math.min(columns, areaWidth() / tile);
    }

    public int visibleRows() {
        return Math.min(rows, areaHeight() / tile);
    }

    /** The first visible column. */
    public int scrollX() {
        return scrollX;
    }

    /** The first visible row. */
    public int scrollY() {
        return scrollY;
    }

    /** The map's left edge: centred in its area. */
    public int mapLeft() {
        return areaLeft() + (areaWidth() - visibleColumns() * tile) / 2;
    }

    /** The map's top edge. */
    public int mapTop() {
        return areaTop() + (areaHeight() - visibleRows() * tile) / 2;
    }

    /** Scrolls by whole tiles, within the level. */
    public void scroll(int dx, int dy) {
        scrollX = clamp(scrollX + dx, 0, Math.max(0, columns - visibleColumns()));
        scrollY = clamp(scrollY + dy, 0, Math.max(0, rows - visibleRows()));
    }

    /** Scrolls as little as needed for cell (x, y) to be on screen, with a margin of a few tiles where there is room. */
    public void reveal(int x, int y) {
        int marginX = Math.min(3, (visibleColumns() - 1) / 2);
        int marginY = Math.min(2, (visibleRows() - 1) / 2);
        if (x < scrollX + marginX) {
            scroll(x - marginX - scrollX, 0);
        } else if (x >= scrollX + visibleColumns() - marginX) {
            scroll(x + marginX + 1 - scrollX - visibleColumns(), 0);
        }
        if (y < scrollY + marginY) {
            scroll(0, y - marginY - scrollY);
        } else if (y >= scrollY + visibleRows() - marginY) {
            scroll(0, y + marginY + 1 - scrollY - visibleRows());
        }
    }

    public boolean cellVisible(int x, int y) {
        return x >= scrollX && y >= scrollY && x < scrollX + visibleColumns() && y < scrollY + visibleRows();
    }

    /** The left pixel of column {@code x} (which may be off screen). */
    public int cellLeft(int x) {
        return mapLeft() + (x - scrollX) * tile;
    }

    /** The top pixel of row {@code y}. */
    public int cellTop(int y) {
        return mapTop() + (y - scrollY) * tile;
    }

    /** The column under window pixel {@code px}, or -1 off the map. */
    public int columnAt(int px, int py) {
        return onMap(px, py) ? scrollX + (px - mapLeft()) / tile : -1;
    }

    /** The row under window pixel {@code py}, or -1 off the map. */
    public int rowAt(int px, int py) {
        return onMap(px, py) ? scrollY + (py - mapTop()) / tile : -1;
    }

    public boolean onMap(int px, int py) {
        return px >= mapLeft() && py >= mapTop() && px < mapLeft() + visibleColumns() * tile
                && py < mapTop() + visibleRows() * tile;
    }

    /** The centre pixel of cell (x, y), scrolling to it first: where a scripted click at the cell lands. */
    public int[] centreOf(int x, int y) {
        reveal(x, y);
        return new int[] {cellLeft(x) + tile / 2, cellTop(y) + tile / 2};
    }

    // ---- palette ----

    public int swatchLeft() {
        return (PALETTE_WIDTH - SWATCH) / 2 + 8;
    }

    public int swatchTop(int index) {
        return TOP + MARGIN + index * (SWATCH + SWATCH_GAP);
    }

    /** The palette index under the pixel, or -1. */
    public int swatchAt(int px, int py, int paletteSize) {
        if (px < swatchLeft() || px >= swatchLeft() + SWATCH || py < swatchTop(0)) {
            return -1;
        }
        int i = (py - swatchTop(0)) / (SWATCH + SWATCH_GAP);
        return i < paletteSize && py < swatchTop(i) + SWATCH ? i : -1;
    }

    // ---- panel ----

    public int panelLeft() {
        return windowWidth - PANEL_WIDTH;
    }

    /** The top pixel of panel text line {@code line}. */
    public int panelLineTop(int line) {
        return TOP + MARGIN + line * LINE;
    }

    /** The target row under the pixel, or -1. */
    public int targetAt(int px, int py, int targetRows) {
        if (px < panelLeft()) {
            return -1;
        }
        int line = (py - panelLineTop(0)) / LINE - TARGET_LINE;
        return py >= panelLineTop(0) && line >= 0 && line < targetRows ? line : -1;
    }

    /** Which part of a target row the pixel is on: the switch, the low end or the high end. */
    public enum TargetPart { SWITCH, MIN, MAX }

    public TargetPart targetPartAt(int px) {
        int x = px - panelLeft();
        return x < 200 ? TargetPart.SWITCH : x < 300 ? TargetPart.MIN : TargetPart.MAX;
    }

    // ---- variations strip ----

    public int stripTop() {
        return windowHeight - STRIP_HEIGHT;
    }

    public int thumbnailWidth() {
        return (windowWidth - PALETTE_WIDTH - PANEL_WIDTH - 2 * MARGIN - (Studio.VARIATIONS - 1) * MARGIN)
                / Studio.VARIATIONS;
    }

    public int thumbnailHeight() {
        return STRIP_HEIGHT - 3 * LINE;
    }

    public int thumbnailLeft(int index) {
        return PALETTE_WIDTH + MARGIN + index * (thumbnailWidth() + MARGIN);
    }

    public int thumbnailTop() {
        return stripTop() + LINE + 4;
    }

    /** The variation under the pixel, or -1. */
    public int thumbnailAt(int px, int py) {
        if (py < thumbnailTop() || py >= thumbnailTop() + thumbnailHeight()) {
            return -1;
        }
        for (int i = 0; i < Studio.VARIATIONS; i++) {
            if (px >= thumbnailLeft(i) && px < thumbnailLeft(i) + thumbnailWidth()) {
                return i;
            }
        }
        return -1;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
