package dev.levelgym.demo;

import com.badlogic.gdx.Game;
import com.badlogic.gdx.Gdx;
import dev.levelgym.demo.model.CartPoleSession;
import dev.levelgym.demo.model.DungeonSession;
import dev.levelgym.demo.model.LevelDeck;
import dev.levelgym.demo.model.Pilot;
import dev.levelgym.demo.model.PlatformerDeck;
import dev.levelgym.demo.model.PlatformerSession;
import dev.levelgym.demo.model.PlatformerSource;
import dev.levelgym.demo.screen.CartPoleScreen;
import dev.levelgym.demo.screen.DemoScreen;
import dev.levelgym.demo.screen.DungeonScreen;
import dev.levelgym.demo.screen.MenuScreen;
import dev.levelgym.demo.screen.Navigator;
import dev.levelgym.demo.screen.PlatformerScreen;
import dev.levelgym.demo.screen.StudioScreen;
import dev.levelgym.demo.studio.Studio;
import dev.levelgym.demo.studio.StudioJobs;
import dev.levelgym.demo.studio.StudioSetup;
import dev.levelgym.demo.view.Views;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.LevelGenerator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The demo's LibGDX game: switches screens, and in automated runs feeds the scripted keys, counts frames, takes
 * the screenshot and exits. Automated runs advance the game by exactly 1/60 s per frame, whatever the real frame
 * time, so a script replays the same game on any machine.
 */
public final class DemoGame extends Game implements Navigator {

    static final float AUTOMATED_DELTA = 1f / 60;
    /** Frames left out of the frame-time mean: the first ones include shader compilation and texture uploads. */
    static final int WARM_UP_FRAMES = 10;

    private final DemoSettings settings;
    private final Optional<DungeonLevel> fixedLevel;
    private final List<LevelGenerator<DungeonLevel>> generators;
    private final Optional<PlatformerLevel> fixedPlatformerLevel;
    private final List<PlatformerSource> platformerSources;
    private final Function<String, Pilot> pilots;
    private final Supplier<Views> viewsFactory;
    private final StudioSetup studioSetup;
    private Views views;
    private LevelDeck deck;
    private PlatformerDeck platformerDeck;
    private DemoScreen screen;
    private long frame;
    private long lastFrameNanos;
    private double frameMillisSum;
    private long framesTimed;
    private DemoResult result;

    /**
     * A game with no platformer level file and only the built-in platformer sources; see the full constructor.
     */
    public DemoGame(DemoSettings settings, Optional<DungeonLevel> fixedLevel,
                    List<LevelGenerator<DungeonLevel>> generators, Function<String, Pilot> pilots,
                    Supplier<Views> views) {
        this(settings, fixedLevel, Optional.empty(), generators, List.of(), pilots, views);
    }

    /**
     * @param fixedLevel           the Dungeon level file's level, if the settings name one (loaded before the window
     *                             opens, so a bad file is reported before anything is drawn)
     * @param fixedPlatformerLevel the platformer level file's level, likewise
     * @param generators           where N and G draw Dungeon levels from, in G's order (the envs' procedural levels
     *                             are added last)
     * @param platformerSources    where N and G draw platformer levels from first (a GAN's); procedural and the
     *                             bundled corpus follow
     * @param pilots               the checkpointed agent for an env id, or null when there is none (Dungeon watch
     *                             mode then shows a random agent, platformer watch mode the solver, CartPole is
     *                             played by hand)
     * @param views                makes the views once GL is up
     */
    public DemoGame(DemoSettings settings, Optional<DungeonLevel> fixedLevel, Optional<PlatformerLevel> fixedPlatformerLevel,
                    List<LevelGenerator<DungeonLevel>> generators, List<PlatformerSource> platformerSources,
                    Function<String, Pilot> pilots, Supplier<Views> views) {
        this(settings, fixedLevel, fixedPlatformerLevel, generators, platformerSources, pilots, views,
                StudioSetup.defaults());
    }

