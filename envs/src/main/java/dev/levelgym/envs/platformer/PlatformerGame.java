package dev.levelgym.envs.platformer;

import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import java.util.Arrays;
import java.util.Objects;

/**
 * The live state and rules of one Platformer episode, free of rendering and of the Env contract so the env, the
 * demo and tests drive the same code. The rules are in {@code platformer.md}; the player's motion and its contacts
 * with enemies are the version's {@link PlatformerRules}, the enemies' walk {@link PlatformerPhysics#enemyStep}. The
 * game has no randomness: one level and one action sequence give one trajectory.
 */
public final class PlatformerGame {

    public static final int COIN_POINTS = 1;
    public static final int QUESTION_POINTS = 1;
    public static final int STOMP_POINTS = 2;

    /** Reward per column further right than ever before in the episode. */
    public static final double PROGRESS_REWARD = 0.1;
    /** Reward per score point (coins, question blocks, stomps). */
    public static final double POINT_REWARD = 0.5;
    public static final double WIN_REWARD = 10.0;
    /**
     * Small next to the win and to a level's progress (about 10 for 100 columns): a larger penalty makes standing
     * still, which a time limit ends without penalty, look better than trying a jump.
     */
    public static final double DEATH_REWARD = -1.0;

    private final PlatformerRules rules;
    private PlatformerLevel level;
    private PlatformerTile[] terrain;
    private int width;
    private long player;
    private int furthestX;
    private int score;
    private int ticks;
    private Outcome result = Outcome.RUNNING;

    private int[] enemyX = new int[0];
    private int[] enemyY = new int[0];
    private int[] enemyDir = new int[0];
    private boolean[] enemyAlive = new boolean[0];

    /** A game under Platformer-v1's rules. */
    public PlatformerGame() {
        this(PlatformerRules.V1);
    }

