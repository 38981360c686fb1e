package dev.levelgym.envs.platformer;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.InfoKeys;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
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
 * Platformer-v0: a side-scroller on the tile grid of the VGLC Super Mario Bros format. Run and jump to the right
 * edge; pits kill, walking enemies kill on contact and die when stomped; coins, question blocks and stomps score.
 * The rules are in the resource {@code dev/levelgym/envs/platformer/platformer.md} and in {@link PlatformerGame}
 * and {@link PlatformerPhysics}.
 *
 * <p><b>Actions</b> ({@code Discrete(6)}): 0 noop, 1 left, 2 right, 3 jump, 4 jump-left, 5 jump-right.
 *
 * <p><b>Observation</b>: {@link PlatformerChannel#COUNT}×R×C float32 one-hot planes, flat and row-major, of an
 * R×C window that follows the player like a side-scroller's camera: the player's column is window column C/4,
 * and the window shows rows {@code [top, top+R)} with top = clamp(playerRow − R/2, 0, 14 − R) (top 0 when
 * R ≥ 14). Defaults R = 14, C = 16.
 *
 * <p><b>Info</b>: {@code result} ("running", "win", "loss"), {@code x} (player column), {@code progress}
 * (furthest column / (width − 1)), {@code score}, {@code levelId}.
 *
 * <p><b>Options</b>: {@code level} (a VGLC file or a directory of them; excludes the procedural options),
 * {@code num_levels} (0 = unlimited, default), {@code start_level} (default 0), {@code width} (procedural,
 * default {@value #DEFAULT_WIDTH}), {@code view_rows} (default 14), {@code view_cols} (default 16).
 */
public final class Platformer implements Env<float[], Integer> {

    public static final String ID = "Platformer-v0";

    /**
     * Shortest solutions of the default 100-column levels take about 110 ticks and of the bundled 150–250-column
     * levels up to about 300; 1000 leaves room for waiting on enemies and detours while keeping stuck episodes
     * short. A truncation, not a loss.
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
    public static final String OPT_VIEW_ROWS = "view_rows";
    public static final String OPT_VIEW_COLS = "view_cols";
    public static final int DEFAULT_WIDTH = 100;
    public static final int DEFAULT_VIEW_ROWS = PlatformerLevel.HEIGHT;
    public static final int DEFAULT_VIEW_COLS = 16;

    public static final EnvSpec<float[], Integer> SPEC = new EnvSpec<>(ID, Platformer::new,
            OptionalInt.of(MAX_EPISODE_STEPS), OptionalDouble.of(REWARD_THRESHOLD), Options.empty(), Set.of(),
            Set.of(OPT_LEVEL, OPT_NUM_LEVELS, OPT_START_LEVEL, OPT_WIDTH));

    private static final Set<String> KNOWN_OPTIONS = Set.of(OPT_LEVEL, OPT_NUM_LEVELS, OPT_START_LEVEL, OPT_WIDTH,
            OPT_VIEW_ROWS, OPT_VIEW_COLS);
    private static final int TILE_PIXELS = 16;

    private final PlatformerLevelSource source;
    private final int viewRows;
    private final int viewCols;
    private final Box observationSpace;
    private final Discrete actionSpace = new Discrete(PlatformerPhysics.ACTIONS);
    private final PlatformerGame game = new PlatformerGame();
    private RandomGenerator random;

    /** Builds the env from registry options (see the class comment). */
    public Platformer(Options options) {
        this(levels(options.requireOnly(ID, KNOWN_OPTIONS)), PlatformerView.of(options));
    }

    /**
     * An env over the given levels through the camera window {@code view} ({@link PlatformerView#of} a training
     * run's options gives the window that run's agent was trained on).
     */
    public Platformer(PlatformerLevelSource source, PlatformerView view) {
        this.source = Objects.requireNonNull(source, "source");
        this.viewRows = view.rows();
        this.viewCols = view.cols();
        this.observationSpace = Box.uniform(0f, 1f, PlatformerChannel.COUNT, viewRows, viewCols);
    }

    /** An env that plays one fixed level with the default window; handy for tests and hand-made levels. */
    public static Platformer of(PlatformerLevel level) {
        return new Platformer(new PlatformerLevelSource.Fixed(List.of(level)), PlatformerView.DEFAULT);
    }

    /** The levels the options {@code level}, or the procedural ones, ask for. */
    private static PlatformerLevelSource levels(Options options) {
        options.requireApart(ID, OPT_LEVEL, "is for procedural levels", OPT_NUM_LEVELS, OPT_START_LEVEL, OPT_WIDTH);
        if (options.has(OPT_LEVEL)) {
            return PlatformerLevelSource.Fixed.load(Path.of(options.getString(OPT_LEVEL, "")));
        }
        return new PlatformerLevelSource.Procedural(options.getLong(OPT_START_LEVEL, 0),
                options.getInt(OPT_NUM_LEVELS, 0), options.getInt(OPT_WIDTH, DEFAULT_WIDTH));
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
        float[] obs = new float[PlatformerChannel.COUNT * plane];
        int px = game.playerX();
        int py = game.playerY();
        int left = px - viewCols / 4;
        int top = viewRows >= PlatformerLevel.HEIGHT ? 0
                : Math.max(0, Math.min(py - viewRows / 2, PlatformerLevel.HEIGHT - viewRows));
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
                } else if (y < 0 || y >= PlatformerLevel.HEIGHT) {
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
                mark(obs, PlatformerChannel.ENEMY, game.enemyX(i) - left, game.enemyY(i) - top);
            }
        }
        mark(obs, PlatformerChannel.PLAYER, px - left, py - top);
        if (game.rise() > 0) {
            mark(obs, PlatformerChannel.RISING, px - left, py - top);
        }
        return obs;
    }

    private void mark(float[] obs, PlatformerChannel channel, int vx, int vy) {
        if (vx >= 0 && vy >= 0 && vx < viewCols && vy < viewRows) {
            obs[channel.ordinal() * viewRows * viewCols + vy * viewCols + vx] = 1f;
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
            throw new IllegalStateException(ID + ": call reset() before render()");
        }
        return switch (mode) {
            case ANSI -> new Rendering.Text(PlatformerRenderer.ansi(game));
            case RGB -> PlatformerRenderer.rgb(game, TILE_PIXELS);
        };
    }
}
