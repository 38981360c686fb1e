package dev.levelgym.envs.platformer.level;

/**
 * Platformer-v0's rules, kept exactly as published so earlier figures reproduce: one column per tick, one fixed
 * jump ({@value PlatformerPhysics#JUMP_HEIGHT} rows up, landing {@value PlatformerPhysics#JUMP_REACH} columns on),
 * enemies at half the player's speed. The motion is {@link PlatformerPhysics}'s rise; see that class for the tick.
 */
public final class FixedJumpRules implements PlatformerRules {

    static final FixedJumpRules INSTANCE = new FixedJumpRules();

    private FixedJumpRules() {
    }

    @Override
    public int version() {
        return 0;
    }

    @Override
    public int subcolumns() {
        return 1;
    }

    /** Rise 0 to {@value PlatformerPhysics#JUMP_HEIGHT}. */
    @Override
    public int motions() {
        return PlatformerPhysics.JUMP_HEIGHT + 1;
    }

    @Override
    public int enemyPeriod() {
        return PlatformerPhysics.ENEMY_PERIOD;
    }

    @Override
    public long start(PlatformerLevel level) {
        return PlatformerRules.pack(level.startX(), level.startY(), 0, 0);
    }

    @Override
    public long step(PlatformerLevel level, long state, int action) {
        int s = PlatformerPhysics.step(level, PlatformerRules.xs(state), PlatformerRules.y(state),
                PlatformerRules.motion(state), action);
        int flags = (PlatformerPhysics.bumped(s) ? FLAG_BUMPED : 0) | (PlatformerPhysics.fell(s) ? FLAG_FELL : 0)
                | (PlatformerPhysics.jumped(s) ? FLAG_JUMPED : 0) | (PlatformerPhysics.dead(s) ? FLAG_DEAD : 0);
        return PlatformerRules.pack(PlatformerPhysics.x(s), PlatformerPhysics.y(s), PlatformerPhysics.rise(s), flags);
    }

    @Override
    public long bounce(long state) {
        return PlatformerRules.pack(PlatformerRules.xs(state), PlatformerRules.y(state), PlatformerPhysics.STOMP_BOUNCE,
                0);
    }

    /** Only the cell the player ends the tick on counts: a stomp if it got there by falling. */
    @Override
    public Contact contact(long before, long after, int ex, int ey) {
        if (ex != PlatformerRules.xs(after) || ey != PlatformerRules.y(after)) {
            return Contact.NONE;
        }
        return PlatformerRules.fell(after) ? Contact.STOMP : Contact.HIT;
    }

    @Override
    public int rise(long state) {
        return PlatformerRules.motion(state);
    }

    /** A column per tick at most. */
    @Override
    public int minTicksTo(long state, int column) {
        return Math.max(0, column - PlatformerRules.xs(state));
    }

    @Override
    public String toString() {
        return "Platformer-v0 rules (fixed jump)";
    }
}
