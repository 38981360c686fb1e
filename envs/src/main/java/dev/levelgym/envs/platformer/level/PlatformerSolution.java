package dev.levelgym.envs.platformer.level;

import java.util.List;

/**
 * What {@link PlatformerSolver} or {@link EnemyAwareSolver} found, as the MarioGAN papers' A* agent reports it:
 * whether the level can be completed, how far right the player can get, and a run.
 *
 * @param completable true if the player can reach the last column
 * @param furthestX   the rightmost column the player can reach ({@code width − 1} when completable)
 * @param completion  {@code furthestX / (width − 1)}: 1.0 when completable
 * @param actions     when completable, a winning sequence of Platformer actions (one per tick), shortest except for
 *                    {@link EnemyAwareSolver} under v1's rules (at most 25% longer); otherwise a sequence that reaches
 *                    {@code furthestX}
 * @param jumps       how many of {@code actions} start a jump
 */
public record PlatformerSolution(boolean completable, int furthestX, double completion, List<Integer> actions,
                                 int jumps) {

    public PlatformerSolution {
        actions = List.copyOf(actions);
        if (completion < 0 || completion > 1 || completable != (completion == 1.0) || jumps < 0
                || jumps > actions.size()) {
            throw new IllegalArgumentException("inconsistent solution: completable=" + completable + ", completion="
                    + completion + ", jumps=" + jumps + ", " + actions.size() + " actions");
        }
    }

    /** Ticks of {@link #actions}. */
    public int length() {
        return actions.size();
    }
}
