package dev.levelgym.generators.vae;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.model.Latents;
import dev.levelgym.generators.search.LatentSpace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Levels from a trained {@link VaeModel}, registered as {@code vae:MODEL_DIR}: seed {@code s} decodes the prior's
 * latent {@link VaeModel#latent(long)}, and a level file can be taken in: {@link #around} samples near its latent,
 * {@link #between} walks the straight line from one level's latent to another's. Every level goes through
 * {@link #level(float[], String)}: decoded as the GAN decodes in that world, and checked by the world's solver.
 * Target searches run CMA-ES in the prior's latent space ({@link LatentSpace}), and near a level in the noise added to
 * its latent ({@link #around}).
 *
 * <p>Holds the model's native memory: {@link #close()} it.
 *
 * @param <L> the world's level type
 */
public sealed interface VaeGenerator<L extends TileGrid> extends LevelGenerator<L>, LatentSpace<L>
        permits DungeonVae, PlatformerVae {

    String NAME = "vae";

    VaeModel model();

    /**
     * The level decoded from {@code latent}, with id {@code id}, and what making it took (Dungeon: the repair edits
     * the draft needed, 0 when the solver won it as drawn).
     *
     * @throws UserInputException if the decoded text is not a level of the world at all (a platformer window with
     *                            no start cell)
     */
    Generated<L> level(float[] latent, String id);

    /**
     * {@link #level(float[], String)} for a search: the level and the repair edits it took, or null where the decoded
     * text is not a level of the world (a platformer window with no start cell).
     */
    Decoded<L> decoded(float[] latent, String id);

    /** The decoded text of {@code latent}, before any check or repair: what the network itself drew. */
    String raw(float[] latent);

    /** The text as a level of the world if it is one (Dungeon: one avatar, key and door; platformer: a start). */
    L parseOrNull(String text, String id);

    @Override
    default String draft(long seed) {
        return raw(model().latent(seed));
    }

    /**
     * The latent of the level in {@code file}: the encoder's mean, refined by {@code refine} steps (see
     * {@link VaeModel#encode(List, int)}).
     *
     * @param flag the flag that named the file, for messages (e.g. {@code --like})
     * @throws UserInputException naming the flag and the file if it is not a level of this world or not of the
     *                            model's size (naming both sizes)
     */
    default float[] encode(Path file, String flag, int refine) {
        L level;
        try {
            level = world().parse(file);
        } catch (IOException e) {
            throw new UserInputException(flag + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        } catch (UserInputException e) {
            throw new UserInputException(flag + ": " + e.getMessage() + " (" + describe() + ")", e);
        }
        if (level.width() != model().width() || level.height() != model().height()) {
            throw new UserInputException(flag + ": " + file + " is a " + level.width() + "x" + level.height()
                    + " level; the VAE encodes " + model().width() + "x" + model().height() + " ones");
        }
        return model().encode(List.of(level.toText()), refine).get(0);
    }

    /**
     * Levels near {@code file}'s: seed {@code s} decodes μ + {@code spread}·ε, μ the level's latent (refined by
     * {@code refine} steps), ε the prior's latent of {@code s} ({@link VaeModel#latent(long)}); spread 0 is the
     * level's own reconstruction, 1 the encoder's typical scale. Named {@code vae-like-<seed>}. A target search
     * moves ε from the seed's (CMA-ES's steps of 1 are {@code spread} in the latent), so it looks among the level's
     * variations rather than anywhere in the latent space.
     */
    default LevelGenerator<L> around(Path file, double spread, int refine) {
        if (!(spread >= 0) || Double.isInfinite(spread)) {
            throw new UserInputException("--spread must be 0 or positive, got " + spread);
        }
        float[] mu = encode(file, "--like", refine);
        return new LatentWalk<>(this, NAME + "-like", "the noise around " + file.getFileName() + "'s latent (spread "
                + spread + ")", seed -> Latents.joined(List.of(model().latent(seed))), noise -> {
                    float[] z = new float[mu.length];
                    for (int i = 0; i < z.length; i++) {
                        z[i] = (float) (mu[i] + spread * noise[i]);
                    }
                    return z;
                });
    }

    /**
     * {@code steps} levels on the straight line from {@code from}'s latent to {@code to}'s (each refined by
     * {@code refine} steps), both ends included:
     * seed {@code i} (0 ≤ i &lt; steps) is the point {@code i / (steps − 1)} of the way. Named
     * {@code vae-between-<i>}.
     */
    default LevelGenerator<L> between(Path from, Path to, int steps, int refine) {
        if (steps < 2) {
            throw new UserInputException("--steps must be at least 2 (both ends), got " + steps);
        }
        float[] a = encode(from, "--between", refine);
        float[] b = encode(to, "--between", refine);
        return new LatentWalk<>(this, NAME + "-between", "the line from " + from.getFileName() + " to "
                + to.getFileName(), seed -> {
                    if (seed < 0 || seed >= steps) {
                        throw new IllegalArgumentException("step " + seed + " outside 0.." + (steps - 1));
                    }
                    return new double[] {(double) seed / (steps - 1)};
                }, t -> {
                    float[] z = new float[a.length];
                    for (int i = 0; i < z.length; i++) {
                        z[i] = (float) ((1 - t[0]) * a[i] + t[0] * b[i]);
                    }
                    return z;
                });
    }
}
