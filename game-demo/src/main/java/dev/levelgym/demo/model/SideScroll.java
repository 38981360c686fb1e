package dev.levelgym.demo.model;

/**
 * The platformer's side-scrolling camera: which column is at the screen's left edge. The player is kept a third
 * of the way across, so more of what lies ahead is in view, and the camera stops at the level's ends.
 */
public final class SideScroll {

    private SideScroll() {
    }

    /**
     * @param playerX        the player's column (fractional while it slides between cells)
     * @param levelWidth     the level's columns
     * @param visibleColumns how many columns the screen shows
     * @return the left edge in columns, in {@code [0, max(0, levelWidth - visibleColumns)]}; a level narrower than
     *         the screen is centred (a negative left edge)
     */
    public static float left(float playerX, int levelWidth, float visibleColumns) {
        if (levelWidth <= visibleColumns) {
            return (levelWidth - visibleColumns) / 2;
        }
        float left = playerX + 0.5f - visibleColumns / 3;
        return Math.max(0, Math.min(left, levelWidth - visibleColumns));
    }
}
