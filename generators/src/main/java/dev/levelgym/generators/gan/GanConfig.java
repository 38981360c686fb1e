package dev.levelgym.generators.gan;

import dev.levelgym.envs.UserInputException;

/**
 * The GAN's hyperparameters, one block, defaults beside them.
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
 * @param seed              seeds DJL's initialisation and our own draws of latents and minibatches
 */
public record GanConfig(int latentSize, int batchSize, int steps, int criticSteps, double learningRate,
                        double criticLearningRate, double beta1, GanLoss loss, double clip, boolean mirror,
                        double emaDecay, int bootstrapEvery, double gumbelTemperature, int generatorChannels,
                        int criticChannels, long seed) {

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

    public GanConfig {
        positive("latentSize", latentSize);
        positive("batchSize", batchSize);
        positive("steps", steps);
        positive("criticSteps", criticSteps);
        if (generatorChannels < 4) {
            throw new UserInputException("generatorChannels must be at least 4, got " + generatorChannels);
        }
        positive("criticChannels", criticChannels);
        if (bootstrapEvery < 0) {
            throw new UserInputException("bootstrapEvery must be 0 (off) or positive, got " + bootstrapEvery);
        }
        if (!(emaDecay >= 0 && emaDecay < 1)) {
            throw new UserInputException("emaDecay must be in [0, 1), got " + emaDecay);
        }
        if (!(gumbelTemperature >= 0) || Double.isInfinite(gumbelTemperature)) {
            throw new UserInputException("gumbelTemperature must be 0 (off) or positive, got "
                    + gumbelTemperature);
        }
        if (!(learningRate > 0) || !(criticLearningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(clip > 0)
                || loss == null) {
            throw new UserInputException("bad GAN config: learningRate " + learningRate + ", criticLearningRate "
                    + criticLearningRate + ", beta1 " + beta1 + ", clip " + clip + ", loss " + loss);
        }
    }

    public static GanConfig defaults() {
        return new GanConfig(32, 64, DEFAULT_STEPS, 1, 2e-4, 2e-4, 0.5, GanLoss.HINGE, 0.01, true, 0.999, 50, 0,
                DEFAULT_GENERATOR_CHANNELS, DEFAULT_CRITIC_CHANNELS, 0);
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
        return defaults().withSteps(PLATFORMER_STEPS).withBootstrapEvery(0).withMirror(false)
                .withGumbelTemperature(PLATFORMER_GUMBEL_TEMPERATURE)
                .withCriticLearningRate(PLATFORMER_CRITIC_LEARNING_RATE)
                .withChannels(PLATFORMER_GENERATOR_CHANNELS, PLATFORMER_CRITIC_CHANNELS);
    }

    public GanConfig withSteps(int newSteps) {
        return new GanConfig(latentSize, batchSize, newSteps, criticSteps, learningRate, criticLearningRate, beta1,
                loss, clip, mirror, emaDecay, bootstrapEvery, gumbelTemperature,
                generatorChannels, criticChannels, seed);
    }

    public GanConfig withSeed(long newSeed) {
        return new GanConfig(latentSize, batchSize, steps, criticSteps, learningRate, criticLearningRate, beta1, loss,
                clip, mirror, emaDecay, bootstrapEvery, gumbelTemperature,
                generatorChannels, criticChannels, newSeed);
    }

    public GanConfig withMirror(boolean newMirror) {
        return new GanConfig(latentSize, batchSize, steps, criticSteps, learningRate, criticLearningRate, beta1, loss,
                clip, newMirror, emaDecay, bootstrapEvery, gumbelTemperature,
                generatorChannels, criticChannels, seed);
    }

    public GanConfig withLoss(GanLoss newLoss, int newCriticSteps) {
        return new GanConfig(latentSize, batchSize, steps, newCriticSteps, learningRate, criticLearningRate, beta1,
                newLoss, clip, mirror, emaDecay, bootstrapEvery, gumbelTemperature,
                generatorChannels, criticChannels, seed);
    }

    public GanConfig withEmaDecay(double newDecay) {
        return new GanConfig(latentSize, batchSize, steps, criticSteps, learningRate, criticLearningRate, beta1, loss,
                clip, mirror, newDecay, bootstrapEvery, gumbelTemperature,
                generatorChannels, criticChannels, seed);
    }

    public GanConfig withBootstrapEvery(int newEvery) {
        return new GanConfig(latentSize, batchSize, steps, criticSteps, learningRate, criticLearningRate, beta1, loss,
                clip, mirror, emaDecay, newEvery, gumbelTemperature,
                generatorChannels, criticChannels, seed);
    }

    public GanConfig withGumbelTemperature(double newTemperature) {
        return new GanConfig(latentSize, batchSize, steps, criticSteps, learningRate, criticLearningRate, beta1, loss,
                clip, mirror, emaDecay, bootstrapEvery, newTemperature,
                generatorChannels, criticChannels, seed);
    }

    public GanConfig withCriticLearningRate(double newRate) {
        return new GanConfig(latentSize, batchSize, steps, criticSteps, learningRate, newRate, beta1, loss, clip,
                mirror, emaDecay, bootstrapEvery, gumbelTemperature,
                generatorChannels, criticChannels, seed);
    }

    /** The same config with networks of these widths. */
    public GanConfig withChannels(int newGeneratorChannels, int newCriticChannels) {
        return new GanConfig(latentSize, batchSize, steps, criticSteps, learningRate, criticLearningRate, beta1, loss,
                clip, mirror, emaDecay, bootstrapEvery, gumbelTemperature, newGeneratorChannels, newCriticChannels,
                seed);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new UserInputException(name + " must be at least 1, got " + value);
        }
    }
}
