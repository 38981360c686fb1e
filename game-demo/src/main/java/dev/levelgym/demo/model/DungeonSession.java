package dev.levelgym.demo.model;

import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.DungeonGame;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One Dungeon-v0 episode as the demo shows it: the env (the very class agents train on, so the rules are the
 * env's), the level it came from, the running score and steps, and what the HUD says about it. Played by a person
 * through {@link #tick(int)} or by a {@link Pilot} through {@link #pilotTick()}.
 */
public final class DungeonSession {

    private final LevelDeck deck;
    private final Pilot pilot;
    private final long episodeSeed;
    private final EntityMotion motion = new EntityMotion();
    private DungeonLevel level;
    private String source;
    private DungeonSolution solution;
    private Dungeon env;
    private float[] observation;
    private int steps;
    private double score;
    private String message = "";

    /**
     * @param deck        where N and G draw new levels from
     * @param fixed       a level to start on (from a file) instead of the deck's first
     * @param episodeSeed seeds the env's generator (enemy moves) on every restart, so a replay is exact
     * @param pilot       the agent that plays, or null when a person does
     */
    public DungeonSession(LevelDeck deck, Optional<DungeonLevel> fixed, long episodeSeed, Pilot pilot) {
        this.deck = deck;
        this.pilot = pilot;
        this.episodeSeed = episodeSeed;
        if (fixed.isPresent()) {
            load(fixed.get(), "file " + fixed.get().id());
        } else {
            loadFromDeck(deck.level());
        }
    }

    private void loadFromDeck(DungeonLevel next) {
        load(next, deck.generatorName() + " seed " + deck.seed());
    }

    private void load(DungeonLevel next, String from) {
        level = next;
        source = from;
        solution = DungeonSolver.solve(next);
        env = pilot == null ? Dungeon.of(next) : pilot.dungeonFor(next);
        restart();
    }

    /** Starts the level again from its first tick, with the same enemy moves as before. */
    public void restart() {
        observation = env.reset(episodeSeed).observation();
        steps = 0;
        score = 0;
        motion.settle(env.game());
    }

    /** Plays one tick with a Dungeon action; does nothing once the episode is over. */
    public void tick(int action) {
        if (env.outcome() != Outcome.RUNNING) {
            return;
        }
        motion.beforeTick(env.game());
        StepResult<float[]> result = env.step(action);
        motion.afterTick(env.game());
        observation = result.observation();
        steps++;
        score += result.reward();
    }

    /** Lets the pilot choose and play one tick. */
    public void pilotTick() {
        if (pilot == null) {
            throw new IllegalStateException("no agent plays this session");
        }
        if (env.outcome() == Outcome.RUNNING) {
            tick(pilot.act(observation));
        }
    }

    /** N: the deck's next seed. */
    public void newLevel() {
        loadFromDeck(deck.next());
        message = "";
    }

    /** G: the deck's next generator. */
    public void cycleGenerator() {
        loadFromDeck(deck.cycle());
        message = "";
    }

    /**
     * S: writes the level as loaded to a new text file in {@code dir} (never over an existing one), atomically.
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

    public DungeonGame game() {
        return env.game();
    }

    public DungeonLevel level() {
        return level;
    }

    public Outcome outcome() {
        return env.outcome();
    }

    public int steps() {
        return steps;
    }

    public double score() {
        return score;
    }

    /** The shortest winning moves for the level as loaded (enemies ignored), from {@link DungeonSolver}. */
    public DungeonSolution solution() {
        return solution;
    }

    /** Where the level came from: "file NAME" or "GENERATOR seed S". */
    public String source() {
        return source;
    }

    public Optional<Pilot> pilot() {
        return Optional.ofNullable(pilot);
    }

    /** The entities after the last tick with the cells they came from. */
    public List<Sprite> sprites() {
        return motion.sprites();
    }

    /** The HUD's lines, top to bottom. */
    public List<String> hud() {
        List<String> lines = new ArrayList<>();
        lines.add((pilot == null ? "Play" : "Watch: " + pilot.label()) + "  |  level: " + source);
        lines.add(String.format(Locale.ROOT, "key: %s  |  score: %s  |  steps: %d  |  enemies: %d",
                env.keyHeld() ? "held" : "no", formatScore(score), steps, env.enemiesAlive()));
        lines.add("solution: " + (solution.playable() ? solution.length() + " moves" : "none")
                + "  |  playable: " + (solution.playable() ? "yes" : "no"));
        if (!message.isEmpty()) {
            lines.add(message);
        }
        return lines;
    }

    /** The big text over the level when the episode is over. */
    public Optional<String> banner() {
        return switch (env.outcome()) {
            case WIN -> Optional.of(pilot == null ? "YOU WIN!" : "AGENT WINS");
            case LOSS -> Optional.of(pilot == null ? "YOU DIED" : "AGENT DIED");
            case RUNNING -> Optional.empty();
        };
    }

    static String formatScore(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%.2f", s);
    }
}
