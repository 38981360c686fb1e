package dev.levelgym.demo.model;

import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.PlatformerGame;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One Platformer episode as the demo shows it: the env (the class agents train on, so the rules are the env's:
 * Platformer-v1's, or v0's for an agent trained on v0), the level and where it came from, the solver's verdict on
 * it under the same rules, and where the player and enemies were before the last tick (for sliding them between
 * cells). Played by a person through {@link #tick(int)}, or watched through {@link #autoTick()}: a checkpointed
 * agent, or the solver's run replayed action by action through the env. The solver is {@link EnemyAwareSolver},
 * whose runs survive the enemies, so the replay wins whenever it says the level is completable.
 */
public final class PlatformerSession {

    private final PlatformerDeck deck;
    private final boolean watching;
    private final Pilot pilot;
    /** The rules without a pilot (a person, or the solver's replay); a pilot plays its own version's. */
    private final PlatformerRules rules;
    private final long episodeSeed;
    private PlatformerLevel level;
    private String source;
    private PlatformerSolution solution;
    private Platformer env;
    private float[] observation;
    private int steps;
    private int replayed;
    private double fromX;
    private int fromY;
    private int facing = 1;
    private int[] enemyFromX = new int[0];
    private int[] enemyFromY = new int[0];
    private String message = "";

    /**
     * @param deck        where N and G draw new levels from
     * @param fixed       a level to start on (from a file) instead of the deck's first
     * @param episodeSeed the env's reset seed on every restart
     * @param watching    true when the player is not a person: {@code pilot}, or the solver without one
     * @param pilot       the agent that plays in watch mode, or null
     */
    public PlatformerSession(PlatformerDeck deck, Optional<PlatformerLevel> fixed, long episodeSeed, boolean watching,
                             Pilot pilot) {
        this(deck, fixed, episodeSeed, watching, pilot, PlatformerRules.V1);
    }

    /**
     * As above, played under {@code rules} when there is no pilot (the level studio plays a level under the version
     * it is edited for).
     */
    public PlatformerSession(PlatformerDeck deck, Optional<PlatformerLevel> fixed, long episodeSeed, boolean watching,
                             Pilot pilot, PlatformerRules rules) {
        this.rules = rules;
        if (pilot != null && !watching) {
            throw new IllegalArgumentException("an agent only plays in watch mode");
        }
        this.deck = deck;
        this.watching = watching;
        this.pilot = pilot;
        this.episodeSeed = episodeSeed;
        if (fixed.isPresent()) {
            load(fixed.get(), "file " + fixed.get().id());
        } else {
            loadFromDeck(deck.level());
        }
    }

    private void loadFromDeck(PlatformerLevel next) {
        load(next, deck.sourceName() + " seed " + deck.seed());
    }

    private void load(PlatformerLevel next, String from) {
        level = next;
        source = from;
        env = pilot == null ? Platformer.of(next, rules) : pilot.platformerFor(next);
        solution = EnemyAwareSolver.of(next, env.rules());
        restart();
    }

    /** Starts the level again; the rules have no randomness, so a replay is exact. */
    public void restart() {
        observation = env.reset(episodeSeed).observation();
        steps = 0;
        replayed = 0;
        facing = 1;
        settle();
    }

    private void settle() {
        PlatformerGame g = env.game();
        fromX = g.playerPosition();
        fromY = g.playerY();
        enemyFromX = new int[g.enemyCount()];
        enemyFromY = new int[g.enemyCount()];
        for (int i = 0; i < g.enemyCount(); i++) {
            enemyFromX[i] = g.enemyX(i);
            enemyFromY[i] = g.enemyY(i);
        }
    }

    /** Plays one tick with a Platformer action; does nothing once the episode is over. */
    public void tick(int action) {
        if (result() != Outcome.RUNNING) {
            return;
        }
        settle();
        StepResult<float[]> r = env.step(action);
        observation = r.observation();
        steps++;
        int dx = PlatformerPhysics.dx(action);
        if (dx != 0) {
            facing = dx;
        }
    }

    /**
     * Watch mode's tick: the agent's greedy action, or the solver's next action (noop once its run is over: an
     * incompletable level's run stops where the solver got furthest).
     */
    public void autoTick() {
        if (!watching) {
            throw new IllegalStateException("a person plays this session");
        }
        if (result() != Outcome.RUNNING) {
            return;
        }
        if (pilot != null) {
            tick(pilot.act(observation));
        } else {
            List<Integer> actions = solution.actions();
            tick(replayed < actions.size() ? actions.get(replayed++) : PlatformerPhysics.NOOP);
        }
    }

    /** N: the deck's next seed. */
    public void newLevel() {
        loadFromDeck(deck.next());
        message = "";
    }

    /** G: the deck's next source. */
    public void cycleSource() {
        loadFromDeck(deck.cycle());
        message = "";
    }

    /**
     * Ctrl+S: writes the level as loaded, in the VGLC text format, to a new file in {@code dir} (never over an
     * existing one), atomically.
     *
     * @return the file written
     */
    public Path save(Path dir) {
        try {
            Path file = SavedLevels.saveNew(dir, level.id(), level.toText());
            message = "saved " + file;
            return file;
        } catch (IOException e) {
            message = "could not save: " + e.getMessage();
            throw new UncheckedIOException("cannot save the level to " + dir, e);
        }
    }

    public PlatformerGame game() {
        return env.game();
    }

    public PlatformerLevel level() {
        return level;
    }

    public Outcome result() {
        return env.game().result();
    }

    public int steps() {
        return steps;
    }

    /** Points from coins, question blocks and stomps (the game's score, not the env's shaped return). */
    public int score() {
        return env.game().score();
    }

    /** Coins taken so far this episode. */
    public int coins() {
        PlatformerGame g = env.game();
        int left = 0;
        for (int y = 0; y < level.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                if (g.tile(x, y) == PlatformerTile.COIN) {
                    left++;
                }
            }
        }
        return level.count(PlatformerTile.COIN) - left;
    }

    /** {@link EnemyAwareSolver}'s verdict on the level as loaded: completable, how far, and its run. */
    public PlatformerSolution solution() {
        return solution;
    }

    /** Where the level came from: "file NAME" or "SOURCE seed S". */
    public String source() {
        return source;
    }

    public boolean watching() {
        return watching;
    }

    public Optional<Pilot> pilot() {
        return Optional.ofNullable(pilot);
    }

    /** Who plays: "you", "the solver" or the agent's label. */
    public String player() {
        return !watching ? "you" : pilot == null ? "the solver" : pilot.label();
    }

    /** The player's horizontal position (column and fraction, as {@link PlatformerGame#playerPosition()}) before the last tick. */
    public double fromX() {
        return fromX;
    }

    /** The player's row before the last tick. */
    public int fromY() {
        return fromY;
    }

    /** 1 when the player last pressed right (or has not moved yet), -1 when left: which way it is drawn. */
    public int facing() {
        return facing;
    }

    /** Enemy {@code i}'s column before the last tick. */
    public int enemyFromX(int i) {
        return enemyFromX[i];
    }

    /** Enemy {@code i}'s row before the last tick. */
    public int enemyFromY(int i) {
        return enemyFromY[i];
    }

    /** The HUD's lines, top to bottom. */
    public List<String> hud() {
        PlatformerGame g = env.game();
        List<String> lines = new ArrayList<>();
        lines.add((watching ? "Platformer watch: " + player() : "Platformer") + "  |  level: " + source + "  ("
                + level.width() + " columns)");
        lines.add(String.format(Locale.ROOT, "score: %d  |  coins: %d  |  x: %d%% (column %d of %d)  |  steps: %d  |  "
                        + "enemies: %d", g.score(), coins(), Math.round(100 * g.progress()), g.furthestX(),
                level.width() - 1, steps, g.enemiesAlive()));
        lines.add(solution.completable()
                ? "solver: completable in " + solution.length() + " ticks, " + solution.jumps()
                        + " jumps, enemies included"
                : String.format(Locale.ROOT, "solver: not completable, completion %d%% (reaches column %d)",
                        Math.round(100 * solution.completion()), solution.furthestX()));
        if (!message.isEmpty()) {
            lines.add(message);
        }
        return lines;
    }

    /** The big text over the level when the episode is over. */
    public Optional<String> banner() {
        return switch (result()) {
            case WIN -> Optional.of(watching ? (pilot == null ? "SOLVER" : "AGENT") + " CLEARS IT" : "COURSE CLEAR!");
            case LOSS -> Optional.of(watching ? (pilot == null ? "SOLVER" : "AGENT") + " LOST" : "YOU DIED");
            case RUNNING -> Optional.empty();
        };
    }
}
