package dev.levelgym.generators;

import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.Level;
import dev.levelgym.envs.dungeon.level.LevelParser;
import dev.levelgym.envs.dungeon.level.LevelSolver;
import dev.levelgym.envs.dungeon.level.Solution;
import dev.levelgym.envs.dungeon.level.Tile;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * What level tools need of a tile world, whichever it is: its level file format, its solver and its bundled
 * corpus. {@code levelgym level check|evaluate --env ID} and {@link LevelMetrics} work through it.
 *
 * @param <L> the world's level type
 */
public sealed interface TileWorld<L extends TileGrid> permits TileWorld.DungeonWorld, TileWorld.PlatformerWorld {

    TileWorld<Level> DUNGEON = new DungeonWorld();
    /** Platformer-v1: the platformer levels as the current rules play them. */
    TileWorld<PlatformerLevel> PLATFORMER = new PlatformerWorld(PlatformerRules.V1);
    /** Platformer-v0's rules, for figures published with them: the same files, v0's solvers. */
    TileWorld<PlatformerLevel> PLATFORMER_V0 = new PlatformerWorld(PlatformerRules.V0);

    /** The env whose levels these are. */
    String envId();

    /** The file characters of the legend, in legend order, each once. */
    String legend();

    /**
     * Reads a level file; the id is the file name.
     *
     * @throws dev.levelgym.envs.grid.LevelFormatException naming file, line and column if malformed
     */
    L parse(Path file) throws IOException;

    Playability solve(L level);

    /** The bundled hand-authored levels: the default reference set. */
    List<L> corpus();

    /** The world of {@code envId}; an {@link IllegalArgumentException} listing the known ones otherwise. */
    static TileWorld<?> forEnv(String envId) {
        for (TileWorld<?> w : List.of(DUNGEON, PLATFORMER, PLATFORMER_V0)) {
            if (w.envId().equals(envId)) {
                return w;
            }
        }
        throw new IllegalArgumentException("level files are defined for " + DUNGEON.envId() + ", "
                + PLATFORMER.envId() + " and " + PLATFORMER_V0.envId() + ", not '" + envId + "'");
    }

    /** GVGAI zelda levels and {@link LevelSolver}; no completion measure. */
    final class DungeonWorld implements TileWorld<Level> {

        private DungeonWorld() {
        }

        @Override
        public String envId() {
            return Dungeon.ID;
        }

        @Override
        public String legend() {
            return Arrays.stream(Tile.values()).map(t -> String.valueOf(t.symbol())).collect(Collectors.joining());
        }

        @Override
        public Level parse(Path file) throws IOException {
            return LevelParser.parse(file);
        }

        @Override
        public Playability solve(Level level) {
            Solution s = LevelSolver.solve(level);
            return new Playability(s.playable(), s.playable() ? OptionalInt.of(s.length()) : OptionalInt.empty(),
                    OptionalDouble.empty());
        }

        @Override
        public List<Level> corpus() {
            return DungeonCorpus.levels();
        }
    }

    /**
     * VGLC Super Mario Bros levels (of any height), solved with their enemies under one version's rules
     * ({@link EnemyAwareSolver#of(PlatformerLevel, PlatformerRules)}: the layout by {@link PlatformerSolver}, then the
     * enemies), with completion as the MarioGAN papers report it.
     */
    final class PlatformerWorld implements TileWorld<PlatformerLevel> {

        private final PlatformerRules rules;

        private PlatformerWorld(PlatformerRules rules) {
            this.rules = rules;
        }

        @Override
        public String envId() {
            return Platformer.idOf(rules);
        }

        @Override
        public String legend() {
            return Arrays.stream(PlatformerTile.values()).map(t -> String.valueOf(t.symbol()))
                    .collect(Collectors.joining());
        }

        @Override
        public PlatformerLevel parse(Path file) throws IOException {
            return PlatformerParser.parse(file);
        }

        @Override
        public Playability solve(PlatformerLevel level) {
            PlatformerSolution s = EnemyAwareSolver.of(level, rules);
            return new Playability(s.completable(),
                    s.completable() ? OptionalInt.of(s.length()) : OptionalInt.empty(), OptionalDouble.of(s.completion()));
        }

        @Override
        public List<PlatformerLevel> corpus() {
            return PlatformerCorpus.levels();
        }
    }
}
