package dev.levelgym.envs.platformer;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.InfoKeys;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.platformer.level.MomentumRules;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Options;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Platformer-v1 (and v0): a side-scroller on the tile grid of the VGLC Super Mario Bros format. Run and jump to the
 * right edge; pits kill, walking enemies kill on contact and die when stomped; coins, question blocks and stomps
 * score. The rules are in the resource {@code dev/levelgym/envs/platformer/platformer.md}, in {@link PlatformerGame}
 * and in the version's {@link PlatformerRules}: v1 moves like Super Mario Bros (speed that builds up, jumps as high
 * as jump is held, higher and longer from a run: {@link MomentumRules}); v0, kept unchanged so its published figures
 * reproduce, has one fixed jump ({@link PlatformerPhysics}).
 *
 * <p><b>Actions</b> ({@code Discrete(6)}, both versions): 0 noop, 1 left, 2 right, 3 jump, 4 jump-left,
 * 5 jump-right. In v1 a jump action held on following ticks keeps the jump rising.
 *
 * <p><b>Observation</b>: P×R×C float32 planes ({@link PlatformerChannel}; P = 8 in v0, 11 in v1), flat and
 * row-major, of an R×C window that follows the player like a side-scroller's camera: the player's column is window
 * column C/4, and the window shows rows {@code [top, top+R)} with top = clamp(playerRow − R/2, 0, H − R) for a
 * level H rows high; when R ≥ H, v1 aligns the level's bottom row with the window's (sky above), v0 its top row.
 * Defaults R = 14, C = 16. v1 adds the player's speed, fall stage and sub-column position, so the observation
 * holds the whole state of the player's motion.
 *
 * <p><b>Info</b>: {@code result} ("running", "win", "loss"), {@code x} (player column), {@code progress}
 * (furthest column / (width − 1)), {@code score}, {@code levelId}.
 *
 * <p><b>Options</b>: {@code level} (a VGLC file or a directory of them, of any height; excludes the procedural
 * options), {@code num_levels} (0 = unlimited, default), {@code start_level} (default 0), {@code width}
 * (procedural, default {@value #DEFAULT_WIDTH}), {@code height} (procedural, v1 only, default 14),
 * {@code view_rows} (default 14), {@code view_cols} (default 16).
 */
public final class Platformer implements Env<float[], Integer> {

    /** The current version: Super Mario Bros-like momentum and variable jumps. */
    public static final String ID = "Platformer-v1";
    /** The first version, one fixed jump; still registered so figures published with it reproduce. */
    public static final String ID_V0 = "Platformer-v0";

    /**
     * Shortest solutions of the default 100-column levels take about 110 ticks and of the bundled 150–250-column
     * levels up to about 300 (in both versions: the player runs at most a column per tick); 1000 leaves room for
     * waiting on enemies and detours while keeping stuck episodes short. A truncation, not a loss.
     */
    public static final int MAX_EPISODE_STEPS = 1000;

    /**
     * A win on a default 100-column level returns at least 0.1 × 99 (progress) + 10 (win) = 19.9, while a loss
     * returns at most 9.9 − 1 plus point rewards; averaging 15 means the agent wins nearly always.
     */
    public static final double REWARD_THRESHOLD = 15.0;

    public static final String OPT_LEVEL = "level";
    public static final String OPT_NUM_LEVELS = "num_levels";
    public static final String OPT_START_LEVEL = "start_level";
    public static final String OPT_WIDTH = "width";
    /** Procedural level height (v1 only), default {@value PlatformerLevel#HEIGHT}. */
    public static final String OPT_HEIGHT = "height";
    public static final String OPT_VIEW_ROWS = "view_rows";
    public static final String OPT_VIEW_COLS = "view_cols";
    public static final int DEFAULT_WIDTH = 100;
    public static final int DEFAULT_VIEW_ROWS = PlatformerLevel.HEIGHT;
    public static final int DEFAULT_VIEW_COLS = 16;

    /** Platformer-v1: the options that choose levels include {@value #OPT_HEIGHT}. */
    public static final EnvSpec<float[], Integer> SPEC = new EnvSpec<>(ID,
            options -> new Platformer(PlatformerRules.V1, options), OptionalInt.of(MAX_EPISODE_STEPS),
            OptionalDouble.of(REWARD_THRESHOLD), Options.empty(), Set.of(),
            Set.of(OPT_LEVEL, OPT_NUM_LEVELS, OPT_START_LEVEL, OPT_WIDTH, OPT_HEIGHT));
    /** Platformer-v0: levels {@value PlatformerLevel#HEIGHT} rows high, so no {@value #OPT_HEIGHT} option. */
    public static final EnvSpec<float[], Integer> SPEC_V0 = new EnvSpec<>(ID_V0,
            options -> new Platformer(PlatformerRules.V0, options), OptionalInt.of(MAX_EPISODE_STEPS),
            OptionalDouble.of(REWARD_THRESHOLD), Options.empty(), Set.of(),
            Set.of(OPT_LEVEL, OPT_NUM_LEVELS, OPT_START_LEVEL, OPT_WIDTH));

    private static final Set<String> KNOWN_OPTIONS = Set.of(OPT_LEVEL, OPT_NUM_LEVELS, OPT_START_LEVEL, OPT_WIDTH,
            OPT_HEIGHT, OPT_VIEW_ROWS, OPT_VIEW_COLS);
    private static final int TILE_PIXELS = 16;

    private final PlatformerRules rules;
    private final String id;
    private final PlatformerLevelSource source;
    private final int viewRows;
    private final int viewCols;
    private final int planes;
    private final Box observationSpace;
    private final Discrete actionSpace = new Discrete(PlatformerRules.ACTIONS);
    private final PlatformerGame game;
    private RandomGenerator random;

    /** Builds the env of {@code rules}' version from registry options (see the class comment). */
    public Platformer(PlatformerRules rules, Options options) {
        this(rules, levels(rules, options.requireOnly(idOf(rules), KNOWN_OPTIONS)), PlatformerView.of(options));
    }

    /**
     * An env of {@code rules}' version over the given levels through the camera window {@code view}
     * ({@link PlatformerView#of} a training run's options gives the window that run's agent was trained on).
     */
    public Platformer(PlatformerRules rules, PlatformerLevelSource source, PlatformerView view) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.id = idOf(rules);
        this.game = new PlatformerGame(rules);
        this.source = Objects.requireNonNull(source, "source");
        this.viewRows = view.rows();
        this.viewCols = view.cols();
        this.planes = PlatformerChannel.planes(rules);
        this.observationSpace = Box.uniform(0f, 1f, planes, viewRows, viewCols);
    }

    /** A Platformer-v1 env that plays one fixed level with the default window; handy for tests and hand-made levels. */
    public static Platformer of(PlatformerLevel level) {
        return of(level, PlatformerRules.V1);
    }

    /** An env of {@code rules}' version that plays one fixed level with the default window. */
    public static Platformer of(PlatformerLevel level, PlatformerRules rules) {
        return new Platformer(rules, new PlatformerLevelSource.Fixed(List.of(level)), PlatformerView.DEFAULT);
    }

    /** The levels the options {@code level}, or the procedural ones, ask for, completable under {@code rules}. */
    private static PlatformerLevelSource levels(PlatformerRules rules, Options options) {
        String id = idOf(rules);
        options.requireApart(id, OPT_LEVEL, "is for procedural levels", OPT_NUM_LEVELS, OPT_START_LEVEL, OPT_WIDTH,
                OPT_HEIGHT);
        if (options.has(OPT_LEVEL)) {
            return PlatformerLevelSource.Fixed.load(Path.of(options.getString(OPT_LEVEL, "")));
        }
        if (options.has(OPT_HEIGHT) && rules.version() == 0) {
            throw new UserInputException(id + ": option " + OPT_HEIGHT + " is new in " + ID + "; " + id
                    + " levels are " + PlatformerLevel.HEIGHT + " rows high");
        }
        return new PlatformerLevelSource.Procedural(options.getLong(OPT_START_LEVEL, 0),
                options.getInt(OPT_NUM_LEVELS, 0), options.getInt(OPT_WIDTH, DEFAULT_WIDTH),
                options.getInt(OPT_HEIGHT, PlatformerLevel.HEIGHT), rules);
    }

    /** The env id of a version's rules: {@value #ID} or {@value #ID_V0}. */
    public static String idOf(PlatformerRules rules) {
        return rules.version() == 0 ? ID_V0 : ID;
    }

    /** The rules of an env id ({@value #ID} or {@value #ID_V0}). */
    public static PlatformerRules rulesOf(String envId) {
        return switch (envId) {
            case ID -> PlatformerRules.V1;
            case ID_V0 -> PlatformerRules.V0;
            default -> throw new UserInputException("not a Platformer env id: '" + envId + "' (" + ID + " or "
                    + ID_V0 + ")");
        };
    }

    /** This env's id: {@value #ID} or {@value #ID_V0}. */
    public String id() {
        return id;
    }

    /** The rules this env plays by. */
    public PlatformerRules rules() {
        return rules;
    }

    @Override
    public ResetResult<float[]> reset(long seed) {
        if (seed < 0) {
            throw new UserInputException("seed must be non-negative, got " + seed);
        }
        random = Pcg64.seeded(seed);
        return start();
    }

    @Override
    public ResetResult<float[]> reset() {
        if (random == null) {
            random = Pcg64.fromEntropy();
        }
        return start();
    }

    private ResetResult<float[]> start() {
        game.load(source.next(random));
        return new ResetResult<>(observe(), info());
    }

    @Override
    public StepResult<float[]> step(Integer action) {
        int a = actionSpace.requireContains(action, "action");
        double reward = game.tick(a);
        return new StepResult<>(observe(), reward, game.result() != Outcome.RUNNING, false, info());
    }

    private Map<String, Object> info() {
        return Map.of(InfoKeys.RESULT, game.result().label(), InfoKeys.X, game.playerX(), InfoKeys.PROGRESS,
                game.progress(), InfoKeys.SCORE, game.score(), InfoKeys.LEVEL_ID, game.level().id());
    }

    private float[] observe() {
        int plane = viewRows * viewCols;
        float[] obs = new float[planes * plane];
        int px = game.playerX();
        int py = game.playerY();
        int height = game.level().height();
        int left = px - viewCols / 4;
        int top = viewRows >= height ? (rules.version() == 0 ? 0 : height - viewRows)
                : Math.max(0, Math.min(py - viewRows / 2, height - viewRows));
        int width = game.width();
        for (int vy = 0; vy < viewRows; vy++) {
            int y = top + vy;
            for (int vx = 0; vx < viewCols; vx++) {
                int x = left + vx;
                PlatformerChannel terrain;
                if (x < 0) {
                    terrain = PlatformerChannel.SOLID;
                } else if (x >= width) {
                    terrain = PlatformerChannel.GOAL;
                } else if (y < 0 || y >= height) {
                    terrain = PlatformerChannel.EMPTY;
                } else {
                    PlatformerTile t = game.tile(x, y);
                    terrain = t == PlatformerTile.QUESTION ? PlatformerChannel.QUESTION
                            : t == PlatformerTile.COIN ? PlatformerChannel.COIN
                            : t.solid() ? PlatformerChannel.SOLID : PlatformerChannel.EMPTY;
                }
                obs[terrain.ordinal() * plane + vy * viewCols + vx] = 1f;
            }
        }
        for (int i = 0; i < game.enemyCount(); i++) {
            if (game.enemyAlive(i)) {
                mark(obs, PlatformerChannel.ENEMY, game.enemyX(i) - left, game.enemyY(i) - top, 1f);
            }
        }
        if (rules.version() == 0) {
            mark(obs, PlatformerChannel.PLAYER, px - left, py - top, 1f);
            if (game.rise() > 0) {
                mark(obs, PlatformerChannel.RISING, px - left, py - top, 1f);
            }
        } else {
            observeMotion(obs, px - left, py - top);
        }
        return obs;
    }

    /**
     * v1's player planes, on each column the player covers: PLAYER the share of the cell it covers (1, or 2/3 and
     * 1/3 when straddling), and its speed, rise and fall stage as fractions of their maxima, so the window holds the
     * whole motion state.
     */
    private void observeMotion(float[] obs, int vx, int vy) {
        long s = game.playerState();
        int sub = PlatformerRules.xs(s) % MomentumRules.SUBCOLUMNS;
        int speed = MomentumRules.speed(s);
        float[] cover = {(float) (MomentumRules.SUBCOLUMNS - sub) / MomentumRules.SUBCOLUMNS,
            (float) sub / MomentumRules.SUBCOLUMNS};
        for (int i = 0; i < (sub == 0 ? 1 : 2); i++) {
            mark(obs, PlatformerChannel.PLAYER, vx + i, vy, cover[i]);
            mark(obs, PlatformerChannel.RISING, vx + i, vy, (float) rules.rise(s) / MomentumRules.HOLD_RISE);
            mark(obs, PlatformerChannel.FALLING, vx + i, vy, MomentumRules.fallStage(s) / 3f);
            mark(obs, speed > 0 ? PlatformerChannel.SPEED_RIGHT : PlatformerChannel.SPEED_LEFT, vx + i, vy,
                    (float) Math.abs(speed) / MomentumRules.RUN_SPEED);
        }
    }

    private void mark(float[] obs, PlatformerChannel channel, int vx, int vy, float value) {
        if (vx >= 0 && vy >= 0 && vx < viewCols && vy < viewRows) {
            obs[channel.ordinal() * viewRows * viewCols + vy * viewCols + vx] = value;
        }
    }

    @Override
    public Space<float[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<Integer> actionSpace() {
        return actionSpace;
    }

    /** The game this env plays: its live state and rules. */
    public PlatformerGame game() {
        return game;
    }

    /** The level being played, as loaded. */
    public PlatformerLevel level() {
        return game.level();
    }

    @Override
    public Rendering render(RenderMode mode) {
        if (game.level() == null) {
            throw new IllegalStateException(id + ": call reset() before render()");
        }
        return switch (mode) {
            case ANSI -> new Rendering.Text(PlatformerRenderer.ansi(game));
            case RGB -> PlatformerRenderer.rgb(game, TILE_PIXELS);
        };
    }
}
