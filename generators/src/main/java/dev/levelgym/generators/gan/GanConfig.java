package dev.levelgym.generators.gan;

import dev.levelgym.envs.InvalidFieldException;

/**
 * The GAN's hyperparameters, one block, defaults beside them. Every field is checked here, once: an invalid value
 * is an {@link InvalidFieldException} naming the field, which {@code gan train} reports under its flag. Build one
 * with {@link #builder(GanWorld)} (the world's recipe, then the fields to change).
 *
 * @param latentSize        latent vector length; 32 as MarioGAN
 * @param batchSize         levels per step, real and generated each
 * @param steps             generator updates
 * @param criticSteps       critic updates per generator update
 * @param learningRate      Adam's rate for the generator; 2e-4 with β1 = 0.5 as DCGAN (Radford et al. 2016)
 * @param criticLearningRate Adam's rate for the critic (the generator's by default); a slower critic keeps a critic
 *                          of sampled maps from separating them outright
 * @param beta1             Adam's β1
 * @param loss              the adversarial objective
 * @param clip              critic weight bound for {@link GanLoss#WASSERSTEIN_CLIP} (0.01 as WGAN); unused otherwise
 * @param mirror            train on the corpus plus its horizontal and vertical mirror images
 * @param emaDecay          the model is the exponential moving average of the generator's weights with this decay
 *                          per step (0 = the last weights); averaging damps the oscillation of GAN training (Yazıcı
 *                          et al. 2019, "The Unusual Effectiveness of Averaging in GAN Training"; 0.999 as there)
 * @param bootstrapEvery    every this many steps in the second half of training, playable and novel samples join
 *                          the training set (0 = never):
 *                          the bootstrapping of Torrado et al. 2019 ("Bootstrapping Conditional GANs for Video Game
 *                          DungeonLevel Generation"), which they introduced for GVGAI zelda, where a few dozen levels are
 *                          too few for a GAN to learn connectivity from
 * @param gumbelTemperature the critic sees generated maps as one tile per cell drawn from the generator's output
 *                          (straight-through Gumbel-softmax at this temperature); 0 = the soft output itself
 * @param generatorChannels width of the generator's first convolution; each later one has half the previous width,
 *                          but never less than a quarter of this ({@value #DEFAULT_GENERATOR_CHANNELS} for Dungeon
 *                          maps)
 * @param criticChannels    width of the critic's first convolution, doubled at each later one
 *                          ({@value #DEFAULT_CRITIC_CHANNELS} for Dungeon maps)
 * @param diversity         weight of the mode-seeking term in the generator's loss (Mao et al. 2019, "Mode Seeking
 *                          Generative Adversarial Networks for Diverse Image Synthesis"): the generator is also asked
 *                          to keep two latents' maps as far apart as the latents are, by minimising
 *                          {@code diversity / (mean |G(z1) − G(z2)| / mean |z1 − z2| + ε)} over the minibatch's two
 *                          halves; 0 = off (a GAN trained on a few dozen levels otherwise draws a narrower set than its
 *                          corpus)
 * @param seed              seeds DJL's initialisation and our own draws of latents and minibatches
 */
