package dev.levelgym.demo.view;

import dev.levelgym.demo.model.CartPoleSession;
import dev.levelgym.demo.model.DungeonSession;
import dev.levelgym.demo.model.Menu;
import dev.levelgym.demo.model.PlatformerSession;
import dev.levelgym.demo.studio.StudioScene;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws the demo's models. The screens only talk to this interface, so they run without GL: {@link GdxViews} draws
 * with OpenGL, {@link #none()} draws nothing (the headless backend has no GL).
 */
public interface Views {

    void menu(Menu menu);

    /** @param progress how far the current tick has run, 0..1, to slide moving things between cells */
    void dungeon(DungeonSession session, float progress, List<String> hud);

    void cartPole(CartPoleSession session, List<String> hud);

    /** @param progress how far the current tick has run, 0..1, to slide the player and enemies between cells */
    void platformer(PlatformerSession session, float progress, List<String> hud);

    /** The level studio: map, palette, live check, targets, play-test and variations. */
    void studio(StudioScene scene);

    void resize(int width, int height);

    /** Writes the frame just drawn as an opaque PNG, atomically. */
    void screenshot(Path out);

    void dispose();

    /** Views that draw nothing and refuse screenshots, for running the game's logic without a window. */
    static Views none() {
        return new Views() {
            @Override
            public void menu(Menu menu) {
            }

            @Override
            public void dungeon(DungeonSession session, float progress, List<String> hud) {
            }

            @Override
            public void cartPole(CartPoleSession session, List<String> hud) {
            }

            @Override
            public void platformer(PlatformerSession session, float progress, List<String> hud) {
            }

            @Override
            public void studio(StudioScene scene) {
            }

            @Override
            public void resize(int width, int height) {
            }

            @Override
            public void screenshot(Path out) {
                throw new IllegalStateException("no screenshot without a window: " + out);
            }

            @Override
            public void dispose() {
            }
        };
    }
}
