package dev.levelgym.generators;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolution;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.level.EnemyAwareSolver;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import dev.levelgym.envs.platformer.level.PlatformerSolution;
import dev.levelgym.envs.platformer.level.PlatformerSolver;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import dev.levelgym.generators.export.LevelPreviews;
import dev.levelgym.generators.export.TiledExport;
import dev.levelgym.generators.gan.PlatformerWindows;
import dev.levelgym.generators.search.DungeonTargets;
import dev.levelgym.generators.search.PlatformerTargets;
import dev.levelgym.generators.search.Targets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * What level tools need of a tile world, whichever it is: its level file format, its solver and its bundled
 * corpus; the files a generated level can be written as (text, a PNG preview, a Tiled map where the world has a
 * tileset), how a generator's draft is repaired, what targets a search can set, and how a run of {@code generate}
 * reports. {@code levelgym level check|evaluate --env ID}, {@code generate} and {@link LevelMetrics} work through it,
 * with no case per world.
 *
 * @param <L> the world's level type
 */
public sealed interface TileWorld<L extends TileGrid> permits TileWorld.DungeonWorld, TileWorld.PlatformerWorld {

    TileWorld<DungeonLevel> DUNGEON = new DungeonWorld();
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

    /**
     * Reads level text; {@code source} names it in errors.
     *
     * @throws dev.levelgym.envs.grid.LevelFormatException naming source, line and column if malformed
     */
    L parse(String text, String source);

    Playability solve(L level);

    /** The pairs of measures its expressive range is plotted over ({@link ExpressiveRange}). */
    List<ExpressiveRange.Axes<L>> expressiveRange();

    /** The bundled hand-authored levels: the default reference set. */
    List<L> corpus();

    /**
     * The width of the windows {@link LevelMetrics} measures Hamming distances and copies over when this world's
     * levels differ in width; empty when its levels all have one size and are compared whole.
     */
    default OptionalInt diversityWindow() {
        return OptionalInt.empty();
    }

    /** The level text file format: what the parser reads. */
    String TXT = "txt";
    /** A flat-colour picture of the level ({@link LevelPreviews}). */
    String PNG = "png";
    /** A Tiled map over the world's tileset ({@link TiledExport}). */
    String TMX = "tmx";

    /** What messages call the world, e.g. {@code Dungeon}. */
    String title();

    /** The formats its levels can be written as: {@link #TXT} and {@link #PNG}, and {@link #TMX} with a tileset. */
    Set<String> formats();

    /** Writes {@code level} as {@code format} to {@code file}, through a temporary file renamed into place. */
    default void write(L level, String format, Path file) throws IOException {
        switch (format) {
            case TXT -> AtomicFiles.writeUnsynced(file, level.toText().getBytes(StandardCharsets.UTF_8));
            case PNG -> {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(preview(level), "png", png);
                AtomicFiles.writeUnsynced(file, png.toByteArray());
            }
            default -> throw new IllegalArgumentException(envId() + " levels cannot be written as " + format);
        }
    }

    /** The PNG preview of a level. */
    BufferedImage preview(L level);

    /** The preview colour (RGB) of each file character, for pictures of drafts that may not parse. */
    IntUnaryOperator previewColours();

    /** The files beside the levels that {@code formats} need (a Tiled tileset), for messages, or empty. */
    default String sharedFiles() {
        return "";
    }

    /** Those of the {@link #sharedFiles()} in {@code dir} that exist with other content than we would write. */
    default List<Path> conflictingSharedFiles(Path dir, Set<String> formats) throws IOException {
        return List.of();
    }

    /** Writes the {@link #sharedFiles()} that {@code formats} need into {@code dir}, leaving identical ones. */
    default void writeSharedFiles(Path dir, Set<String> formats) throws IOException {
    }

    /** Whether {@link #repair} can make a draft playable in this world. */
    default boolean repairs() {
        return false;
    }

    /** A generator's draft made playable with the fewest tile edits, with id {@code id}. */
    default LevelGenerator.Generated<L> repair(String draft, String id) {
        throw new UnsupportedOperationException(envId() + " levels have no repair");
    }

    /**
     * Targets for this world's levels, e.g. {@code solutionLength=20..30}.
     *
     * @throws dev.levelgym.envs.UserInputException naming the bad part
     */
    Targets<L, ?> targets(String spec);

    /** A fresh report for a {@code generate} run of this world's levels. */
    GenerationReport<L> report(GenerationReport.Run run);

    /**
     * The worlds generators make levels of, one per level format; platformer levels are measured under the current
     * rules ({@link #PLATFORMER}), and {@link #PLATFORMER_V0} is reached through {@link #forEnv} only.
     */
    static List<TileWorld<?>> all() {
        return List.of(DUNGEON, PLATFORMER);
    }

