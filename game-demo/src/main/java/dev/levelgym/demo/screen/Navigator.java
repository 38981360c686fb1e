package dev.levelgym.demo.screen;

import dev.levelgym.demo.DemoMode;

/** What screens ask of the game: to show another mode, or to end. */
public interface Navigator {

    void open(DemoMode mode);

    void quit();
}
