package dev.levelgym.generators;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.generators.search.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run of {@code generate} says once its levels are written, in each world's own terms: Dungeon generators
 * always give playable levels, so a Dungeon report counts repair edits and, on a separate line, how the target
 * searches went; platformer levels may be incompletable, so a platformer report counts the completable ones (by the
 * layout solver, {@link PlatformerSolver}) and the generator's redraws. Made by {@link TileWorld#report}.
 *
 * @param <L> the world's level type
 */
public abstract sealed class GenerationReport<L extends TileGrid>
        permits GenerationReport.DungeonReport, GenerationReport.PlatformerReport {

    /**
     * What ran.
     *
     * @param generator the generator's name
     * @param size      its levels' size as {@link LevelGenerator#size()} gives it
     * @param formats   the file formats written, comma-separated
     * @param repair    whether drafts were repaired
     * @param targets   the targets searched for, if any
     * @param search    how the target search ran (e.g. {@code CMA-ES in the GAN's latent space})
     * @param redraws   what the generator's redraws are called, if it redraws
     */
    public record Run(String generator, String size, int count, long firstSeed, String formats, String out,
                      boolean repair, Optional<String> targets, String search, Optional<String> redraws) {
    }

    protected final Run run;
    protected long repairEdits;
    protected long redraws;
    protected int met;
    protected final List<Integer> evaluations = new ArrayList<>();

    GenerationReport(Run run) {
        this.run = run;
    }

    /** Counts a level written. */
    public void add(LevelGenerator.Generated<L> level) {
        repairEdits += level.repairEdits();
        redraws += level.redraws();
    }

    /** Counts a target search's outcome (its level is {@link #add added} too). */
    public void searched(SearchResult<L, ?> result) {
        met += result.met() ? 1 : 0;
        evaluations.add(result.evaluations());
    }

    /** True when every searched level met the targets (or there were none). */
    public boolean targetsMet() {
        return run.targets().isEmpty() || met == run.count();
    }

    /** The report's lines, the run having taken {@code seconds}. */
    public abstract List<String> summary(double seconds);

    /** {@code wrote N <name> <noun> (<size>, seeds a..b) as <formats> to <out> in <s> s}. */
    String wrote(String noun, double seconds) {
        return String.format("wrote %d %s %s (%s, seeds %d..%d) as %s to %s in %.2f s", run.count(), run.generator(),
                noun, run.size(), run.firstSeed(), run.firstSeed() + run.count() - 1, run.formats(), run.out(), seconds);
    }

    static final class DungeonReport extends GenerationReport<DungeonLevel> {

        DungeonReport(Run run) {
            super(run);
        }

        @Override
        public List<String> summary(double seconds) {
            List<String> lines = new ArrayList<>();
            lines.add(wrote("level(s)", seconds) + (run.repair() ? String.format(
                    "; repair edits: %d total, %.2f per level", repairEdits, (double) repairEdits / run.count()) : ""));
            run.targets().ifPresent(t -> lines.add(String.format("targets %s: %d of %d level(s) met them; "
                            + "evaluations per level: median %.1f, mean %.1f, max %d (%s)", t, met, run.count(),
                    LevelMetrics.median(evaluations), evaluations.stream().mapToInt(Integer::intValue).average()
                            .orElse(0), evaluations.stream().mapToInt(Integer::intValue).max().orElse(0),
                    run.search())));
            return lines;
        }
    }

    static final class PlatformerReport extends GenerationReport<PlatformerLevel> {

        private final PlatformerSolver solver = new PlatformerSolver();
        private int completable;

        PlatformerReport(Run run) {
            super(run);
        }

        @Override
        public void add(LevelGenerator.Generated<PlatformerLevel> level) {
            super.add(level);
            completable += solver.solve(level.level()).completable() ? 1 : 0;
        }

        @Override
        public List<String> summary(double seconds) {
            String tail = run.targets().map(t -> "; targets " + t + " met by " + met + " (" + run.search() + ")")
                    .orElse(run.redraws().map(r -> "; " + r + ": " + redraws + " total").orElse(""));
            return List.of(wrote("platformer level(s)", seconds) + "; completable: " + completable + " of "
                    + run.count() + tail);
        }
    }
}
