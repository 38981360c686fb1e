package dev.levelgym.envs.dungeon;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.InfoKeys;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.ResetResult;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.random.Pcg64;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Options;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import dev.levelgym.envs.spaces.Box;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.envs.spaces.Space;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Dungeon-v0: GVGAI's {@code zelda} as a Gymnasium-style environment. Fetch a key, then reach the goal door,
 * while random-moving enemies roam; a sword kills them. The full rules are in the resource
 * {@code dev/levelgym/envs/dungeon/dungeon.md}; in short:
 *
 * <p><b>Actions</b> ({@code Discrete(6)}): 0 noop, 1 up, 2 down, 3 left, 4 right, 5 use (swing the sword).
 *
 * <p><b>Rules</b> (GVGAI zelda's InteractionSet): walls and the level edge block everything; a door blocks the
 * avatar until it holds a key; entering a key picks it up (+1); entering a door with a key opens it (+1), and
 * the episode is won when no closed door remains; the avatar and an enemy on one cell kill the avatar (−1,
 * loss); an enemy on the sword's cell dies (+2); enemies block each other.
 *
 * <p><b>Tick order</b>: (1) the avatar acts: a move turns it to face that way and enters the cell unless blocked
 * (facing changes even when blocked, as GVGAI's avatars do); use places the sword on the faced cell for
 * {@value #SWORD_TICKS} ticks (GVGAI's {@code limit=5}), killing an enemy already there. Opening the last door
 * or walking into an enemy ends the tick. (2) Enemies, in level reading order, take a RandomNPC step: every tick
 * an enemy either repeats its last direction ({@code cons} ticks in a row) or draws one of four uniformly from
 * the env's generator, and moves only if {@code cooldown} ticks have passed since its last move attempt. As in
 * GVGAI, an enemy's first {@code cons} ticks repeat "no direction", so enemies stand still briefly at the start.
 * (3) The sword ages. The avatar starts facing right (GVGAI's default orientation).
 *
 * <p><b>Observation</b>: {@link DungeonChannel#COUNT}×H×W float32 planes, flat and row-major, in {@link DungeonChannel} order;
 * H×W is the level size, or (2r+1)×(2r+1) centred on the avatar with {@code view=egocentric}, outside = wall.
 * <b>Info</b>: {@code keyHeld} (Boolean), {@code result} ("running", "win", "loss"), {@code levelId}.
 *
 * <p><b>Options</b>: {@code level} (a level file or a directory of same-size files; excludes the procedural
 * options), {@code num_levels} (0 = unlimited, default), {@code start_level} (default 0), {@code width} and
 * {@code height} (procedural size, default 13×9 like GVGAI's levels), {@code view} ({@code full} or
 * {@code egocentric}), {@code view_radius} (egocentric only, default 4), {@code kill_reward} (the score of a kill,
 * default 2 as GVGAI's; 0 leaves the key and the door as the only scores, for training agents to win rather than
 * fight: a kill pays as much as a win, and comes to an agent that only stands and swings).
 */
public final class Dungeon implements Env<float[], Integer> {

    public static final String ID = "Dungeon-v0";

    /**
     * GVGAI's zelda has no Timeout of its own; the framework ends any game after 2000 ticks as a loss. Solutions
     * of 13×9 levels take tens of moves, so 500 steps leave ample room for detours and fights while keeping
     * exploration episodes short; the cut-off is a truncation, not a loss, so agents can bootstrap through it.
     */
    public static final int MAX_EPISODE_STEPS = 500;

    /**
     * Key (+1) plus door (+1) is the return of a clean win without kills, so averaging 2.0 means the agent
     * wins essentially always (kills, +2 each, can offset some losses).
     */
    public static final double REWARD_THRESHOLD = 2.0;

    /** How many ticks a swing stays on its cell, GVGAI zelda's sword {@code limit=5}. */
    public static final int SWORD_TICKS = 5;

    public static final int NOOP = 0;
    public static final int UP = 1;
    public static final int DOWN = 2;
    public static final int LEFT = 3;
    public static final int RIGHT = 4;
    public static final int USE = 5;

    public static final String OPT_LEVEL = "level";
    public static final String OPT_NUM_LEVELS = "num_levels";
    public static final String OPT_START_LEVEL = "start_level";
    public static final String OPT_WIDTH = "width";
    public static final String OPT_HEIGHT = "height";
    public static final String OPT_VIEW = "view";
    public static final String OPT_VIEW_RADIUS = "view_radius";
    public static final String OPT_KILL_REWARD = "kill_reward";
    public static final int DEFAULT_WIDTH = 13;
    public static final int DEFAULT_HEIGHT = 9;
    public static final int DEFAULT_VIEW_RADIUS = 4;
    /** GVGAI zelda's {@code enemy sword > killSprite scoreChange=2}. */
    public static final double DEFAULT_KILL_REWARD = 2.0;

    public static final EnvSpec<float[], Integer> SPEC = new EnvSpec<>(ID, Dungeon::create,
            OptionalInt.of(MAX_EPISODE_STEPS), OptionalDouble.of(REWARD_THRESHOLD), Options.empty(),
            Set.of(GoalDistanceShaping.OPTION, OPT_KILL_REWARD),
            Set.of(OPT_LEVEL, OPT_NUM_LEVELS, OPT_START_LEVEL, OPT_WIDTH, OPT_HEIGHT));

    private static final Set<String> KNOWN_OPTIONS = Set.of(OPT_LEVEL, OPT_NUM_LEVELS, OPT_START_LEVEL, OPT_WIDTH,
            OPT_HEIGHT, OPT_VIEW, OPT_VIEW_RADIUS, OPT_KILL_REWARD);
    private static final int TILE_PIXELS = 16;

    private final DungeonLevelSource source;
    private final boolean egocentric;
    private final int radius;
    private final Box observationSpace;
    private final Discrete actionSpace = new Discrete(6);

    private final DungeonGame game;
    private RandomGenerator random;
    /** Infos are immutable and few per level, so they are built once per reset rather than per step. */
    private final Map<String, Object>[] infos = newInfoArray();

    /**
     * The registry's factory: the env built from {@code options}, wrapped in {@link GoalDistanceShaping} when
     * {@code reward_shaping=goal_distance} (a reward transform is a wrapper, not a flag inside the env).
     */
    static Env<float[], Integer> create(Options options) {
        String shaping = options.getString(GoalDistanceShaping.OPTION, "none");
        Map<String, Object> rest = new java.util.TreeMap<>(options.values());
        rest.remove(GoalDistanceShaping.OPTION);
        Dungeon env = new Dungeon(new Options(rest));
        return switch (shaping) {
            case "none" -> env;
            case GoalDistanceShaping.GOAL_DISTANCE -> new GoalDistanceShaping(env);
            default -> throw new UserInputException(ID + ": option " + GoalDistanceShaping.OPTION
                    + " must be none or " + GoalDistanceShaping.GOAL_DISTANCE + ", got '" + shaping + "'");
        };
    }

    /** Builds the env from registry options (see the class comment). */
    public Dungeon(Options options) {
        this(levels(options.requireOnly(ID, KNOWN_OPTIONS)), DungeonView.of(options), killReward(options));
    }

    /** An env over the given levels with the full view. */
    public Dungeon(DungeonLevelSource source) {
        this(source, DungeonView.FULL);
    }

    /**
     * An env over the given levels, observed through {@code view} ({@link DungeonView#of} a training run's options
     * gives the view that run's agent was trained on), kills scored as GVGAI's.
     */
    public Dungeon(DungeonLevelSource source, DungeonView view) {
        this(source, view, DEFAULT_KILL_REWARD);
    }

    private Dungeon(DungeonLevelSource source, DungeonView view, double killReward) {
        this.source = java.util.Objects.requireNonNull(source, "source");
        this.egocentric = view.egocentric();
        this.radius = view.radius();
        this.game = new DungeonGame(killReward);
        this.observationSpace = space();
    }

    /** The levels the options {@code level}, or the procedural ones, ask for. */
    private static DungeonLevelSource levels(Options options) {
        options.requireApart(ID, OPT_LEVEL, "is for procedural levels", OPT_NUM_LEVELS, OPT_START_LEVEL, OPT_WIDTH,
                OPT_HEIGHT);
        if (options.has(OPT_LEVEL)) {
            return DungeonLevelSource.Fixed.load(Path.of(options.getString(OPT_LEVEL, "")));
        }
        return new DungeonLevelSource.Procedural(options.getLong(OPT_START_LEVEL, 0),
                options.getInt(OPT_NUM_LEVELS, 0), options.getInt(OPT_WIDTH, DEFAULT_WIDTH),
                options.getInt(OPT_HEIGHT, DEFAULT_HEIGHT));
    }

    private static double killReward(Options options) {
        double killReward = options.getDouble(OPT_KILL_REWARD, DEFAULT_KILL_REWARD);
        if (!Double.isFinite(killReward)) {
            throw new UserInputException(ID + ": option kill_reward must be a finite number, got " + killReward);
        }
        return killReward;
    }

    /** An env that plays one fixed level, full view; handy for tests and for hand-made levels. */
    public static Dungeon of(DungeonLevel level) {
        return new Dungeon(new DungeonLevelSource.Fixed(java.util.List.of(level)));
    }

    private Box space() {
        int h = egocentric ? 2 * radius + 1 : source.height();
        int w = egocentric ? 2 * radius + 1 : source.width();
        return Box.uniform(0f, 1f, DungeonChannel.COUNT, h, w);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] newInfoArray() {
        return new Map[2 * Outcome.values().length];
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
        load(source.next(random));
        return new ResetResult<>(observe(), info());
    }

    /** Loads the level and caches its infos, which are immutable and few (key held × outcome). */
    private void load(DungeonLevel next) {
        game.load(next);
        for (int k = 0; k < 2; k++) {
            for (Outcome o : Outcome.values()) {
                infos[k * Outcome.values().length + o.ordinal()] =
                        Map.of(InfoKeys.KEY_HELD, k == 1, InfoKeys.RESULT, o.label(), InfoKeys.LEVEL_ID, next.id());
            }
        }
    }

    @Override
    public StepResult<float[]> step(Integer action) {
        int a = actionSpace.requireContains(action, "action");
        double reward = game.tick(a, random);
        return new StepResult<>(observe(), reward, game.outcome() != Outcome.RUNNING, false, info());
    }

    private Map<String, Object> info() {
        return infos[(game.keyHeld() ? Outcome.values().length : 0) + game.outcome().ordinal()];
    }

    private float[] observe() {
        int width = game.width();
        int height = game.height();
        int avatar = game.avatarCell();
        int vh = egocentric ? 2 * radius + 1 : height;
        int vw = egocentric ? 2 * radius + 1 : width;
        int plane = vh * vw;
        float[] obs = new float[DungeonChannel.COUNT * plane];
        int ox = egocentric ? avatar % width - radius : 0;
        int oy = egocentric ? avatar / width - radius : 0;
        for (int vy = 0; vy < vh; vy++) {
            int y = oy + vy;
            for (int vx = 0; vx < vw; vx++) {
                int x = ox + vx;
                boolean inside = x >= 0 && y >= 0 && x < width && y < height;
                int channel = inside ? game.terrainChannel(y * width + x) : DungeonGame.T_WALL;
                obs[channel * plane + vy * vw + vx] = 1f;
            }
        }
        for (int i = 0; i < game.enemyCount(); i++) {
            if (game.enemyAlive(i)) {
                DungeonChannel ch = switch (game.enemyKind(i)) {
                    case ENEMY_QUICK -> DungeonChannel.ENEMY_QUICK;
                    case ENEMY_NORMAL -> DungeonChannel.ENEMY_NORMAL;
                    default -> DungeonChannel.ENEMY_SLOW;
                };
                mark(obs, ch, game.enemyCell(i), ox, oy, vw, vh);
            }
        }
        mark(obs, game.keyHeld() ? DungeonChannel.AVATAR_WITH_KEY : DungeonChannel.AVATAR, avatar, ox, oy, vw, vh);
        if (game.swordCell() >= 0) {
            mark(obs, DungeonChannel.SWORD, game.swordCell(), ox, oy, vw, vh);
        }
        if (game.facedCell() >= 0) {
            mark(obs, DungeonChannel.FACING, game.facedCell(), ox, oy, vw, vh);
        }
        return obs;
    }

    private void mark(float[] obs, DungeonChannel channel, int cell, int ox, int oy, int vw, int vh) {
        int vx = cell % game.width() - ox;
        int vy = cell / game.width() - oy;
        if (vx >= 0 && vy >= 0 && vx < vw && vy < vh) {
            obs[channel.ordinal() * vw * vh + vy * vw + vx] = 1f;
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
    public DungeonGame game() {
        return game;
    }

    /** The level being played (as loaded; the live state has keys and doors removed as the episode goes). */
    public DungeonLevel level() {
        return game.level();
    }

    public boolean keyHeld() {
        return game.keyHeld();
    }

    public Outcome outcome() {
        return game.outcome();
    }

    /** The avatar's cell, row-major. */
    public int avatarCell() {
        return game.avatarCell();
    }

    /** Live enemies. */
    public int enemiesAlive() {
        return game.enemiesAlive();
    }

    @Override
    public Rendering render(RenderMode mode) {
        if (game.level() == null) {
            throw new IllegalStateException(ID + ": call reset() before render()");
        }
        return switch (mode) {
            case ANSI -> new Rendering.Text(DungeonRenderer.ansi(game));
            case RGB -> DungeonRenderer.rgb(game, TILE_PIXELS);
        };
    }
}