public record GanConfig(int latentSize, int batchSize, int steps, int criticSteps, double learningRate,
                        double criticLearningRate, double beta1, GanLoss loss, double clip, boolean mirror,
                        double emaDecay, int bootstrapEvery, double gumbelTemperature, int generatorChannels,
                        int criticChannels, double diversity, long seed) {

    public static final int DEFAULT_STEPS = 4000;
    public static final int PLATFORMER_STEPS = 1750;
    public static final double PLATFORMER_CRITIC_LEARNING_RATE = 5e-5;
    /** Critic updates per step under {@link GanLoss#WASSERSTEIN_CLIP}, as WGAN and MarioGAN. */
    public static final int WASSERSTEIN_CRITIC_STEPS = 5;
    public static final double PLATFORMER_GUMBEL_TEMPERATURE = 1;
    public static final int DEFAULT_GENERATOR_CHANNELS = 64;
    public static final int DEFAULT_CRITIC_CHANNELS = 32;
    public static final int PLATFORMER_GENERATOR_CHANNELS = 192;
    public static final int PLATFORMER_CRITIC_CHANNELS = 64;
    /** Sizes bounded before memory is spent: latent length, batch, channel widths and critic steps, at most. */
    public static final int MAX_LATENT_SIZE = 4096;
    public static final int MAX_BATCH_SIZE = 4096;
    public static final int MAX_CHANNELS = 4096;
    public static final int MAX_CRITIC_STEPS = 100;

    public GanConfig {
        range("latentSize", latentSize, 1, MAX_LATENT_SIZE);
        range("batchSize", batchSize, 1, MAX_BATCH_SIZE);
        atLeast("steps", steps, 1);
        range("criticSteps", criticSteps, 1, MAX_CRITIC_STEPS);
        range("generatorChannels", generatorChannels, 4, MAX_CHANNELS);
        range("criticChannels", criticChannels, 1, MAX_CHANNELS);
        if (bootstrapEvery < 0) {
            throw new InvalidFieldException("bootstrapEvery", "must be 0 (off) or positive, got " + bootstrapEvery);
        }
        if (!(emaDecay >= 0 && emaDecay < 1)) {
            throw new InvalidFieldException("emaDecay", "must be in [0, 1), got " + emaDecay);
        }
        if (!(diversity >= 0) || Double.isInfinite(diversity)) {
            throw new InvalidFieldException("diversity", "must be 0 (off) or positive, got " + diversity);
        }
        if (diversity > 0 && batchSize < 2) {
            throw new InvalidFieldException("diversity", "pairs the minibatch's levels, so it needs a batchSize of at "
                    + "least 2, got " + batchSize);
        }
        if (!(gumbelTemperature >= 0) || Double.isInfinite(gumbelTemperature)) {
            throw new InvalidFieldException("gumbelTemperature", "must be 0 (off) or positive, got "
                    + gumbelTemperature);
        }
        String optimiser = "bad GAN config: learningRate " + learningRate + ", criticLearningRate "
                + criticLearningRate + ", beta1 " + beta1 + ", clip " + clip + ", loss " + loss;
        positive(optimiser, "learningRate", learningRate);
        positive(optimiser, "criticLearningRate", criticLearningRate);
        positive(optimiser, "clip", clip);
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new InvalidFieldException(optimiser, "beta1", "must be in [0, 1), got " + beta1);
        }
        if (loss == null) {
            throw new InvalidFieldException(optimiser, "loss", "must be given");
        }
    }

    public static GanConfig defaults() {
        return new GanConfig(32, 64, DEFAULT_STEPS, 1, 2e-4, 2e-4, 0.5, GanLoss.HINGE, 0.01, true, 0.999, 50, 0,
                DEFAULT_GENERATOR_CHANNELS, DEFAULT_CRITIC_CHANNELS, 0, 0);
    }

    /**
     * The recipe measured for platformer windows (docs/platformer-gan.md): the critic sees one tile per cell drawn
     * from the generator's output (straight-through Gumbel-softmax at temperature
     * {@value #PLATFORMER_GUMBEL_TEMPERATURE}), so it compares one-hot maps with one-hot maps as sampled decoding
     * then produces them; a generator three times as wide as the Dungeon one ({@value #PLATFORMER_GENERATOR_CHANNELS}
     * channels down to a quarter: with 16 channels for 13 tiles its last layers drew pipes and cannons cell by cell)
     * and a critic twice as wide ({@value #PLATFORMER_CRITIC_CHANNELS} channels up) learning at a quarter of the
     * generator's rate ({@value #PLATFORMER_CRITIC_LEARNING_RATE}): at the same rate it soon separates sampled maps
     * outright, and slower it loses to the wide generator, which then drifts from the corpus's arrangements;
     * averaged weights as for Dungeon levels; no bootstrapping (implemented for Dungeon levels only); no mirror
     * images (a mirrored platformer level runs right to left); {@value #PLATFORMER_STEPS} steps.
     */
    public static GanConfig platformerDefaults() {
        return defaults().toBuilder().steps(PLATFORMER_STEPS).bootstrapEvery(0).mirror(false)
                .gumbelTemperature(PLATFORMER_GUMBEL_TEMPERATURE).criticLearningRate(PLATFORMER_CRITIC_LEARNING_RATE)
                .generatorChannels(PLATFORMER_GENERATOR_CHANNELS).criticChannels(PLATFORMER_CRITIC_CHANNELS).build();
    }

    /** {@code world}'s recipe ({@link #defaults()} or {@link #platformerDefaults()}) to change field by field. */
    public static Builder builder(GanWorld world) {
        return new Builder(world == GanWorld.DUNGEON ? defaults() : platformerDefaults(), world);
    }

    /** This config to change field by field. */
    public Builder toBuilder() {
        return new Builder(this, null);
    }

    /** The optimiser's numbers are reported together, as they are chosen together. */
    private static void positive(String optimiser, String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidFieldException(optimiser, name, "must be a positive number, got " + value);
        }
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new InvalidFieldException(name, "must be at least " + min + ", got " + value);
        }
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidFieldException(name, "must be in " + min + ".." + max + ", got " + value);
        }
    }

    /**
     * A config changed field by field from a starting one; {@link #build()} checks the fields (the record does), and
     * for a builder of a world also that the world can train with them.
     */
    public static final class Builder {

        private final GanWorld world;
        private int latentSize;
        private int batchSize;
        private int steps;
        private int criticSteps;
        private double learningRate;
        private double criticLearningRate;
        private double beta1;
        private GanLoss loss;
        private double clip;
        private boolean mirror;
        private double emaDecay;
        private int bootstrapEvery;
        private double gumbelTemperature;
        private int generatorChannels;
        private int criticChannels;
        private double diversity;
        private long seed;

        private Builder(GanConfig c, GanWorld world) {
            this.world = world;
            latentSize = c.latentSize;
            batchSize = c.batchSize;
            steps = c.steps;
            criticSteps = c.criticSteps;
            learningRate = c.learningRate;
            criticLearningRate = c.criticLearningRate;
            beta1 = c.beta1;
            loss = c.loss;
            clip = c.clip;
            mirror = c.mirror;
            emaDecay = c.emaDecay;
            bootstrapEvery = c.bootstrapEvery;
            gumbelTemperature = c.gumbelTemperature;
            generatorChannels = c.generatorChannels;
            criticChannels = c.criticChannels;
            diversity = c.diversity;
            seed = c.seed;
        }

        public Builder latentSize(int value) {
            latentSize = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder steps(int value) {
            steps = value;
            return this;
        }

        public Builder criticSteps(int value) {
            criticSteps = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder criticLearningRate(double value) {
            criticLearningRate = value;
            return this;
        }

        public Builder beta1(double value) {
            beta1 = value;
            return this;
        }

        /**
         * The objective, with the critic steps it is trained with: {@value #WASSERSTEIN_CRITIC_STEPS} for
         * {@link GanLoss#WASSERSTEIN_CLIP} as WGAN and MarioGAN, 1 for {@link GanLoss#HINGE}.
         */
        public Builder loss(GanLoss value) {
            loss = value;
            criticSteps = value == GanLoss.WASSERSTEIN_CLIP ? WASSERSTEIN_CRITIC_STEPS : 1;
            return this;
        }

        public Builder clip(double value) {
            clip = value;
            return this;
        }

        public Builder mirror(boolean value) {
            mirror = value;
            return this;
        }

        public Builder emaDecay(double value) {
            emaDecay = value;
            return this;
        }

        public Builder bootstrapEvery(int value) {
            bootstrapEvery = value;
            return this;
        }

        public Builder gumbelTemperature(double value) {
            gumbelTemperature = value;
            return this;
        }

        public Builder generatorChannels(int value) {
            generatorChannels = value;
            return this;
        }

        public Builder criticChannels(int value) {
            criticChannels = value;
            return this;
        }

        public Builder diversity(double value) {
            diversity = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** @throws InvalidFieldException naming the first field at fault */
        public GanConfig build() {
            GanConfig config = new GanConfig(latentSize, batchSize, steps, criticSteps, learningRate,
                    criticLearningRate, beta1, loss, clip, mirror, emaDecay, bootstrapEvery, gumbelTemperature,
                    generatorChannels, criticChannels, diversity, seed);
            if (world != null && world != GanWorld.DUNGEON && bootstrapEvery != 0) {
                throw new InvalidFieldException("bootstrapEvery", "is for dungeon GANs; "
                        + world.name().toLowerCase(java.util.Locale.ROOT) + " GANs train without bootstrapping");
            }
            return config;
        }
    }
}
