package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.export.LevelPreviews;
import dev.levelgym.generators.gan.DungeonTrainingCorpus;
import dev.levelgym.generators.gan.GanConfig;
import dev.levelgym.generators.gan.GanLoss;
import dev.levelgym.generators.gan.GanModel;
import dev.levelgym.generators.gan.GanTrainer;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.gan.PlatformerWindows;
import dev.levelgym.generators.gan.TrainingMaps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains a GAN on a folder of levels (default: the bundled corpus of the world) and saves it as a model directory.
 * Dungeon-v0 GANs train on whole levels (with mirror images); platformer GANs on every 14×28 window of the
 * levels ({@link PlatformerWindows}). While it
 * trains, a grid of samples from fixed latents is written to {@code MODEL_DIR/samples/step-N.png} every
 * {@code --samples-every} steps; the finished model replaces the directory atomically, keeping the pictures.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a GAN level generator on a folder of levels (Dungeon: all of one size; Platformer: "
                + "14-row VGLC levels, cut into 28-column windows).")
final class GanTrainCommand implements Callable<Integer> {

    private static final int GRID_SAMPLES = 16;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelTrainOptions options;

    @Option(names = "--steps", paramLabel = "N",
            description = "Generator updates (default " + GanConfig.DEFAULT_STEPS + " for dungeon, "
                    + GanConfig.PLATFORMER_STEPS + " for platformer).")
    private Integer stepsOption;

    @Option(names = "--loss", paramLabel = "LOSS",
            description = "HINGE or WASSERSTEIN_CLIP (default HINGE); WGAN takes 5 critic steps per step.")
    private GanLoss lossOption;

    @Option(names = "--ema-decay", paramLabel = "D",
            description = "Keep the moving average of the generator's weights with this decay per step; 0 keeps the "
                    + "last weights (default 0.999).")
    private Double emaDecayOption;

    @Option(names = "--gumbel-temperature", paramLabel = "T",
            description = "0: the critic sees the generator's tile probabilities; positive: one tile per cell drawn "
                    + "from them (straight-through Gumbel-softmax, backward pass at temperature T) (default 0 for "
                    + "dungeon, " + GanConfig.PLATFORMER_GUMBEL_TEMPERATURE + " for platformer).")
    private Double gumbelTemperatureOption;

    @Option(names = "--critic-learning-rate", paramLabel = "R",
            description = "Adam's rate for the critic (default: the generator's 2e-4 for dungeon, "
                    + GanConfig.PLATFORMER_CRITIC_LEARNING_RATE + " for platformer).")
    private Double criticLearningRateOption;

    @Option(names = "--generator-channels", paramLabel = "N",
            description = "Width of the generator's first convolution; later ones halve down to N/4 (default "
                    + GanConfig.DEFAULT_GENERATOR_CHANNELS + " for dungeon, "
                    + GanConfig.PLATFORMER_GENERATOR_CHANNELS + " for platformer).")
    private Integer generatorChannelsOption;

    @Option(names = "--critic-channels", paramLabel = "N",
            description = "Width of the critic's first convolution, doubled at each later one (default "
                    + GanConfig.DEFAULT_CRITIC_CHANNELS + " for dungeon, " + GanConfig.PLATFORMER_CRITIC_CHANNELS
                    + " for platformer).")
    private Integer criticChannelsOption;

    @Option(names = "--bootstrap-every", paramLabel = "N",
            description = "Dungeon only: in the second half of training, every N steps add playable, novel samples "
                    + "to the training set (Torrado et al. 2019); 0 turns it off (default 50).")
    private Integer bootstrapEveryOption;

    @Option(names = "--diversity", paramLabel = "W",
            description = "Weight of the mode-seeking term (Mao et al. 2019) that asks the generator to keep different "
                    + "latents' levels apart; 0 turns it off (default 0). See docs/gan.md.")
    private Double diversityOption;

    @Option(names = "--samples-every", paramLabel = "N",
            description = "Write a sample grid every N steps (default: steps/10).")
    private Integer samplesEvery;