    /**
     * The world of {@code envId}, Platformer-v0's included; a {@link dev.levelgym.envs.UserInputException} listing the
     * known ones otherwise.
     */
    static TileWorld<?> forEnv(String envId) {
        for (TileWorld<?> w : List.of(DUNGEON, PLATFORMER, PLATFORMER_V0)) {
            if (w.envId().equals(envId)) {
                return w;
            }
        }
        throw new UserInputException("level files are defined for " + DUNGEON.envId() + ", "
                + PLATFORMER.envId() + " and " + PLATFORMER_V0.envId() + ", not '" + envId + "'");
    }

    /** GVGAI zelda levels and {@link DungeonSolver}; no completion measure. */
    final class DungeonWorld implements TileWorld<DungeonLevel> {

        private DungeonWorld() {
        }

        @Override
        public String envId() {
            return Dungeon.ID;
        }

        @Override
        public String legend() {
            return Arrays.stream(DungeonTile.values()).map(t -> String.valueOf(t.symbol())).collect(Collectors.joining());
        }

        @Override
        public DungeonLevel parse(Path file) throws IOException {
            return DungeonParser.parse(file);
        }

        @Override
        public DungeonLevel parse(String text, String source) {
            return DungeonParser.parse(text, source);
        }

        @Override
        public Playability solve(DungeonLevel level) {
            DungeonSolution s = DungeonSolver.solve(level);
            return new Playability(s.playable(), s.playable() ? OptionalInt.of(s.length()) : OptionalInt.empty(),
                    OptionalDouble.empty());
        }

        @Override
        public List<ExpressiveRange.Axes<DungeonLevel>> expressiveRange() {
            return ExpressiveRange.dungeon();
        }

        @Override
        public List<DungeonLevel> corpus() {
            return DungeonCorpus.levels();
        }

        @Override
        public String title() {
            return "Dungeon";
        }

        @Override
        public Set<String> formats() {
            return Set.of(TXT, PNG, TMX);
        }

        @Override
        public void write(DungeonLevel level, String format, Path file) throws IOException {
            if (format.equals(TMX)) {
                TiledExport.writeMap(file, level);
            } else {
                TileWorld.super.write(level, format, file);
            }
        }

        @Override
        public BufferedImage preview(DungeonLevel level) {
            return LevelPreviews.dungeon(level);
        }

        @Override
        public IntUnaryOperator previewColours() {
            return c -> LevelPreviews.dungeonColour(DungeonTile.fromSymbol((char) c));
        }

        @Override
        public String sharedFiles() {
            return "the Dungeon tileset";
        }

        @Override
        public List<Path> conflictingSharedFiles(Path dir, Set<String> formats) throws IOException {
            return formats.contains(TMX) ? TiledExport.conflictingTilesetFiles(dir) : List.of();
        }

        @Override
        public void writeSharedFiles(Path dir, Set<String> formats) throws IOException {
            if (formats.contains(TMX)) {
                TiledExport.writeTileset(dir);
            }
        }

        @Override
        public boolean repairs() {
            return true;
        }

        /** {@link DungeonRepair}. */
        @Override
        public LevelGenerator.Generated<DungeonLevel> repair(String draft, String id) {
            DungeonRepair.Result r = DungeonRepair.repair(draft, id);
            return new LevelGenerator.Generated<>(r.level(), r.edits().size(), 0);
        }

        @Override
        public DungeonTargets targets(String spec) {
            return DungeonTargets.parse(spec);
        }

        @Override
        public GenerationReport<DungeonLevel> report(GenerationReport.Run run) {
            return new GenerationReport.DungeonReport(run);
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
        public PlatformerLevel parse(String text, String source) {
            return PlatformerParser.parse(text, source);
        }

        @Override
        public Playability solve(PlatformerLevel level) {
            PlatformerSolution s = EnemyAwareSolver.of(level, rules);
            return new Playability(s.completable(),
                    s.completable() ? OptionalInt.of(s.length()) : OptionalInt.empty(), OptionalDouble.of(s.completion()));
        }

        @Override
        public List<ExpressiveRange.Axes<PlatformerLevel>> expressiveRange() {
            return ExpressiveRange.platformer();
        }

        @Override
        public List<PlatformerLevel> corpus() {
            return PlatformerCorpus.levels();
        }

        /** The platformer GAN's segment width: its corpus levels are 179 to 249 columns wide, no two alike. */
        @Override
        public OptionalInt diversityWindow() {
            return OptionalInt.of(PlatformerWindows.WIDTH);
        }

        @Override
        public String title() {
            return "Platformer";
        }

        @Override
        public Set<String> formats() {
            return Set.of(TXT, PNG);
        }

        @Override
        public GenerationReport<PlatformerLevel> report(GenerationReport.Run run) {
            return new GenerationReport.PlatformerReport(run);
        }

        /** One tile a square, as in a sample grid of one. */
        @Override
        public BufferedImage preview(PlatformerLevel level) {
            return LevelPreviews.grid(List.of(level.toText()), 1, previewColours());
        }

        @Override
        public IntUnaryOperator previewColours() {
            return LevelPreviews::platformerColour;
        }

        @Override
        public PlatformerTargets targets(String spec) {
            return PlatformerTargets.parse(spec);
        }
    }
}
