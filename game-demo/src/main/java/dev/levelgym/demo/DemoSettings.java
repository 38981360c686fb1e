package dev.levelgym.demo;

import dev.levelgym.envs.UserInputException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a demo run is started with.
 *
 * @param mode       the first screen
 * @param level      a level file to play first instead of a generated one (the studio: the file to edit)
 * @param seed       the first generated level's seed, and the seed of every episode's env (enemy moves, CartPole's
 *                   start), so the same settings replay the same game
 * @param checkpoint the agent watch mode shows; a random agent without one
 * @param script     key presses (and, in the studio, clicks and drags) fed to the game, for automation
 * @param frames     frames to run before the screenshot and exit; 0 runs until the window is closed
 * @param screenshot where to write a PNG of the last frame; needs {@code frames}
 * @param saveDir    where S writes levels
 * @param width      window width in pixels
 * @param height     window height in pixels
 */
public record DemoSettings(DemoMode mode, Optional<Path> level, long seed, Optional<Path> checkpoint, KeyScript script,
                           long frames, Optional<Path> screenshot, Path saveDir, int width, int height) {

    public static final int DEFAULT_WIDTH = 1280;
    public static final int DEFAULT_HEIGHT = 720;

    public DemoSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(screenshot, "screenshot");
        Objects.requireNonNull(saveDir, "saveDir");
        if (seed < 0) {
            throw new UserInputException("--seed must be non-negative, got " + seed);
        }
        if (frames < 0) {
            throw new UserInputException("--frames must be non-negative, got " + frames);
        }
        if (screenshot.isPresent() && frames == 0) {
            throw new UserInputException("--screenshot needs --frames: the screenshot is taken after that many "
                    + "frames");
        }
        if (mode != DemoMode.STUDIO && script.hasPointerEvents()) {
            throw new UserInputException("--script: clicks and drags are for the level studio (levelgym studio); "
                    + "--mode " + mode.label() + " takes keys only");
        }
        if (width < 320 || height < 240) {
            throw new UserInputException("the window must be at least 320x240, got " + width + "x" + height);
        }
    }

    /** True when the run is scripted: it then steps the game by a fixed 1/60 s per frame, so it replays exactly. */
    public boolean automated() {
        return frames > 0;
    }
}
