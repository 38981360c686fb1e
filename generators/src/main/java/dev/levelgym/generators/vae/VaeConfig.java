package dev.levelgym.generators.vae;

import dev.levelgym.envs.InvalidFieldException;
import dev.levelgym.generators.gan.GanWorld;

/**
 * The VAE's hyperparameters, defaults beside them ({@link #of(GanWorld)}). Every field is checked here, once: an
 * invalid value is an {@link InvalidFieldException} naming the field, which {@code vae train} reports under its flag.
 *
 * @param latentSize      latent vector length
 * @param batchSize       levels per step
 * @param steps           Adam updates
 * @param learningRate    Adam's rate
 * @param beta            weight of the KL term against the per-cell cross-entropy (β-VAE, Higgins et al. 2017):
 *                        below 1 the decoder keeps more of each level (sharper reconstructions), above 1 the latent
 *                        space is smoother and closer to the prior (better samples from it)
 * @param encoderChannels width of the encoder's first convolution, doubled at each later one
 * @param decoderChannels width of the decoder's first convolution (the GAN generator's {@code generatorChannels})
 * @param mirror          Dungeon: train on the levels' mirror images too (platformer: ignored, play runs left to
 *                        right)
 * @param spatial         the latent is a grid of {@code latentSize / grid²} channels, each point describing its
 *                        part of the map (a fully convolutional VAE), instead of one vector for the whole map: a
 *                        level the model never saw is then put together from parts it saw (docs/vae.md measures both)
 * @param grid            side of a spatial latent's grid, 4 or 8 (ignored without {@code spatial}): on a Dungeon
 *                        map of 16×16 a point of the 8×8 grid describes 2×2 cells, of the 4×4 grid 4×4 cells
 * @param rareWeight      weight of the cross-entropy of a cell whose tile is rare, every tile but the legend's first
 *                        two (Dungeon: wall and floor), against 1 for those: above 1 the decoder keeps an enemy in a
 *                        corridor, a key or a door where the plain loss (1) would rather draw the wall around it
 * @param routeWeight     Dungeon: weight of the cross-entropy of a cell on the solver's shortest winning route
 *                        through the training level (avatar to key to every door), against 1 elsewhere (and times
 *                        {@code rareWeight} for a rare tile on it): above 1 the decoder keeps the way through open
 *                        where a local mistake would wall it (platformer: must be 1)
 * @param bootstrapEvery  Dungeon: every this many steps in the second half of training, samples drawn around training
 *                        levels (as {@code generate --like} draws them) that the solver wins and that are novel join
 *                        the training set, up to eight times its size (the GAN's bootstrapping, Torrado et al. 2019,
 *                        applied to the VAE's own variations); 0 turns it off (platformer: must be 0)
 * @param wallMargin      Dungeon: a level the model hands out is decoded with a cell as wall only where the decoder
 *                        finds wall more than this many times as likely as the cell's next likeliest tile (the
 *                        decoder's wall probability is divided by it before decoding; 1 is plain argmax): above 1 a
 *                        passage the decoder hesitates over stays open instead of closing the one way through.
 *                        Training is the same for every margin (bootstrapping takes plain drafts); platformer: must
 *                        be 1
 * @param holdOut         every {@code holdOut}-th training level (the 5th, 10th, ... when 5) is held out of training
 *                        and saved beside the model for {@code vae evaluate}; 0 holds out nothing
 * @param fold            with {@code holdOut} K: the level held out of each K is the {@code fold}-th (1 to K; 0, the
 *                        default, is the K-th), so K models of folds 1 to K hold out every level once (k-fold
 *                        cross-validation: a recipe measured on a whole small corpus rather than on a fifth of it)
 * @param seed            seeds DJL's initialisation and our own draws of minibatches and noise
 */