    /**
     * As the constructor above, with how the level studio starts (its world, file, targets and variation sources)
     * when the settings' mode or the menu opens it.
     */
    public DemoGame(DemoSettings settings, Optional<DungeonLevel> fixedLevel, Optional<PlatformerLevel> fixedPlatformerLevel,
                    List<LevelGenerator<DungeonLevel>> generators, List<PlatformerSource> platformerSources,
                    Function<String, Pilot> pilots, Supplier<Views> views, StudioSetup studioSetup) {
        this.studioSetup = studioSetup;
        this.settings = settings;
        this.fixedLevel = fixedLevel;
        this.fixedPlatformerLevel = fixedPlatformerLevel;
        this.generators = List.copyOf(generators);
        this.platformerSources = List.copyOf(platformerSources);
        this.pilots = pilots;
        this.viewsFactory = views;
    }

    @Override
    public void create() {
        views = viewsFactory.get();
        deck = new LevelDeck(generators, settings.seed());
        platformerDeck = new PlatformerDeck(platformerSources, settings.seed());
        open(settings.mode());
    }

    @Override
    public void open(DemoMode mode) {
        DemoScreen next = switch (mode) {
            case MENU -> new MenuScreen(views, this);
            case PLAY -> new DungeonScreen(views, this, new DungeonSession(deck, fixedLevel, settings.seed(), null),
                    settings.saveDir());
            case WATCH -> new DungeonScreen(views, this, new DungeonSession(deck, fixedLevel, settings.seed(),
                    Optional.ofNullable(pilots.apply(Dungeon.ID))
                            .orElseGet(() -> Pilot.random(Dungeon.ID, settings.seed()))), settings.saveDir());
            case CARTPOLE -> new CartPoleScreen(views, this,
                    new CartPoleSession(settings.seed(), pilots.apply(CartPole.SPEC.id())));
            case PLATFORMER -> new PlatformerScreen(views, this, new PlatformerSession(platformerDeck,
                    fixedPlatformerLevel, settings.seed(), false, null), settings.saveDir());
            case PLATFORMER_WATCH -> new PlatformerScreen(views, this, new PlatformerSession(platformerDeck,
                    fixedPlatformerLevel, settings.seed(), true, platformerPilot()), settings.saveDir());
            case STUDIO -> new StudioScreen(views, this, new Studio(studioSetup,
                    settings.automated() ? StudioJobs.inline() : StudioJobs.background(), pilots, settings.seed()),
                    settings.saveDir(), settings.seed(), settings.width(), settings.height(), !settings.automated());
        };
        DemoScreen previous = screen;
        screen = next;
        setScreen(next);
        Gdx.input.setInputProcessor(next);
        if (previous != null) {
            previous.dispose();
        }
    }

    /** The checkpointed Platformer agent: one trained on v1, else on v0 (it plays v0's rules); null for none. */
    private Pilot platformerPilot() {
        Pilot v1 = pilots.apply(Platformer.ID);
        return v1 != null ? v1 : pilots.apply(Platformer.ID_V0);
    }

    @Override
    public void quit() {
        finish();
        Gdx.app.exit();
    }

    @Override
    public void render() {
        if (result != null) {
            // Exiting: the backend may still call once more, but the run (and its screenshot) is over.
            return;
        }
        frame++;
        long now = System.nanoTime();
        if (frame > WARM_UP_FRAMES + 1) {
            frameMillisSum += (now - lastFrameNanos) / 1e6;
            framesTimed++;
        }
        lastFrameNanos = now;
        if (settings.automated()) {
            ScriptEvent event = settings.script().eventAt(frame);
            if (event != null) {
                event.sendTo(screen);
            }
        }
        screen.render(settings.automated() ? AUTOMATED_DELTA : Gdx.graphics.getDeltaTime());
        if (settings.automated() && frame == settings.frames()) {
            settings.screenshot().ifPresent(views::screenshot);
            quit();
        }
    }

    @Override
    public void resize(int width, int height) {
        if (views != null) {
            views.resize(width, height);
        }
        super.resize(width, height);
    }

    private void finish() {
        if (result == null) {
            result = standing();
        }
    }

    private DemoResult standing() {
        DemoScreen.Status s = screen.status();
        return new DemoResult(s.mode().label(), s.result(), s.steps(), s.score(),
                framesTimed == 0 ? Double.NaN : frameMillisSum / framesTimed, screen.studioReport());
    }

    /** How the run ended; before the end, how it stands now. */
    public DemoResult result() {
        return result != null ? result : standing();
    }

    /** The screen on show. */
    public DemoScreen screen() {
        return screen;
    }

    public long frame() {
        return frame;
    }

    @Override
    public void dispose() {
        finish();
        if (screen != null) {
            screen.dispose();
        }
        views.dispose();
    }
}