    @Override
    public Integer call() throws IOException {
        GanWorld w = options.world();
        Path out = options.out;
        long seed = options.seed;
        GanConfig.Builder builder = GanConfig.builder(w).seed(seed);
        Optional.ofNullable(stepsOption).ifPresent(builder::steps);
        Optional.ofNullable(lossOption).ifPresent(builder::loss);
        Optional.ofNullable(emaDecayOption).ifPresent(builder::emaDecay);
        Optional.ofNullable(gumbelTemperatureOption).ifPresent(builder::gumbelTemperature);
        Optional.ofNullable(criticLearningRateOption).ifPresent(builder::criticLearningRate);
        Optional.ofNullable(generatorChannelsOption).ifPresent(builder::generatorChannels);
        Optional.ofNullable(criticChannelsOption).ifPresent(builder::criticChannels);
        Optional.ofNullable(bootstrapEveryOption).ifPresent(builder::bootstrapEvery);
        Optional.ofNullable(diversityOption).ifPresent(builder::diversity);
        GanConfig config = Flags.naming(builder::build);
        int steps = config.steps();
        int every = samplesEvery == null ? Math.max(1, steps / 10) : samplesEvery;
        if (every < 1) {
            throw new UserInputException("--samples-every must be at least 1, got " + every);
        }
        options.refuseExistingOut(true);
        TrainingMaps data;
        String what;
        if (w == GanWorld.PLATFORMER) {
            List<PlatformerLevel> levels = options.platformerLevels();
            data = PlatformerWindows.maps(levels);
            what = String.format("%d windows (%dx%d) of %d platformer levels", data.count(), data.width(),
                    data.height(), levels.size());
        } else {
            DungeonTrainingCorpus levels = options.dungeonLevels();
            data = levels.maps(config.mirror());
            what = String.format("%d levels (%dx%d%s)", levels.levels().size(), levels.width(), levels.height(),
                    config.mirror() ? ", with mirror images" : "");
        }
        OutputDirectory.prepareFresh(out, true, false);
        Path samples = out.resolve("samples");
        Files.createDirectories(samples);
        List<float[]> fixed = new ArrayList<>();
        Random r = new Random(seed);
        for (int i = 0; i < GRID_SAMPLES; i++) {
            float[] z = new float[config.latentSize()];
            for (int j = 0; j < z.length; j++) {
                z[j] = (float) r.nextGaussian();
            }
            fixed.add(z);
        }
        PrintWriter o = spec.commandLine().getOut();
        long started = System.nanoTime();
        GanTrainer.Losses losses = null;
        int bootstrapped;
        try (GanTrainer trainer = new GanTrainer(data, config);
             ProgressDisplay progress = options.progress("gan", steps)) {
            for (int s = 1; s <= steps; s++) {
                losses = trainer.step();
                progress.stepTo(s);
                progress.message(String.format("critic %.3f generator %.3f", losses.critic(), losses.generator()));
                if (s % every == 0 || s == steps) {
                    java.awt.image.BufferedImage grid = LevelPreviews.grid(trainer.sample(fixed),
                            w == GanWorld.PLATFORMER ? 2 : 4, w.tileWorld().previewColours());
                    AtomicFiles.write(samples.resolve(String.format("step-%06d.png", s)),
                            png -> ImageIO.write(grid, "png", png));
                }
            }
            bootstrapped = trainer.bootstrapped();
            try (GanModel model = trainer.finish()) {
                model.save(out, dir -> copyTree(samples, dir.resolve("samples")));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        o.printf("trained a GAN on %s for %d steps in %.1f s (%s, seed %d); last losses: critic %.4f, "
                        + "generator %.4f%n", what, steps, seconds, config.loss(), seed, losses.critic(),
                losses.generator());
        if (config.bootstrapEvery() > 0) {
            o.printf("bootstrapping added %d generated levels to the training set%n", bootstrapped);
        }
        o.printf("wrote %s: manifest.json, generator.params, samples/%n", out);
        return 0;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