public record VaeConfig(int latentSize, int batchSize, int steps, double learningRate, double beta,
                        int encoderChannels, int decoderChannels, boolean mirror, boolean spatial, int grid,
                        double rareWeight, double routeWeight, int bootstrapEvery, double wallMargin, int holdOut,
                        int fold, long seed) {

    public static final int DEFAULT_STEPS = 1500;
    /** Dungeon's default {@code bootstrapEvery}. */
    public static final int BOOTSTRAP_EVERY = 50;
    public static final int PLATFORMER_STEPS = 1200;
    /** Dungeon's default {@code wallMargin}. */
    public static final double WALL_MARGIN = 5;
    public static final int MAX_LATENT_SIZE = 1024;
    public static final int MAX_BATCH_SIZE = 4096;
    public static final int MAX_CHANNELS = 1024;

    public VaeConfig {
        range("latentSize", latentSize, 1, MAX_LATENT_SIZE);
        range("batchSize", batchSize, 1, MAX_BATCH_SIZE);
        range("steps", steps, 1, Integer.MAX_VALUE);
        range("encoderChannels", encoderChannels, 1, MAX_CHANNELS);
        range("decoderChannels", decoderChannels, 4, MAX_CHANNELS);
        range("holdOut", holdOut, 0, Integer.MAX_VALUE);
        range("bootstrapEvery", bootstrapEvery, 0, Integer.MAX_VALUE);
        if (fold != 0 && holdOut == 0) {
            throw new InvalidFieldException("fold", "picks which level of every K is held out, so it needs a hold-out "
                    + "(--hold-out K); got fold " + fold + " with none");
        }
        range("fold", fold, 0, holdOut);
        if (holdOut == 1) {
            throw new InvalidFieldException("holdOut", "1 would hold out every level; use 0 (none) or 2 or more");
        }
        if (grid != 4 && grid != 8) {
            throw new InvalidFieldException("grid", "must be 4 or 8, got " + grid);
        }
        if (spatial && latentSize % (grid * grid) != 0) {
            throw new InvalidFieldException("latentSize", "must be a multiple of " + grid * grid + " (a " + grid + "x"
                    + grid + " grid) for a spatial latent, got " + latentSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InvalidFieldException("learningRate", "must be positive, got " + learningRate);
        }
        if (!(rareWeight > 0) || Double.isInfinite(rareWeight)) {
            throw new InvalidFieldException("rareWeight", "must be positive, got " + rareWeight);
        }
        if (!(routeWeight > 0) || Double.isInfinite(routeWeight)) {
            throw new InvalidFieldException("routeWeight", "must be positive, got " + routeWeight);
        }
        if (!(wallMargin > 0) || Double.isInfinite(wallMargin)) {
            throw new InvalidFieldException("wallMargin", "must be positive, got " + wallMargin);
        }
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new InvalidFieldException("beta", "must be 0 or positive, got " + beta);
        }
    }

    /**
     * The world's recipe: a spatial latent on a 4×4 grid, β 0.1, Adam at 1e-3, batches of 32. Dungeon levels with
     * their mirror images for 1500 steps, 8 channels a grid point (128 numbers), bootstrapping every
     * {@value #BOOTSTRAP_EVERY} steps of the second half, decoded with a wall margin of {@value #WALL_MARGIN}: over
     * the whole corpus held out fold by fold (four seeds), levels taken in with the default refinement come back
     * with 2.3–2.8% of their cells wrong and samples around them are 92–94% playable at spread 0.5, against 77–82%
     * without the margin (docs/vae.md, seventh round). Platformer windows with 4 channels
     * (64 numbers) for 1200 steps, with a narrower encoder (the 32×32 maps have one more stage) so the weights stay
     * under a megabyte. docs/vae.md has the recipes measured.
     */
    public static VaeConfig of(GanWorld world) {
        return world == GanWorld.DUNGEON
                ? new VaeConfig(128, 32, DEFAULT_STEPS, 1e-3, 0.1, 32, 64, true, true, 4, 1, 1, BOOTSTRAP_EVERY,
                        WALL_MARGIN, 0, 0, 0)
                : new VaeConfig(64, 32, PLATFORMER_STEPS, 1e-3, 0.1, 16, 64, false, true, 4, 1, 1, 0, 1, 0, 0, 0);
    }

    /** A builder starting from these values; {@link Builder#build()} checks them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder starting from {@code world}'s recipe ({@link #of(GanWorld)}). */
    public static Builder builder(GanWorld world) {
        return of(world).toBuilder();
    }

    /** Sets fields one at a time; {@link #build()} makes (and checks) the config. */
    public static final class Builder {
        private int latentSize;
        private int batchSize;
        private int steps;
        private double learningRate;
        private double beta;
        private int encoderChannels;
        private int decoderChannels;
        private boolean mirror;
        private boolean spatial;
        private int grid;
        private double rareWeight;
        private double routeWeight;
        private int bootstrapEvery;
        private double wallMargin;
        private int holdOut;
        private int fold;
        private long seed;

        private Builder(VaeConfig c) {
            latentSize = c.latentSize;
            batchSize = c.batchSize;
            steps = c.steps;
            learningRate = c.learningRate;
            beta = c.beta;
            encoderChannels = c.encoderChannels;
            decoderChannels = c.decoderChannels;
            mirror = c.mirror;
            spatial = c.spatial;
            grid = c.grid;
            rareWeight = c.rareWeight;
            routeWeight = c.routeWeight;
            bootstrapEvery = c.bootstrapEvery;
            wallMargin = c.wallMargin;
            holdOut = c.holdOut;
            fold = c.fold;
            seed = c.seed;
        }

        public Builder latentSize(int value) {
            latentSize = value;
            return this;
        }

        public Builder steps(int value) {
            steps = value;
            return this;
        }

        public Builder beta(double value) {
            beta = value;
            return this;
        }

        public Builder mirror(boolean value) {
            mirror = value;
            return this;
        }

        public Builder spatial(boolean value) {
            spatial = value;
            return this;
        }

        public Builder grid(int value) {
            grid = value;
            return this;
        }

        public Builder rareWeight(double value) {
            rareWeight = value;
            return this;
        }

        public Builder routeWeight(double value) {
            routeWeight = value;
            return this;
        }

        public Builder bootstrapEvery(int value) {
            bootstrapEvery = value;
            return this;
        }

        public Builder wallMargin(double value) {
            wallMargin = value;
            return this;
        }

        public Builder holdOut(int value) {
            holdOut = value;
            return this;
        }

        public Builder fold(int value) {
            fold = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** @throws InvalidFieldException naming the first field at fault */
        public VaeConfig build() {
            return new VaeConfig(latentSize, batchSize, steps, learningRate, beta, encoderChannels, decoderChannels,
                    mirror, spatial, grid, rareWeight, routeWeight, bootstrapEvery, wallMargin, holdOut, fold,
                    seed);
        }
    }

    private static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidFieldException(field, (max == Integer.MAX_VALUE ? "must be at least " + min
                    : "must be in " + min + ".." + max) + ", got " + value);
        }
    }
}
