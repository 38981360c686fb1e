package dev.levelgym.demo.screen;

import com.badlogic.gdx.InputAdapter;
import com.badlogic.gdx.Screen;
import dev.levelgym.demo.DemoMode;
import dev.levelgym.demo.studio.StudioReport;
import dev.levelgym.demo.view.Views;
import java.util.Optional;

/**
 * A screen of the demo: its model, its input (the screen is the InputProcessor while shown) and a view that draws
 * the model. {@link #update(float)} holds all the logic and touches no GL, so screens run under the headless backend.
 */
public abstract class DemoScreen extends InputAdapter implements Screen {

    /** How the screen's episode stands, for the result line. */
    public record Status(DemoMode mode, String result, int steps, double score) {
    }

    protected final Views views;

    protected DemoScreen(Views views) {
        this.views = views;
    }

    /** Advances the model by {@code deltaSeconds} of game time. */
    public abstract void update(float deltaSeconds);

    /** Draws the model as it stands. */
    protected abstract void draw();

    public abstract Status status();

    /**
     * The window pixel (x, y growing down, as input reports it) of the centre of level cell (x, y), for scripted
     * clicks and drags; empty for screens without a level editor. May scroll the view to bring the cell in.
     */
    public Optional<int[]> pixelOfCell(int x, int y) {
        return Optional.empty();
    }

    /** The studio's session, for the result line; empty for the other screens. */
    public Optional<StudioReport> studioReport() {
        return Optional.empty();
    }

    @Override
    public final void render(float delta) {
        update(delta);
        draw();
    }

    @Override
    public void show() {
    }

    @Override
    public void resize(int width, int height) {
    }

    @Override
    public void pause() {
    }

    @Override
    public void resume() {
    }

    @Override
    public void hide() {
    }

    @Override
    public void dispose() {
    }
}
