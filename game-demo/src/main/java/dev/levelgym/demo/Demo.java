package dev.levelgym.demo;

import com.badlogic.gdx.backends.lwjgl3.Lwjgl3Application;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3ApplicationConfiguration;
import dev.levelgym.demo.model.DeckGenerators;
import dev.levelgym.demo.model.Pilot;
import dev.levelgym.demo.model.PlatformerSource;
import dev.levelgym.demo.studio.StudioFiles;
import dev.levelgym.demo.studio.StudioSetup;
import dev.levelgym.demo.view.GdxViews;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.LevelGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The demo's one entry point: opens the window, runs until it closes (or the script's frames are done). */
public final class Demo {

    private Demo() {
    }

    /**
     * Runs the demo in a desktop window and returns how it ended. Bad settings (a missing or malformed level file,
     * a checkpoint for the wrong env) are reported before the window opens.
     *
     * @throws dev.levelgym.envs.UserInputException naming the flag or file at fault
     */
    public static DemoResult run(DemoSettings settings) {
        try (DeckGenerators decks = DeckGenerators.open(Generators.installed(), List.of(), GeneratorSettings.DEFAULT)) {
            return run(settings, decks.dungeon(), decks.platformer());
        }
    }

    /**
     * As {@link #run(DemoSettings)}, drawing new Dungeon levels from {@code generators} (G cycles through them in
     * this order, then the envs' procedural levels), e.g. a trained GAN's generator first, and new platformer
     * levels from {@code platformerSources} first, then the procedural levels and the bundled corpus.
     */
    public static DemoResult run(DemoSettings settings, List<LevelGenerator<DungeonLevel>> generators,
                                 List<PlatformerSource> platformerSources) {
        return run(settings, generators, platformerSources, StudioSetup.defaults());
    }

    /**
     * As {@link #run(DemoSettings, List, List)}, with how the level studio starts when the settings' mode (or the
     * menu) opens it. In studio mode the settings' level is the file to edit: it is read (and the targets parsed)
     * before the window opens, so a file that is no level grid is reported by name, line and column.
     */
    public static DemoResult run(DemoSettings settings, List<LevelGenerator<DungeonLevel>> generators,
                                 List<PlatformerSource> platformerSources, StudioSetup studio) {
        boolean platformer = settings.mode().platformer();
        boolean studioMode = settings.mode() == DemoMode.STUDIO;
        if (studioMode) {
            checkStudio(studio);
        }
        Optional<DungeonLevel> level = platformer || studioMode ? Optional.empty()
                : settings.level().map(Demo::readLevel);
        Optional<PlatformerLevel> platformerLevel = platformer ? settings.level().map(Demo::readPlatformerLevel)
                : Optional.empty();
        Optional<Path> checkpoint = settings.checkpoint();
        String checkpointEnv = checkpoint.map(Pilot::trainedOn).orElse("");
        Optional<String> shownEnv = switch (settings.mode()) {
            case WATCH -> Optional.of(Dungeon.ID);
            case CARTPOLE -> Optional.of(CartPole.SPEC.id());
            case PLATFORMER_WATCH -> Optional.of(Platformer.ID);
            default -> Optional.empty();
        };
        // Platformer watch shows agents of either version, each under its own rules.
        boolean shown = shownEnv.isPresent() && (shownEnv.get().equals(checkpointEnv)
                || settings.mode() == DemoMode.PLATFORMER_WATCH && checkpointEnv.equals(Platformer.ID_V0));
        if (checkpoint.isPresent() && shownEnv.isPresent() && !shown) {
            throw new UserInputException("--checkpoint " + checkpoint.get() + " holds an agent for "
                    + checkpointEnv + ", which --mode " + settings.mode().label() + " cannot show");
        }
        if (studioMode && checkpoint.isPresent() && !checkpointEnv.equals(Dungeon.ID)
                && !checkpointEnv.equals(Platformer.ID) && !checkpointEnv.equals(Platformer.ID_V0)) {
            throw new UserInputException("--checkpoint " + checkpoint.get() + " holds an agent for " + checkpointEnv
                    + "; the studio play-tests agents for " + Dungeon.ID + ", " + Platformer.ID + " or "
                    + Platformer.ID_V0);
        }
        requireDisplay();
        Pilot pilot = checkpoint.map(dir -> Pilot.load(dir, checkpointEnv)).orElse(null);
        try {
            if (pilot != null && level.isPresent() && checkpointEnv.equals(Dungeon.ID)) {
                pilot.dungeonFor(level.get());
            }
            DemoGame game = new DemoGame(settings, level, platformerLevel, generators, platformerSources,
                    envId -> envId.equals(checkpointEnv) ? pilot : null,
                    () -> new GdxViews(settings.width(), settings.height(),
                            settings.automated() ? DemoGame.AUTOMATED_DELTA : 0), studio);
            new Lwjgl3Application(game, configuration(settings));
            return game.result();
        } finally {
            if (pilot != null) {
                pilot.close();
            }
        }
    }

    /** The studio's file and targets, checked before any window opens. */
    private static void checkStudio(StudioSetup studio) {
        studio.targets().ifPresent(spec -> studio.world().parseTargets(spec));
        Optional<Path> file = studio.file();
        if (file.isPresent() && Files.exists(file.get())) {
            try {
                StudioFiles.read(studio.world(), file.get());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.get(), e);
            }
        }
    }

    /**
     * On Linux a window needs an X or Wayland server; on macOS GLFW must run on the process's first thread, which
     * takes the JVM flag -XstartOnFirstThread (./levelgym adds it). Say so in one line rather than with GLFW's stack
     * trace or a hang.
     */
    private static void requireDisplay() {
        String os = System.getProperty("os.name", "");
        if (os.startsWith("Linux") && isBlank(System.getenv("DISPLAY"))
                && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            throw new UserInputException("no display to open the window on (DISPLAY is not set); on a "
                    + "machine without one, run under xvfb-run -a");
        }
        // The macOS java launcher sets this variable for a JVM started with -XstartOnFirstThread.
        if (os.startsWith("Mac") && !"1".equals(System.getenv("JAVA_STARTED_ON_FIRST_THREAD_"
                + ProcessHandle.current().pid()))) {
            throw new UserInputException("on macOS the window needs the JVM flag -XstartOnFirstThread: ./levelgym "
                    + "adds it; with java -jar, run java -XstartOnFirstThread -jar levelgym.jar play ...");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static Lwjgl3ApplicationConfiguration configuration(DemoSettings settings) {
        Lwjgl3ApplicationConfiguration cfg = new Lwjgl3ApplicationConfiguration();
        cfg.setTitle("levelgym");
        cfg.setWindowedMode(settings.width(), settings.height());
        cfg.setResizable(true);
        cfg.disableAudio(true);
        if (settings.automated()) {
            // Scripted runs time the frames: no vsync and no cap, so meanFrameMillis is the cost of a frame.
            cfg.useVsync(false);
            cfg.setForegroundFPS(0);
            cfg.setIdleFPS(0);
        } else {
            cfg.useVsync(true);
            cfg.setForegroundFPS(60);
        }
        return cfg;
    }

    private static PlatformerLevel readPlatformerLevel(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("--level: level file " + file + " does not exist");
        }
        try {
            return PlatformerParser.parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException("--level: cannot read " + file, e);
        }
    }

    private static DungeonLevel readLevel(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("--level: level file " + file + " does not exist");
        }
        try {
            return DungeonParser.parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException("--level: cannot read " + file, e);
        }
    }
}
