package dev.levelgym.generators.vae;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.DungeonGenerator;
import dev.levelgym.generators.DungeonRepair;
import dev.levelgym.generators.gan.Decoding;
import dev.levelgym.generators.gan.DungeonGan;
import dev.levelgym.generators.model.Latents;
import java.util.List;

/**
 * A Dungeon-v0 VAE as a generator: a latent is decoded as the Dungeon GAN decodes ({@link Decoding#ONE_EACH}: one
 * avatar, key and door where the decoder most wants them, every other cell its most probable tile), with the model's
 * wall margin ({@link VaeConfig#wallMargin()}: a cell is wall only where the decoder finds wall that many times as
 * likely as its next tile), and kept when the solver wins it, otherwise repaired with the fewest tile edits ({@link
 * DungeonRepair}), so every level is playable and {@link Generated#repairEdits()} says how far the decoder's draft was
 * from one.
 */
public final class DungeonVae implements DungeonGenerator, VaeGenerator<DungeonLevel> {

    private final VaeModel model;
    private final String source;
    private final DungeonSolver solver = new DungeonSolver();

    /** @param source where the model came from, for messages (its directory) */
    public DungeonVae(VaeModel model, String source) {
        this.model = model;
        this.source = source;
    }

    @Override
    public VaeModel model() {
        return model;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int width() {
        return model.width();
    }

    @Override
    public int height() {
        return model.height();
    }

    @Override
    public DungeonLevel generate(long seed) {
        return make(seed).level();
    }

    @Override
    public Generated<DungeonLevel> make(long seed) {
        return level(model.latent(seed), NAME + "-" + seed);
    }

    @Override
    public Generated<DungeonLevel> level(float[] latent, String id) {
        return playable(raw(latent), id);
    }

    /** A decoded draft as a level: kept if the solver wins it, else its fewest-edit repair. */
    Generated<DungeonLevel> playable(String draft, String id) {
        DungeonRepair.Result r = DungeonRepair.playable(draft, id, solver);
        return new Generated<>(r.level(), r.edits().size(), 0);
    }

    @Override
    public Decoded<DungeonLevel> decoded(float[] latent, String id) {
        Generated<DungeonLevel> g = level(latent, id);
        return new Decoded<>(g.level(), g.repairEdits());
    }

    @Override
    public String latentSpaceName() {
        return "the VAE's latent space";
    }

    @Override
    public double[] latent(long seed) {
        return Latents.joined(List.of(model.latent(seed)));
    }

    @Override
    public Decoded<DungeonLevel> decode(double[] latent, String id) {
        return decoded(Latents.split(latent, 1).get(0), id);
    }

    @Override
    public String raw(float[] latent) {
        return model.decode(List.of(latent), Decoding.ONE_EACH).get(0);
    }

    @Override
    public DungeonLevel parseOrNull(String draft, String id) {
        return DungeonGan.parseOrNull(draft, id);
    }

    @Override
    public String describe() {
        return source + " is a " + world().envId() + " VAE";
    }

    @Override
    public void close() {
        model.close();
    }
}
