package dev.levelgym.demo.screen;

import com.badlogic.gdx.Input.Keys;
import dev.levelgym.demo.DemoMode;
import dev.levelgym.demo.model.Menu;
import dev.levelgym.envs.Outcome;
import dev.levelgym.demo.view.Views;
import java.util.List;

/** The title menu: UP/DOWN and ENTER, or the entry's digit, opens a mode; ESCAPE quits. */
public final class MenuScreen extends DemoScreen {

    private static final List<DemoMode> MODES = List.of(DemoMode.PLAY, DemoMode.WATCH, DemoMode.CARTPOLE,
            DemoMode.PLATFORMER, DemoMode.PLATFORMER_WATCH, DemoMode.STUDIO);

    private final Navigator navigator;
    private final Menu menu = new Menu(List.of(
            new Menu.Entry("Play", "Fetch the key, open the door, dodge or slay the monsters", 1),
            new Menu.Entry("Watch", "An agent plays the dungeon: 1x / 4x / max speed, pause, step", 2),
            new Menu.Entry("CartPole", "Balance the pole with the arrow keys", 3),
            new Menu.Entry("Platformer", "Run and jump to the right edge: pits, pipes, enemies to stomp", 4),
            new Menu.Entry("Platformer watch", "The solver (or a trained agent) runs the level: 1x / 4x / max", 5),
            new Menu.Entry("Level studio", "Edit, check, repair, vary and play-test levels of both worlds", 6)));

    public MenuScreen(Views views, Navigator navigator) {
        super(views);
        this.navigator = navigator;
    }

    public Menu menu() {
        return menu;
    }

    @Override
    public boolean keyDown(int keycode) {
        switch (keycode) {
            case Keys.UP, Keys.W -> menu.move(-1);
            case Keys.DOWN, Keys.S -> menu.move(1);
            case Keys.ENTER, Keys.SPACE -> navigator.open(MODES.get(menu.selected()));
            case Keys.NUM_1, Keys.NUM_2, Keys.NUM_3, Keys.NUM_4, Keys.NUM_5, Keys.NUM_6 ->
                    navigator.open(MODES.get(keycode - Keys.NUM_1));
            case Keys.ESCAPE -> navigator.quit();
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public void update(float deltaSeconds) {
    }

    @Override
    protected void draw() {
        views.menu(menu);
    }

    @Override
    public Status status() {
        return new Status(DemoMode.MENU, Outcome.RUNNING.label(), 0, 0);
    }
}
