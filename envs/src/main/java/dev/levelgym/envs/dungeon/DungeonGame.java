package dev.levelgym.envs.dungeon;

import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The live state of one Dungeon episode and its rules (GVGAI zelda; see {@code dungeon.md}): what a tick does to
 * the avatar, the enemies and the sword, and the rewards it earns. Kept apart from {@link Dungeon}, which turns
 * this state into observations and infos, so anything that plays the game (the env, a renderer, a demo) shares
 * one copy of the rules.
 *
 * <p>State lives in primitive arrays indexed by cell (row-major) so a tick allocates nothing.
 */
public final class DungeonGame {

    private static final int[] DX = {0, 0, -1, 1};
    private static final int[] DY = {-1, 1, 0, 0};
    private static final int FACING_RIGHT = 3;
    static final byte T_WALL = (byte) DungeonChannel.WALL.ordinal();
    static final byte T_FLOOR = (byte) DungeonChannel.FLOOR.ordinal();
    static final byte T_KEY = (byte) DungeonChannel.KEY.ordinal();
    static final byte T_DOOR = (byte) DungeonChannel.DOOR.ordinal();

    private DungeonLevel level;
    private int width;
    private int height;
    private byte[] terrain = new byte[0];
    private int[] enemyAt = new int[0];
    private int enemyCount;
    private int[] enemyCell = new int[0];
    private DungeonTile[] enemyKind = new DungeonTile[0];
    private int[] enemyLastMove = new int[0];
    private int[] enemyCounter = new int[0];
    private int[] enemyDirection = new int[0];
    private boolean[] enemyAlive = new boolean[0];
    private int avatar;
    private int facing;
    private boolean keyHeld;
    private int doorsLeft;
    private int swordCell;
    private int swordTicks;
    private Outcome outcome = Outcome.RUNNING;
    private final double killReward;

    /** A game whose kills score {@code killReward} each (GVGAI's zelda: 2). */
    public DungeonGame(double killReward) {
        this.killReward = killReward;
    }

    /** Starts an episode on {@code next}: avatar at its start facing right, no key, every enemy at rest. */
    public void load(DungeonLevel next) {
        level = next;
        width = next.width();
        height = next.height();
        int cells = width * height;
        if (terrain.length != cells) {
            terrain = new byte[cells];
            enemyAt = new int[cells];
        }
        Arrays.fill(enemyAt, -1);
        enemyCount = 0;
        doorsLeft = 0;
        for (int c = 0; c < cells; c++) {
            DungeonTile t = next.tile(c);
            terrain[c] = switch (t) {
                case WALL -> T_WALL;
                case KEY -> T_KEY;
                case DOOR -> T_DOOR;
                default -> T_FLOOR;
            };
            if (t == DungeonTile.DOOR) {
                doorsLeft++;
            } else if (t.isEnemy()) {
                addEnemy(c, t);
            }
        }
        avatar = next.avatarCell();
        facing = FACING_RIGHT;
        keyHeld = false;
        swordCell = -1;
        swordTicks = 0;
        outcome = Outcome.RUNNING;
    }

    private void addEnemy(int cell, DungeonTile kind) {
        int i = enemyCount++;
        if (i >= enemyCell.length) {
            int n = Math.max(4, 2 * enemyCell.length);
            enemyCell = Arrays.copyOf(enemyCell, n);
            enemyKind = Arrays.copyOf(enemyKind, n);
            enemyLastMove = Arrays.copyOf(enemyLastMove, n);
            enemyCounter = Arrays.copyOf(enemyCounter, n);
            enemyDirection = Arrays.copyOf(enemyDirection, n);
            enemyAlive = Arrays.copyOf(enemyAlive, n);
        }
        enemyCell[i] = cell;
        enemyKind[i] = kind;
        enemyLastMove[i] = 0;
        // GVGAI's RandomNPC starts with counter 0 and "no direction", so it repeats nothing for cons ticks.
        enemyCounter[i] = 0;
        enemyDirection[i] = -1;
        enemyAlive[i] = true;
        enemyAt[cell] = i;
    }

    /**
     * Plays one tick with a valid action ({@link Dungeon#NOOP} .. {@link Dungeon#USE}) and returns its reward.
     * Enemies draw their directions from {@code random}.
     *
     * @throws IllegalStateException if no level is loaded or the episode is over
     */
    public double tick(int action, RandomGenerator random) {
        if (level == null) {
            throw new IllegalStateException(Dungeon.ID + ": call reset() before step()");
        }
        if (outcome != Outcome.RUNNING) {
            throw new IllegalStateException(Dungeon.ID + ": the episode is over (" + outcome.label()
                    + "); call reset()");
        }
        double reward = 0;
        if (action >= Dungeon.UP && action <= Dungeon.RIGHT) {
            reward += moveAvatar(action - 1);
        } else if (action == Dungeon.USE) {
            int target = neighbour(avatar, facing);
            if (target >= 0) {
                swordCell = target;
                swordTicks = Dungeon.SWORD_TICKS;
                int e = enemyAt[target];
                if (e >= 0) {
                    kill(e);
                    reward += killReward;
                }
            }
        }
        if (outcome == Outcome.RUNNING) {
            reward += moveEnemies(random);
        }
        if (swordTicks > 0 && --swordTicks == 0) {
            swordCell = -1;
        }
        return reward;
    }

