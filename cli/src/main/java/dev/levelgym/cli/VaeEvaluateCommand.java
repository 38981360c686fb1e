package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.vae.VaeEvaluation;
import dev.levelgym.generators.vae.VaeGenerator;
import dev.levelgym.generators.vae.VaeManifest;
import dev.levelgym.generators.vae.VaeModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures how a VAE takes levels in ({@link VaeEvaluation}): reconstruction error, raw playability of samples around
 * each level, well-formed interpolation points; by default on the levels its training held out. Several models (the
 * folds of a cross-validation, {@code vae train --fold}) are each measured on their own held-out levels and then
 * pooled ({@link VaeEvaluation#pooled}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Encode and decode a folder of levels with a VAE (default: the levels its training held out) "
                + "and report the reconstruction error, the raw playability of samples around each level and the "
                + "well-formed share of interpolations between them.")
final class VaeEvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "A model from vae train; "
            + "repeat it for the folds of a cross-validation (vae train --fold), each measured on its own held-out "
            + "levels, then all pooled.")
    private List<Path> models;

    @Option(names = "--levels", paramLabel = "DIR",
            description = "Folder of level files (*.txt) (default: MODEL_DIR/held-out).")
    private Path levels;

    @Option(names = "--samples", defaultValue = "100", paramLabel = "N",
            description = "Raw samples around each level (default ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--spread", defaultValue = "0.5", paramLabel = "S",
            description = "Samples are mu + S * noise (default ${DEFAULT-VALUE}).")
    private double spread;

    @Option(names = "--steps", defaultValue = "5", paramLabel = "K",
            description = "Points on the line from each level to the next, both ends included "
                    + "(default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--refine", defaultValue = "" + VaeModel.DEFAULT_REFINE_STEPS, paramLabel = "N",
            description = "Refine each level's latent by N gradient steps on its reconstruction before decoding and "
                    + "sampling around it; 0 takes the encoder's mean (default ${DEFAULT-VALUE}).")
    private int refine;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the first sample's noise (default ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws IOException {
        if (samples < 0) {
            throw new UserInputException("--samples must be 0 or more, got " + samples);
        }
        if (steps < 2) {
            throw new UserInputException("--steps must be at least 2 (both ends), got " + steps);
        }
        if (!(spread >= 0) || Double.isInfinite(spread)) {
            throw new UserInputException("--spread must be 0 or positive, got " + spread);
        }
        if (models.size() > 1 && levels != null) {
            throw new UserInputException("--levels applies to one --model; several models are each measured on "
                    + "their own held-out levels");
        }
        // Pooled folds must measure levels of one size: checked on the manifests before any model is loaded.
        VaeManifest first = VaeModel.manifest(models.get(0));
        for (Path m : models.subList(1, models.size())) {
            VaeManifest other = VaeModel.manifest(m);
            if (!other.world().equals(first.world()) || other.width() != first.width()
                    || other.height() != first.height()) {
                throw new UserInputException("--model: " + m + " is a " + other.world() + " VAE of " + other.width()
                        + "x" + other.height() + " levels, " + models.get(0) + " one of " + first.world() + " "
                        + first.width() + "x" + first.height() + "; pool the folds of one cross-validation");
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        List<VaeEvaluation> all = new ArrayList<>();
        for (Path model : models) {
            Path folder = levels != null ? levels : model.resolve(VaeModel.HELD_OUT_DIR);
            try (LevelGenerator<?> g = Generators.installed().create(VaeGenerator.NAME + ":" + model,
                    GeneratorSettings.DEFAULT)) {
                all.add(evaluate((VaeGenerator<?>) g, model, folder, o));
            }
        }
        if (all.size() > 1) {
            VaeEvaluation e = VaeEvaluation.pooled(all);
            o.printf("pooled over %d models: %d level(s)%n", all.size(), e.levels());
            report(e, o, null);
        }
        return 0;
    }

    private <L extends TileGrid> VaeEvaluation evaluate(VaeGenerator<L> vae, Path model, Path folder, PrintWriter o)
            throws IOException {
        if (levels == null && !java.nio.file.Files.isDirectory(folder)) {
            throw new UserInputException("--levels: " + model + " was trained without --hold-out (no "
                    + VaeModel.HELD_OUT_DIR + "/); name a folder of levels");
        }
        List<VaeEvaluation.Item> items = VaeEvaluation.items(vae, folder);
        long started = System.nanoTime();
        VaeEvaluation e = VaeEvaluation.of(vae, items, samples, spread, steps, seed, refine);
        double seconds = (System.nanoTime() - started) / 1e9;
        double margin = vae.model().manifest().config().wallMargin();
        o.printf("%s: %d level(s) of %d cells from %s (%.1f s)%s%n", model, e.levels(), e.cells(), folder, seconds,
                margin == 1 ? "" : "; decoded with wall margin " + (margin == Math.rint(margin)
                        ? String.valueOf((long) margin) : String.valueOf(margin)));
        StringBuilder each = new StringBuilder("per level:");
        for (int i = 0; i < items.size(); i++) {
            each.append(String.format(" %s %.1f%%", items.get(i).id(), 100 * e.errors().get(i)));
            if (samples > 0) {
                each.append(String.format(" (samples %.0f%%)", 100.0 * e.playableByLevel().get(i) / samples));
            }
            each.append(i + 1 < items.size() ? "," : "");
        }
        report(e, o, each.toString());
        return e;
    }

    /** The evaluation's lines, with {@code perLevel} (if not null) after the reconstruction's. */
    private void report(VaeEvaluation e, PrintWriter o, String perLevel) {
        o.printf("reconstruction (%s): %.1f%% of cells wrong on average, %.1f%% at most; "
                + "%d of %d level(s) within 10%%%n",
                refine == 0 ? "encode, decode the mean" : "encode, refine " + refine + " steps, decode",
                100 * e.meanError(), 100 * e.maxError(), e.withinTenth(),
                e.levels());
        if (perLevel != null) {
            o.println(perLevel);
        }
        if (e.samples() > 0) {
            o.printf("samples around each level (mu + %s * noise, raw, no repair): %d of %d playable (%.1f%%), "
                    + "%d well formed; %.1f cells from the level on average; %d of %d level(s) with 90%% or more of "
                    + "their samples playable%n", spread, e.playable(), e.samples(), 100.0 * e.playable() / e.samples(),
                    e.wellFormed(), e.sampleDistance(), e.levelsWithPlayableSamples(0.9), e.levels());
        }
        if (e.points() > 0) {
            o.printf("interpolation, %d points from each level to the next: %d of %d well formed%n", steps,
                    e.wellFormedPoints(), e.points());
        }
    }
}
