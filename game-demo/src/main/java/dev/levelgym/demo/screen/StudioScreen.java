package dev.levelgym.demo.screen;

import com.badlogic.gdx.Input.Buttons;
import com.badlogic.gdx.Input.Keys;
import dev.levelgym.demo.DemoMode;
import dev.levelgym.demo.model.DungeonSession;
import dev.levelgym.demo.model.LevelDeck;
import dev.levelgym.demo.model.PlatformerDeck;
import dev.levelgym.demo.model.PlatformerSession;
import dev.levelgym.demo.studio.DungeonStudioWorld;
import dev.levelgym.demo.studio.PlatformerStudioWorld;
import dev.levelgym.demo.studio.Studio;
import dev.levelgym.demo.studio.StudioLayout;
import dev.levelgym.demo.studio.StudioReport;
import dev.levelgym.demo.studio.StudioScene;
import dev.levelgym.demo.view.Views;
import dev.levelgym.envs.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The level studio's controller: turns mouse and keys into {@link Studio} calls, and hosts a play screen (the
 * demo's own Dungeon or platformer screen) when the designer plays the level, returning to the editor as it was
 * when that screen's ESCAPE asks for the menu.
 *
 * <p>Mouse: left button paints (drag for a stroke), right button erases, Shift+drag fills (or erases) a
 * rectangle, the wheel scrolls; a click on the palette picks a tile, on a variation loads it, on a target's name
 * switches it on or off and on its low or high end raises it (right button lowers it). Keys: see {@link #HELP}.
 */
public final class StudioScreen extends DemoScreen {

    /** The keys, as the HUD lists them. */
    public static final List<String> HELP = List.of(
            "mouse: left paint, right erase, Shift+drag box",
            "arrows cursor  SPACE paint  X erase  R box corner",
            "1-9, 0, TAB tile   Ctrl+Z undo   Ctrl+Y redo",
            "F repair   V variations   P play (ESC back)",
            "Ctrl+S save  Ctrl+Shift+S save as  Ctrl+O open",
            "Ctrl+N new size   W other world   ESC menu");

    private final Studio studio;
    private final Navigator navigator;
    private final Path saveDir;
    private final long seed;
    private final StudioLayout layout = new StudioLayout();
    private final boolean followPointer;
    private int width;
    private int height;
    private boolean ctrl;
    private boolean shift;
    private boolean heatmap = true;
    /** The pointer's button while dragging on the map; -1 when not dragging. */
    private int dragButton = -1;
    private boolean dragRectangle;
    private int dragFromX;
    private int dragFromY;
    private int lastX;
    private int lastY;
    private int hoverX = -1;
    private int hoverY = -1;
    private DemoScreen play;

    /**
     * @param saveDir where the play screen's Ctrl+S writes levels, as in the demo
     * @param seed    the play screen's episode seed
     * @param followPointer whether the cell under the real mouse pointer is outlined; scripted runs say no, so
     *                      their screenshots do not depend on where the pointer rests
     */
    public StudioScreen(Views views, Navigator navigator, Studio studio, Path saveDir, long seed, int width,
                        int height, boolean followPointer) {
        super(views);
        this.followPointer = followPointer;
        this.studio = studio;
        this.navigator = navigator;
        this.saveDir = saveDir;
        this.seed = seed;
        this.width = width;
        this.height = height;
        fit();
    }

    private void fit() {
        layout.fit(width, height, studio.grid().width(), studio.grid().height());
    }

    public Studio studio() {
        return studio;
    }

    public StudioLayout layout() {
        return layout;
    }

    /** The play screen while the designer plays the level; empty in the editor. */
    public Optional<DemoScreen> playing() {
        return Optional.ofNullable(play);
    }

    public boolean heatmap() {
        return heatmap;
    }

    /** The cell under the mouse, x then y; -1s off the map. */
    public int[] hover() {
        return new int[] {hoverX, hoverY};
    }

    /** What the view draws this frame. */
    public StudioScene scene() {
        Optional<int[]> rectangle = Optional.empty();
        if (dragButton >= 0 && dragRectangle) {
            rectangle = Optional.of(new int[] {dragFromX, dragFromY, lastX, lastY});
        } else if (studio.anchor() >= 0) {
            int w = studio.grid().width();
            rectangle = Optional.of(new int[] {studio.anchor() % w, studio.anchor() / w, studio.cursorX(),
                studio.cursorY()});
        }
        return new StudioScene(studio, layout, heatmap, hoverX, hoverY, rectangle);
    }

    // ---- keys ----

    @Override
    public boolean keyDown(int keycode) {
        if (play != null) {
            return play.keyDown(keycode);
        }
        switch (keycode) {
            case Keys.CONTROL_LEFT, Keys.CONTROL_RIGHT -> ctrl = true;
            case Keys.SHIFT_LEFT, Keys.SHIFT_RIGHT -> shift = true;
            default -> {
                if (studio.prompt().isPresent()) {
                    return promptKey(keycode);
                }
                return ctrl ? controlKey(keycode) : editKey(keycode);
            }
        }
        return true;
    }

    private boolean promptKey(int keycode) {
        boolean yesNo = studio.prompt().get().yesNo();
        switch (keycode) {
            case Keys.ENTER -> studio.answer();
            case Keys.Y -> {
                if (yesNo) {
                    studio.answer();
                }
            }
            case Keys.ESCAPE -> studio.cancel();
            case Keys.N -> {
                if (yesNo) {
                    studio.cancel();
                }
            }
            case Keys.BACKSPACE -> studio.backspace();
            default -> {
                // Text arrives through keyTyped.
            }
        }
        fit();
        return true;
    }

    private boolean controlKey(int keycode) {
        switch (keycode) {
            case Keys.Z -> {
                if (shift) {
                    studio.redo();
                } else {
                    studio.undo();
                }
            }
            case Keys.Y -> studio.redo();
            case Keys.S -> {
                if (shift) {
                    studio.saveAs();
                } else {
                    studio.save();
                }
            }
            case Keys.O -> studio.open();
            case Keys.N -> studio.newLevel();
            default -> {
                return false;
            }
        }
        fit();
        return true;
    }

    private boolean editKey(int keycode) {
        if (shift && keycode >= Keys.NUM_1 && keycode <= Keys.NUM_4) {
            studio.pickVariation(keycode - Keys.NUM_1);
            fit();
            return true;
        }
        if (keycode >= Keys.NUM_0 && keycode <= Keys.NUM_9) {
            studio.select(keycode == Keys.NUM_0 ? 9 : keycode - Keys.NUM_1);
            return true;
        }
        switch (keycode) {
            case Keys.UP -> cursor(0, -1);
            case Keys.DOWN -> cursor(0, 1);
            case Keys.LEFT -> cursor(-1, 0);
            case Keys.RIGHT -> cursor(1, 0);
            case Keys.SPACE -> studio.paintCursor(false);
            case Keys.X, Keys.FORWARD_DEL, Keys.BACKSPACE -> studio.paintCursor(true);
            case Keys.R -> studio.rectangleCorner();
            case Keys.TAB -> studio.cycleTile(shift ? -1 : 1);
            case Keys.PAGE_UP -> layout.scroll(-layout.visibleColumns() / 2, 0);
            case Keys.PAGE_DOWN -> layout.scroll(layout.visibleColumns() / 2, 0);
            case Keys.F -> studio.repair();
            case Keys.V -> studio.findVariations();
            case Keys.K -> studio.playtest(shift);
            case Keys.H -> heatmap = !heatmap;
            case Keys.P -> startPlay();
            case Keys.W -> studio.switchWorld();
            case Keys.T -> studio.targets().move(shift ? -1 : 1);
            case Keys.O -> targets(() -> studio.targets().toggle());
            case Keys.LEFT_BRACKET -> targets(() -> studio.targets().nudge(false, -1));
            case Keys.RIGHT_BRACKET -> targets(() -> studio.targets().nudge(false, 1));
            case Keys.MINUS -> targets(() -> studio.targets().nudge(true, -1));
            case Keys.EQUALS -> targets(() -> studio.targets().nudge(true, 1));
            case Keys.ESCAPE -> {
                if (!studio.cancelRectangle()) {
                    studio.unlessDirty("leave the studio", () -> navigator.open(DemoMode.MENU));
                }
            }
            default -> {
                return false;
            }
        }
        fit();
        return true;
    }

    private void targets(Runnable change) {
        change.run();
        studio.targetsChanged();
    }

    private void cursor(int dx, int dy) {
        studio.moveCursor(dx, dy);
        layout.reveal(studio.cursorX(), studio.cursorY());
    }

    @Override
    public boolean keyUp(int keycode) {
        switch (keycode) {
            case Keys.CONTROL_LEFT, Keys.CONTROL_RIGHT -> ctrl = false;
            case Keys.SHIFT_LEFT, Keys.SHIFT_RIGHT -> shift = false;
            default -> {
                return play != null && play.keyUp(keycode);
            }
        }
        // The play screen tracks Ctrl for its own Ctrl+S.
        if (play != null) {
            play.keyUp(keycode);
        }
        return true;
    }

    @Override
    public boolean keyTyped(char character) {
        if (play == null && studio.prompt().isPresent()) {
            studio.type(character);
            return true;
        }
        return false;
    }

    // ---- mouse ----

    @Override
    public boolean touchDown(int px, int py, int pointer, int button) {
        if (play != null || studio.prompt().isPresent()) {
            return false;
        }
        int swatch = layout.swatchAt(px, py, studio.world().palette().length());
        if (swatch >= 0) {
            studio.select(swatch);
            return true;
        }
        int thumbnail = layout.thumbnailAt(px, py);
        if (thumbnail >= 0) {
            studio.pickVariation(thumbnail);
            fit();
            return true;
        }
        int target = layout.targetAt(px, py, studio.targets().rows().size());
        if (target >= 0) {
            studio.targets().select(target);
            int by = button == Buttons.RIGHT ? -1 : 1;
            switch (layout.targetPartAt(px)) {
                case SWITCH -> studio.targets().toggle();
                case MIN -> studio.targets().nudge(false, by);
                case MAX -> studio.targets().nudge(true, by);
            }
            studio.targetsChanged();
            return true;
        }
        int x = layout.columnAt(px, py);
        int y = layout.rowAt(px, py);
        if (x < 0 || (button != Buttons.LEFT && button != Buttons.RIGHT)) {
            return false;
        }
        dragButton = button;
        dragRectangle = shift;
        dragFromX = x;
        dragFromY = y;
        lastX = x;
        lastY = y;
        if (!dragRectangle) {
            studio.beginStroke(button == Buttons.RIGHT);
            studio.strokeAt(x, y, button == Buttons.RIGHT);
        }
        return true;
    }

    @Override
    public boolean touchDragged(int px, int py, int pointer) {
        hover(px, py);
        if (dragButton < 0) {
            return false;
        }
        int x = Math.max(0, Math.min(studio.grid().width() - 1, layout.scrollX() + Math.floorDiv(px - layout.mapLeft(),
                layout.tile())));
        int y = Math.max(0, Math.min(studio.grid().height() - 1, layout.scrollY() + Math.floorDiv(py
                - layout.mapTop(), layout.tile())));
        if (!dragRectangle) {
            // A fast drag skips cells between two events: paint the line between them.
            int steps = Math.max(Math.abs(x - lastX), Math.abs(y - lastY));
            for (int i = 1; i <= steps; i++) {
                studio.strokeAt(lastX + Math.round((x - lastX) * (float) i / steps),
                        lastY + Math.round((y - lastY) * (float) i / steps), dragButton == Buttons.RIGHT);
            }
        }
        lastX = x;
        lastY = y;
        return true;
    }

    @Override
    public boolean touchUp(int px, int py, int pointer, int button) {
        if (dragButton < 0 || button != dragButton) {
            return false;
        }
        if (dragRectangle) {
            studio.fill(dragFromX, dragFromY, lastX, lastY, dragButton == Buttons.RIGHT);
        } else {
            studio.endStroke();
        }
        dragButton = -1;
        return true;
    }

    @Override
    public boolean mouseMoved(int px, int py) {
        hover(px, py);
        return false;
    }

    private void hover(int px, int py) {
        if (followPointer) {
            hoverX = layout.columnAt(px, py);
            hoverY = layout.rowAt(px, py);
        }
    }

    @Override
    public boolean scrolled(float amountX, float amountY) {
        int by = Math.round(amountY != 0 ? amountY : amountX) * 2;
        if (studio.grid().width() > layout.visibleColumns()) {
            layout.scroll(by, 0);
        } else {
            layout.scroll(0, by);
        }
        return true;
    }

    // ---- play ----

    /** P: plays the level as it stands in the demo's own screen; its ESCAPE comes back here. */
    private void startPlay() {
        Optional<String> why = studio.whyNotPlayable();
        if (why.isPresent()) {
            studio.note("cannot play: " + why.get());
            return;
        }
        Navigator back = new Navigator() {
            @Override
            public void open(DemoMode mode) {
                DemoScreen done = play;
                play = null;
                done.dispose();
            }

            @Override
            public void quit() {
                navigator.quit();
            }
        };
        if (studio.world() instanceof DungeonStudioWorld) {
            play = new DungeonScreen(views, back, new DungeonSession(new LevelDeck(List.of(), seed),
                    Optional.of(DungeonStudioWorld.level(studio.grid())), seed, null), saveDir);
        } else if (studio.world() instanceof PlatformerStudioWorld platformer) {
            play = new PlatformerScreen(views, back, new PlatformerSession(new PlatformerDeck(List.of(), seed),
                    Optional.of(PlatformerStudioWorld.level(studio.grid())), seed, false, null, platformer.rules()),
                    saveDir);
        }
        ctrl = false;
        shift = false;
    }

    // ---- the frame ----

    @Override
    public void update(float deltaSeconds) {
        if (play != null) {
            play.update(deltaSeconds);
            return;
        }
        studio.update();
        fit();
    }

    @Override
    protected void draw() {
        if (play != null) {
            play.draw();
        } else {
            views.studio(scene());
        }
    }

    @Override
    public void resize(int w, int h) {
        if (w > 0 && h > 0) {
            width = w;
            height = h;
            fit();
        }
    }

    @Override
    public Optional<int[]> pixelOfCell(int x, int y) {
        if (play != null || !studio.grid().inside(x, y)) {
            return Optional.empty();
        }
        return Optional.of(layout.centreOf(x, y));
    }

    @Override
    public Optional<StudioReport> studioReport() {
        return Optional.of(studio.report());
    }

    @Override
    public Status status() {
        String result = play == null ? Outcome.RUNNING.label() : play.status().result();
        return new Status(DemoMode.STUDIO, result, play == null ? 0 : play.status().steps(),
                play == null ? 0 : play.status().score());
    }

    @Override
    public void dispose() {
        if (play != null) {
            play.dispose();
        }
        studio.close();
    }
}
