package dev.levelgym.envs.platformer;

import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerPhysics;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import java.util.Arrays;

/**
 * The live state and rules of one Platformer-v0 episode, free of rendering and of the Env contract so the env,
 * the demo and tests drive the same code. The rules are in {@code platformer.md}; the player's motion is
 * {@link PlatformerPhysics}. The game has no randomness: one level and one action sequence give one trajectory.
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

    private PlatformerLevel level;
    private PlatformerTile[] terrain;
    private int width;
    private int x;
    private int y;
    private int rise;
    private int furthestX;
    private int score;
    private int ticks;
    private Outcome result = Outcome.RUNNING;

    private int[] enemyX = new int[0];
    private int[] enemyY = new int[0];
    private int[] enemyDir = new int[0];
    private boolean[] enemyAlive = new boolean[0];

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
        x = next.startX();
        y = next.startY();
        rise = 0;
        furthestX = x;
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
        if (action < 0 || action >= PlatformerPhysics.ACTIONS) {
            throw new IllegalArgumentException("action must be in [0, " + PlatformerPhysics.ACTIONS + "), got " + action);
        }
        ticks++;
        int points = 0;
        int step = PlatformerPhysics.step(level, x, y, rise, action);
        int oldY = y;
        x = PlatformerPhysics.x(step);
        y = PlatformerPhysics.y(step);
        rise = PlatformerPhysics.rise(step);
        if (PlatformerPhysics.dead(step)) {
            result = Outcome.LOSS;
            return DEATH_REWARD;
        }
        // The horizontal part of a move happens on the old row, so a diagonal move takes a coin there too.
        points += takeCoin(x, oldY);
        points += takeCoin(x, y);
        if (PlatformerPhysics.bumped(step)) {
            int cell = (y - 1) * width + x;
            if (terrain[cell] == PlatformerTile.QUESTION) {
                terrain[cell] = PlatformerTile.QUESTION_USED;
                points += QUESTION_POINTS;
            }
        }
        boolean fell = PlatformerPhysics.fell(step);
        for (int i = 0; i < enemyAlive.length; i++) {
            if (enemyAlive[i] && enemyX[i] == x && enemyY[i] == y) {
                if (!fell) {
                    result = Outcome.LOSS;
                    return DEATH_REWARD;
                }
                enemyAlive[i] = false;
                points += STOMP_POINTS;
                rise = PlatformerPhysics.STOMP_BOUNCE;
            }
        }
        double reward = 0;
        if (x > furthestX) {
            reward += PROGRESS_REWARD * (x - furthestX);
            furthestX = x;
        }
        score += points;
        reward += POINT_REWARD * points;
        if (x == width - 1) {
            result = Outcome.WIN;
            return reward + WIN_REWARD;
        }
        if (PlatformerPhysics.enemiesMoveOn(ticks)) {
            moveEnemies();
            for (int i = 0; i < enemyAlive.length; i++) {
                if (enemyAlive[i] && enemyX[i] == x && enemyY[i] == y) {
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
                enemyAlive[i] = enemyY[i] < PlatformerLevel.HEIGHT;
            }
        }
    }

    public PlatformerLevel level() {
        return level;
    }

    public int width() {
        return width;
    }

    /** The live tile at (x, y): taken coins are empty, bumped question blocks used, enemy start cells empty. */
    public PlatformerTile tile(int tx, int ty) {
        if (tx < 0 || tx >= width || ty < 0 || ty >= PlatformerLevel.HEIGHT) {
            throw new IndexOutOfBoundsException("(" + tx + ", " + ty + ") is outside " + width + "x"
                    + PlatformerLevel.HEIGHT);
        }
        return terrain[ty * width + tx];
    }

    public int playerX() {
        return x;
    }

    /** The player's row; {@value PlatformerLevel#HEIGHT} after falling out of the level. */
    public int playerY() {
        return y;
    }

    /** Ticks of rising left in the current jump; 0 when standing or falling. */
    public int rise() {
        return rise;
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
        return "PlatformerGame[" + (level == null ? "no level" : level.id()) + ", player (" + x + ", " + y
                + "), rise " + rise + ", " + result.label() + ", enemies " + Arrays.toString(enemyAlive) + "]";
    }
}
