package dev.levelgym.cli;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.vae.VaeConfig;
import dev.levelgym.generators.vae.VaeCorpus;
import dev.levelgym.generators.vae.VaeModel;
import dev.levelgym.generators.vae.VaeTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains a VAE on a folder of levels (default: the world's bundled corpus) and saves it as a model directory, as
 * {@code gan train} does a GAN: Dungeon levels whole (with mirror images), platformer levels as 28-column windows.
 * With {@code --hold-out K} every K-th level is kept out of training and saved under {@code MODEL_DIR/held-out/},
 * for {@code vae evaluate}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a VAE level generator on a folder of levels (Dungeon: all of one size; Platformer: "
                + "14-row VGLC levels, cut into 28-column windows).")
final class VaeTrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelTrainOptions options;

    @Option(names = "--steps", paramLabel = "N",
            description = "Adam updates (default " + VaeConfig.DEFAULT_STEPS + " for dungeon, "
                    + VaeConfig.PLATFORMER_STEPS + " for platformer).")
    private Integer stepsOption;

    @Option(names = "--beta", paramLabel = "B",
            description = "Weight of the KL term: lower keeps more of each level, higher makes samples from the "
                    + "prior better (default 0.1).")
    private Double betaOption;

    @Option(names = "--latent-size", paramLabel = "N", description = "Latent vector length; with --spatial a multiple "
            + "of 16 (--grid 4) or 64 (--grid 8) (default 128 for dungeon, 64 for platformer).")
    private Integer latentSizeOption;

    @Option(names = "--spatial", negatable = true, paramLabel = "B",
            description = "The latent is a grid (--grid; latent size / grid^2 channels), each point describing its "
                    + "part of the level; --no-spatial: one vector for the whole level (default: spatial).")
    private Boolean spatialOption;

    @Option(names = "--grid", paramLabel = "N", description = "Side of a spatial latent's grid: 4 or 8 (default 4).")
    private Integer gridOption;

    @Option(names = "--rare-weight", paramLabel = "W", description = "Weight of the loss on cells of rare tiles "
            + "(all but wall and floor in Dungeon) against 1 on the others (default 1).")
    private Double rareWeightOption;

    @Option(names = "--route-weight", paramLabel = "W", description = "Dungeon: weight of the loss on the cells of "
            + "each training level's shortest winning route (the solver's) against 1 on the others (default 1).")
    private Double routeWeightOption;

    @Option(names = "--bootstrap-every", paramLabel = "N", description = "Dungeon: in the second half of training, "
            + "every N steps add the model's own playable, novel samples around training levels to the training set "
            + "(as 'gan train' does); 0 turns it off (default " + VaeConfig.BOOTSTRAP_EVERY
            + " for dungeon; platformer: 0).")
    private Integer bootstrapEveryOption;

    @Option(names = "--wall-margin", paramLabel = "M", description = "Dungeon: decode a cell as wall only where the "
            + "decoder finds wall more than M times as likely as the cell's next likeliest tile; 1 is plain argmax "
            + "(default " + (int) VaeConfig.WALL_MARGIN + " for dungeon; platformer: 1).")
    private Double wallMarginOption;

    @Option(names = "--hold-out", paramLabel = "K", defaultValue = "0",
            description = "Keep every K-th corpus level (in name order) out of training and save it under "
                    + "MODEL_DIR/held-out/ for 'vae evaluate'; 0 keeps none (default ${DEFAULT-VALUE}).")
    private int holdOut;

    @Option(names = "--fold", paramLabel = "F", defaultValue = "0", description = "With --hold-out K: hold out the "
            + "F-th level of every K (1..K; default 0, the K-th), so that K models of folds 1..K hold out every level "
            + "once (cross-validation).")
    private int fold;

    @Override
    public Integer call() throws IOException {
        GanWorld w = options.world();
        Path out = options.out;
        long seed = options.seed;
        VaeConfig config = Flags.naming(() -> {
            VaeConfig.Builder b = VaeConfig.builder(w).seed(seed).holdOut(holdOut).fold(fold);
            Optional.ofNullable(stepsOption).ifPresent(b::steps);
            Optional.ofNullable(betaOption).ifPresent(b::beta);
            Optional.ofNullable(spatialOption).ifPresent(b::spatial);
            Optional.ofNullable(gridOption).ifPresent(b::grid);
            Optional.ofNullable(rareWeightOption).ifPresent(b::rareWeight);
            Optional.ofNullable(routeWeightOption).ifPresent(b::routeWeight);
            Optional.ofNullable(bootstrapEveryOption).ifPresent(b::bootstrapEvery);
            Optional.ofNullable(wallMarginOption).ifPresent(b::wallMargin);
            Optional.ofNullable(latentSizeOption).ifPresent(b::latentSize);
            return b.build();
        });
        options.refuseExistingOut(false);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out " + out + " is a file");
        }
        VaeCorpus data;
        String what;
        if (w == GanWorld.PLATFORMER) {
            var levels = options.platformerLevels();
            data = VaeCorpus.platformer(levels, config);
            what = String.format("%d windows (%dx%d) of %d platformer levels", data.maps().count(),
                    data.maps().width(), data.maps().height(), levels.size() - data.heldOut().size());
        } else {
            var levels = options.dungeonLevels().levels();
            data = VaeCorpus.dungeon(levels, config);
            what = String.format("%d levels (%dx%d%s)", levels.size() - data.heldOut().size(), data.maps().width(),
                    data.maps().height(), config.mirror() ? ", with mirror images" : "");
        }
        PrintWriter o = spec.commandLine().getOut();
        long started = System.nanoTime();
        VaeTrainer.Losses losses = null;
        int bootstrapped;
        try (VaeTrainer trainer = new VaeTrainer(data, config);
             ProgressDisplay progress = options.progress("vae", config.steps())) {
            for (int s = 1; s <= config.steps(); s++) {
                losses = trainer.step();
                progress.stepTo(s);
                progress.message(String.format("cells %.3f kl %.3f", losses.reconstruction(), losses.kl()));
            }
            bootstrapped = trainer.bootstrapped();
            try (VaeModel model = trainer.finish()) {
                model.save(out, dir -> {
                    if (!data.heldOut().isEmpty()) {
                        Path held = Files.createDirectories(dir.resolve(VaeModel.HELD_OUT_DIR));
                        for (VaeCorpus.HeldOut l : data.heldOut()) {
                            Files.writeString(held.resolve(Path.of(l.id()).getFileName().toString()), l.text(),
                                    StandardCharsets.UTF_8);
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        o.printf("trained a VAE on %s for %d steps in %.1f s (seed %d); last loss per map: cross-entropy %.3f, "
                + "KL %.3f%n", what, config.steps(), seconds, seed, losses.reconstruction(), losses.kl());
        if (config.bootstrapEvery() > 0) {
            o.printf("bootstrapping added %d of the model's own levels to the training set%n", bootstrapped);
        }
        o.printf("wrote %s: manifest.json, vae.params%s%n", out, data.heldOut().isEmpty() ? ""
                : ", held-out/ (" + data.heldOut().size() + " levels)");
        return 0;
    }
}
