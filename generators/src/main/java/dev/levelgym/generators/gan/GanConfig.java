package dev.levelgym.generators.gan;

/**
 * The GAN's hyperparameters, one block, defaults beside them.
 *
 * @param latentSize        latent vector length; 32 as MarioGAN
 * @param batchSize         levels per step, real and generated each
 * @param steps             generator updates
 * @param criticSteps       critic updates per generator update
 * @param learningRate      Adam's rate for both networks; 2e-4 with β1 = 0.5 as DCGAN (Radford et al. 2016)
 * @param beta1             Adam's β1
 * @param loss              the adversarial objective
 * @param clip              critic weight bound for {@link GanLoss#WASSERSTEIN_CLIP} (0.01 as WGAN); unused otherwise
 * @param mirror            train on the corpus plus its horizontal and vertical mirror images
 * @param seed              seeds DJL's initialisation and our own draws of latents and minibatches
 */
public record GanConfig(int latentSize, int batchSize, int steps, int criticSteps, double learningRate, double beta1,
                        GanLoss loss, double clip, boolean mirror, long seed) {

    public static final int DEFAULT_STEPS = 2000;

    public GanConfig {
        positive("latentSize", latentSize);
        positive("batchSize", batchSize);
        positive("steps", steps);
        positive("criticSteps", criticSteps);
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(clip > 0) || loss == null) {
            throw new IllegalArgumentException("bad GAN config: learningRate " + learningRate + ", beta1 " + beta1
                    + ", clip " + clip + ", loss " + loss);
        }
    }

    public static GanConfig defaults() {
        return new GanConfig(32, 64, DEFAULT_STEPS, 1, 2e-4, 0.5, GanLoss.HINGE, 0.01, true, 0);
    }

    public GanConfig withSteps(int newSteps) {
        return new GanConfig(latentSize, batchSize, newSteps, criticSteps, learningRate, beta1, loss, clip, mirror,
                seed);
    }

    public GanConfig withSeed(long newSeed) {
        return new GanConfig(latentSize, batchSize, steps, criticSteps, learningRate, beta1, loss, clip, mirror,
                newSeed);
    }

    public GanConfig withMirror(boolean newMirror) {
        return new GanConfig(latentSize, batchSize, steps, criticSteps, learningRate, beta1, loss, clip, newMirror,
                seed);
    }

    public GanConfig withLoss(GanLoss newLoss, int newCriticSteps) {
        return new GanConfig(latentSize, batchSize, steps, newCriticSteps, learningRate, beta1, newLoss, clip, mirror,
                seed);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