    public PlatformerGame(PlatformerRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Starts an episode on {@code next}: the player at the level's start, enemies on their {@code E} cells. */
    public void load(PlatformerLevel next) {
        level = next;
        width = next.width();
        terrain = new PlatformerTile[next.cellCount()];
        int enemies = next.count(PlatformerTile.ENEMY);
        enemyX = new int[enemies];
        enemyY = new int[enemies];
        enemyDir = new int[enemies];
        enemyAlive = new boolean[enemies];
        int e = 0;
        for (int c = 0; c < terrain.length; c++) {
            PlatformerTile t = next.tile(c);
            if (t == PlatformerTile.ENEMY) {
                enemyX[e] = c % width;
                enemyY[e] = c / width;
                enemyDir[e] = -1;
                enemyAlive[e] = true;
                e++;
                t = PlatformerTile.EMPTY;
            }
            terrain[c] = t;
        }
        player = rules.start(next);
        furthestX = rules.lastColumn(player);
        score = 0;
        ticks = 0;
        result = Outcome.RUNNING;
    }

    /**
     * Plays one tick (see the class comment) and returns its reward.
     *
     * @throws IllegalStateException if no level is loaded or the episode is over
     */
    public double tick(int action) {
        if (level == null || result != Outcome.RUNNING) {
            throw new IllegalStateException("no running episode: load a level first");
        }
        if (action < 0 || action >= PlatformerRules.ACTIONS) {
            throw new IllegalArgumentException("action must be in [0, " + PlatformerRules.ACTIONS + "), got " + action);
        }
        ticks++;
        int points = 0;
        long before = player;
        long step = rules.step(level, player, action);
        player = PlatformerRules.withoutFlags(step);
        if (PlatformerRules.dead(step)) {
            result = Outcome.LOSS;
            return DEATH_REWARD;
        }
        int first = rules.column(player);
        int last = rules.lastColumn(player);
        int y = PlatformerRules.y(player);
        // The horizontal part of a move happens on the old row, so the cells passed on every row from there to
        // the new one give their coins.
        int oldY = PlatformerRules.y(before);
        for (int row = Math.min(oldY, y); row <= Math.max(oldY, y); row++) {
            for (int column = first; column <= last; column++) {
                points += takeCoin(column, row);
            }
        }
        if (PlatformerRules.bumped(step)) {
            for (int column = first; column <= last; column++) {
                int cell = (y - 1) * width + column;
                if (terrain[cell] == PlatformerTile.QUESTION) {
                    terrain[cell] = PlatformerTile.QUESTION_USED;
                    points += QUESTION_POINTS;
                }
            }
        }
        for (int i = 0; i < enemyAlive.length; i++) {
            if (!enemyAlive[i]) {
                continue;
            }
            switch (rules.contact(before, step, enemyX[i], enemyY[i])) {
                case HIT -> {
                    result = Outcome.LOSS;
                    return DEATH_REWARD;
                }
                case STOMP -> {
                    enemyAlive[i] = false;
                    points += STOMP_POINTS;
                    player = rules.bounce(player);
                }
                case NONE -> { }
            }
        }
        double reward = 0;
        if (last > furthestX) {
            reward += PROGRESS_REWARD * (last - furthestX);
            furthestX = last;
        }
        score += points;
        reward += POINT_REWARD * points;
        if (last == width - 1) {
            result = Outcome.WIN;
            return reward + WIN_REWARD;
        }
        if (rules.enemiesMoveOn(ticks)) {
            moveEnemies();
            for (int i = 0; i < enemyAlive.length; i++) {
                if (enemyAlive[i] && rules.occupies(player, enemyX[i], enemyY[i])) {
                    result = Outcome.LOSS;
                    return reward + DEATH_REWARD;
                }
            }
        }
        return reward;
    }

    private int takeCoin(int cx, int cy) {
        int cell = cy * width + cx;
        if (terrain[cell] == PlatformerTile.COIN) {
            terrain[cell] = PlatformerTile.EMPTY;
            return COIN_POINTS;
        }
        return 0;
    }

    /** Every live enemy takes its {@link PlatformerPhysics#enemyStep}; one falling out of the level is gone. */
    private void moveEnemies() {
        for (int i = 0; i < enemyAlive.length; i++) {
            if (enemyAlive[i]) {
                int step = PlatformerPhysics.enemyStep(level, enemyX[i], enemyY[i], enemyDir[i]);
                enemyX[i] = PlatformerPhysics.x(step);
                enemyY[i] = PlatformerPhysics.y(step);
                enemyDir[i] = PlatformerPhysics.enemyDirection(step);
                enemyAlive[i] = enemyY[i] < level.height();
            }
        }
    }

    public PlatformerLevel level() {
        return level;
    }

    /** The rules this game plays by. */
    public PlatformerRules rules() {
        return rules;
    }

    /** The player's state as {@link PlatformerRules} packs it (without step flags). */
    public long playerState() {
        return player;
    }

    public int width() {
        return width;
    }

    /** The live tile at (x, y): taken coins are empty, bumped question blocks used, enemy start cells empty. */
    public PlatformerTile tile(int tx, int ty) {
        if (tx < 0 || tx >= width || ty < 0 || ty >= level.height()) {
            throw new IndexOutOfBoundsException("(" + tx + ", " + ty + ") is outside " + width + "x"
                    + level.height());
        }
        return terrain[ty * width + tx];
    }

    /** The leftmost column the player occupies (in v1 it may straddle this one and the next). */
    public int playerX() {
        return rules.column(player);
    }

    /** The player's horizontal position in columns, with its fraction: {@code playerX()} plus 0, 1/3 or 2/3. */
    public double playerPosition() {
        return (double) PlatformerRules.xs(player) / rules.subcolumns();
    }

    /** The player's row; the level's height after falling out of it. */
    public int playerY() {
        return PlatformerRules.y(player);
    }

    /** Rows of rise left in the current jump while jump is held; 0 when standing or falling. */
    public int rise() {
        return rules.rise(player);
    }

    /** The rightmost column the player has reached this episode. */
    public int furthestX() {
        return furthestX;
    }

    /** furthestX / (width − 1): 1 at a win. */
    public double progress() {
        return (double) furthestX / (width - 1);
    }

    /** Points from coins, question blocks and stomps. */
    public int score() {
        return score;
    }

    public int ticks() {
        return ticks;
    }

    public Outcome result() {
        return result;
    }

    /** Enemies of the level, alive or not, in level reading order of their start cells. */
    public int enemyCount() {
        return enemyAlive.length;
    }

    public boolean enemyAlive(int i) {
        return enemyAlive[i];
    }

    public int enemyX(int i) {
        return enemyX[i];
    }

    public int enemyY(int i) {
        return enemyY[i];
    }

    /** -1 walking left, 1 walking right. */
    public int enemyDirection(int i) {
        return enemyDir[i];
    }

    public int enemiesAlive() {
        int n = 0;
        for (boolean a : enemyAlive) {
            if (a) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "PlatformerGame[" + (level == null ? "no level" : level.id()) + ", player (" + playerPosition() + ", "
                + playerY() + "), rise " + rise() + ", " + result.label() + ", enemies " + Arrays.toString(enemyAlive)
                + "]";
    }
}