    private double moveAvatar(int direction) {
        facing = direction;
        int target = neighbour(avatar, direction);
        if (target < 0 || terrain[target] == T_WALL || (terrain[target] == T_DOOR && !keyHeld)) {
            return 0;
        }
        avatar = target;
        if (enemyAt[target] >= 0) {
            outcome = Outcome.LOSS;
            return -1;
        }
        if (terrain[target] == T_KEY && !keyHeld) {
            // A second key stays where it is: GVGAI only transforms a key-less avatar.
            keyHeld = true;
            terrain[target] = T_FLOOR;
            return 1;
        }
        if (terrain[target] == T_DOOR) {
            terrain[target] = T_FLOOR;
            if (--doorsLeft == 0) {
                outcome = Outcome.WIN;
            }
            return 1;
        }
        return 0;
    }

    private double moveEnemies(RandomGenerator random) {
        double reward = 0;
        for (int i = 0; i < enemyCount; i++) {
            if (!enemyAlive[i]) {
                continue;
            }
            DungeonTile kind = enemyKind[i];
            enemyLastMove[i]++;
            int direction;
            if (enemyCounter[i] < kind.cons()) {
                enemyCounter[i]++;
                direction = enemyDirection[i];
            } else {
                direction = random.nextInt(4);
                enemyDirection[i] = direction;
                enemyCounter[i] = 0;
            }
            if (direction < 0 || enemyLastMove[i] < kind.cooldown()) {
                continue;
            }
            enemyLastMove[i] = 0;
            int from = enemyCell[i];
            int target = neighbour(from, direction);
            if (target < 0 || terrain[target] == T_WALL || enemyAt[target] >= 0) {
                continue;
            }
            enemyAt[from] = -1;
            enemyCell[i] = target;
            if (target == swordCell) {
                enemyAlive[i] = false;
                reward += killReward;
                continue;
            }
            enemyAt[target] = i;
            if (target == avatar) {
                outcome = Outcome.LOSS;
                return reward - 1;
            }
        }
        return reward;
    }

    private void kill(int enemy) {
        enemyAlive[enemy] = false;
        enemyAt[enemyCell[enemy]] = -1;
    }

    /** The cell one step from {@code cell} in {@code direction} (0 up, 1 down, 2 left, 3 right), or -1 outside. */
    int neighbour(int cell, int direction) {
        int x = cell % width + DX[direction];
        int y = cell / width + DY[direction];
        return x < 0 || y < 0 || x >= width || y >= height ? -1 : y * width + x;
    }

    /** The level being played, as loaded (the live state has keys and doors removed as the episode goes). */
    public DungeonLevel level() {
        return level;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean keyHeld() {
        return keyHeld;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The avatar's cell, row-major. */
    public int avatarCell() {
        return avatar;
    }

    /** The cell the avatar faces (where use would strike), or -1 when it faces the level's edge. */
    public int facedCell() {
        return neighbour(avatar, facing);
    }

    /** The sword's cell while a swing is active, else -1. */
    public int swordCell() {
        return swordCell;
    }

    /** Live enemies. */
    public int enemiesAlive() {
        int n = 0;
        for (int i = 0; i < enemyCount; i++) {
            if (enemyAlive[i]) {
                n++;
            }
        }
        return n;
    }

    /** Enemies loaded this episode, dead or alive; index them with the enemy accessors. */
    int enemyCount() {
        return enemyCount;
    }

    boolean enemyAlive(int enemy) {
        return enemyAlive[enemy];
    }

    int enemyCell(int enemy) {
        return enemyCell[enemy];
    }

    DungeonTile enemyKind(int enemy) {
        return enemyKind[enemy];
    }

    /** The terrain's observation channel at {@code cell}: WALL, FLOOR, KEY or DOOR. */
    byte terrainChannel(int cell) {
        return terrain[cell];
    }

    /** The terrain's level-file character: w, ., + or g. */
    public char terrainSymbol(int cell) {
        return switch (terrain[cell]) {
            case 0 -> 'w';
            case 2 -> '+';
            case 3 -> 'g';
            default -> '.';
        };
    }

    /**
     * What stands on the terrain, topmost first: 'A' avatar ('a' once it holds the key), an enemy's digit, '*'
     * the sword; {@code 0} for nothing.
     */
    public char entitySymbol(int cell) {
        if (cell == avatar) {
            return keyHeld ? 'a' : 'A';
        }
        int e = enemyAt[cell];
        if (e >= 0) {
            return enemyKind[e].symbol();
        }
        return cell == swordCell ? '*' : 0;
    }
}
