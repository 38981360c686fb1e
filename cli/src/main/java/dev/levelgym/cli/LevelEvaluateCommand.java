package dev.levelgym.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.generators.ExpressiveRange;
import dev.levelgym.generators.LevelMetrics;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.export.ExpressiveRangePlot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * PCG metrics of a folder of level files ({@code *.txt}) of a tile world ({@code --env Dungeon-v0},
 * {@code Platformer-v1} or {@code Platformer-v0}) against a reference folder or the world's bundled corpus. See
 * {@link LevelMetrics} for the definitions.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "PCG metrics (playability, novelty, diversity, tile-pattern KL) of a folder of levels.")
final class LevelEvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--env", defaultValue = "Dungeon-v0", description = "Level format of this env (default ${DEFAULT-VALUE}).")
    private String envId;

    @Option(names = "--levels", required = true, paramLabel = "DIR", description = "Folder of level files (*.txt).")
    private Path levelsDir;

    @Option(names = "--reference", paramLabel = "DIR",
            description = "Folder of reference levels (*.txt); default: the bundled hand-authored corpus.")
    private Path referenceDir;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    private boolean json;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Also draw the expressive-range heatmaps (Smith & Whitehead 2010) of the levels beside the "
                    + "reference's into this PNG (see docs/generators.md).")
    private Path plot;

    @Option(names = "--force", description = "Overwrite an existing --plot file.")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        TileWorld<?> world;
        try {
            world = TileWorld.forEnv(envId);
        } catch (UserInputException e) {
            throw new ParameterException(spec.commandLine(), "--env: " + e.getMessage());
        }
        return evaluate(world);
    }

    private <L extends TileGrid> int evaluate(TileWorld<L> world) throws IOException {
        if (plot != null) {
            if (!plot.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                throw new UserInputException("--plot: the picture is a PNG file, name it *.png: " + plot);
            }
            if (Files.exists(plot) && !force) {
                throw new UserInputException("--plot: refusing to overwrite " + plot + " (it exists); pass --force "
                        + "to overwrite");
            }
        }
        List<L> levels = readDir(world, levelsDir, "--levels");
        List<L> reference = referenceDir == null ? world.corpus() : readDir(world, referenceDir, "--reference");
        String referenceName = referenceDir == null ? "bundled corpus" : referenceDir.toString();
        LevelMetrics.Report r = LevelMetrics.evaluate(world, levels, reference);
        int window = world.diversityWindow().orElse(0);
        LevelMetrics.SplitHalf own = LevelMetrics.splitHalf(reference, window);
        if (plot != null) {
            BufferedImage picture = ExpressiveRangePlot.draw("Expressive range, " + world.envId(),
                    ExpressiveRange.panels(world, levels, reference), levelsDir.getFileName().toString(),
                    referenceName);
            AtomicFiles.write(plot, png -> ImageIO.write(picture, "png", png));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode o = mapper.createObjectNode();
            o.put("levels", levelsDir.toString());
            o.put("reference", referenceName);
            o.put("referenceCount", reference.size());
            o.put("count", r.count());
            if (window > 0) {
                o.put("diversityWindow", window);
            }
            o.put("playableShare", r.playableShare());
            putNumber(o, "medianSolutionLength", r.medianSolutionLength());
            if (!Double.isNaN(r.meanCompletion())) {
                o.put("meanCompletion", r.meanCompletion());
            }
            o.put("duplicateShare", r.duplicateShare());
            o.put("identicalToReferenceShare", r.identicalToReferenceShare());
            o.put("meanMinHammingToReference", r.meanMinHammingToReference());
            putNumber(o, "meanPairwiseHamming", r.meanPairwiseHamming());
            putNumber(o, "meanPairwiseHammingNormalized", r.meanPairwiseHammingNormalized());
            o.put("tilePatternKL", r.tilePatternKL());
            ObjectNode bySize = o.putObject("tilePatternKLBySize");
            r.tilePatternKLBySize().forEach((k, v) -> bySize.put(k + "x" + k, v));
            ObjectNode hist = o.putObject("tileHistogram");
            r.tileHistogram().forEach((t, v) -> hist.put(String.valueOf(t), v));
            ObjectNode half = o.putObject("referenceSplitHalf");
            half.put("halfA", own.halfA());
            half.put("halfB", own.halfB());
            putNumber(half, "meanPairwiseHamming", own.meanPairwiseHamming());
            putNumber(half, "meanMinHammingToReference", own.meanMinHammingToReference());
            putNumber(half, "duplicateShare", own.duplicateShare());
            putNumber(half, "identicalToReferenceShare", own.identicalShare());
            putNumber(half, "tilePatternKL", own.tilePatternKL());
            out.println(o);
            return 0;
        }
        out.printf("levels: %s (%d), reference: %s (%d)%n", levelsDir, r.count(), referenceName, reference.size());
        if (window > 0) {
            out.printf("Hamming distances and copies over %d-column windows (%s levels differ in width): pairwise "
                    + "over every window of each set, min Hamming and identical over each level's consecutive "
                    + "windows against every reference window%n", window, world.title());
        }
        printTable(out, r, own, window);
        if (plot != null) {
            out.printf("wrote the expressive-range plot to %s%n", plot);
        }
        return 0;
    }

    /**
     * The metrics as a table, with the reference's own split-half figures ({@link LevelMetrics#splitHalf}) in a
     * second column where the measure has one.
     */
    static void printTable(PrintWriter out, LevelMetrics.Report r, LevelMetrics.SplitHalf own) {
        printTable(out, r, own, 0);
    }

    /**
     * {@link #printTable(PrintWriter, LevelMetrics.Report, LevelMetrics.SplitHalf)} for metrics whose Hamming
     * measures were taken over {@code window}-column windows (0: whole levels), which the row names then say.
     */
    static void printTable(PrintWriter out, LevelMetrics.Report r, LevelMetrics.SplitHalf own, int window) {
        out.printf("%-32s %-10s %s%n", "", "levels", String.format("reference split-half (%d | %d)", own.halfA(),
                own.halfB()));
        // The window width is in the line above the table; the names only say which rows it applies to.
        String identical = window == 0 ? "identical to reference share" : "windows identical to reference";
        String nearest = window == 0 ? "mean min Hamming to reference" : "min Hamming to ref. (windows)";
        String pairwise = window == 0 ? "mean pairwise Hamming" : "pairwise Hamming (windows)";
        Map<String, Double> beside = Map.of("duplicate share", own.duplicateShare(), identical,
                own.identicalShare(), nearest, own.meanMinHammingToReference(), pairwise,
                own.meanPairwiseHamming(), "tile-pattern KL (2,3,4 mean)", own.tilePatternKL());
        row(out, "playable share", r.playableShare(), beside);
        row(out, "median solution length", r.medianSolutionLength(), beside);
        if (!Double.isNaN(r.meanCompletion())) {
            row(out, "mean completion", r.meanCompletion(), beside);
        }
        row(out, "duplicate share", r.duplicateShare(), beside);
        row(out, identical, r.identicalToReferenceShare(), beside);
        row(out, nearest, r.meanMinHammingToReference(), beside);
        row(out, pairwise, r.meanPairwiseHamming(), beside);
        row(out, "mean pairwise Hamming / cells", r.meanPairwiseHammingNormalized(), beside);
        row(out, "tile-pattern KL (2,3,4 mean)", r.tilePatternKL(), beside);
        for (Map.Entry<Integer, Double> e : r.tilePatternKLBySize().entrySet()) {
            row(out, "  tile-pattern KL " + e.getKey() + "x" + e.getKey(), e.getValue(), beside);
        }
        StringBuilder h = new StringBuilder();
        for (Map.Entry<Character, Double> e : r.tileHistogram().entrySet()) {
            h.append(String.format(" %s=%.3f", e.getKey(), e.getValue()));
        }
        out.printf("%-32s%s%n", "tile histogram", h);
    }

    private static void putNumber(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    private static void row(PrintWriter out, String name, double v, Map<String, Double> beside) {
        Double other = beside.get(name);
        out.printf("%-32s %s%n", name, other == null ? number(v) : String.format("%-10s %s", number(v), number(other)));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.4f", v);
    }

    static <L extends TileGrid> List<L> readDir(TileWorld<L> world, Path dir, String option) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(option + ": not a directory: " + dir);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new UserInputException(option + ": no level files (*.txt) in " + dir);
        }
        List<L> levels = new ArrayList<>();
        for (Path f : files) {
            levels.add(world.parse(f));
        }
        return levels;
    }
}
