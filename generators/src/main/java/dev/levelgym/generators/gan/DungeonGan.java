package dev.levelgym.generators.gan;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.DungeonGenerator;
import dev.levelgym.generators.DungeonRepair;
import dev.levelgym.generators.model.Latents;
import dev.levelgym.generators.search.LatentSpace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Levels from a trained {@link GanModel}, registered as {@code gan:MODEL_DIR}. Seed {@code s} maps to the latent
 * vector {@link GanModel#latent(long)}. {@link #draft(long)}, which {@code generate --repair} starts from, is the
 * {@link Decoding#ARGMAX} sample.
 * {@link #generate(long)} decodes the same sample with {@link Decoding#ONE_EACH} (one avatar, key and door where the
 * generator most wants them: {@link #raw(long)}) and returns it when it is playable, otherwise its
 * {@link DungeonRepair} (fewest tile edits): every seed gives a playable level, and the generator's layout is kept as
 * far as playability allows.
 *
 * <p>Batches are sampled in one forward pass per chunk; a batch and single draws use the same latents, so they
 * agree except where CPU kernels round a near-tie between two tiles differently for different batch sizes.
 *
 * <p>Its latent space is the model's ({@link LatentSpace}), so target searches run CMA-ES in it. Holds the model's
 * native memory: {@link #close()} it.
 */
public final class DungeonGan implements DungeonGenerator, LatentSpace<DungeonLevel> {

    public static final String NAME = "gan";
    /** Registry prefix: {@code gan:MODEL_DIR}. */
    public static final String PREFIX = NAME + ":";

    private final GanModel model;
    private final List<float[]> elites;
    private final DungeonSolver solver = new DungeonSolver();

    public DungeonGan(GanModel model) {
        this(model, List.of());
    }

    /**
     * @param elites a {@link LatentIllumination} archive: seed {@code s < n} decodes elite {@code s} instead of
     *               the seed's own latent; empty for none
     */
    public DungeonGan(GanModel model, List<float[]> elites) {
        this.model = model;
        this.elites = List.copyOf(elites);
    }

    /**
     * Loads the model directory, which must hold a Dungeon-v0 model; errors name the file (see
     * {@link GanModel#load(Path, GanWorld)}).
     */
    public static DungeonGan load(Path modelDir) {
        GanModel model = GanModel.load(modelDir, GanWorld.DUNGEON);
        try {
            return new DungeonGan(model, LatentIllumination.read(modelDir, model.latentSize()));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** How many elites the model's latent archive holds (0: seeds use their own latents). */
    public int elites() {
        return elites.size();
    }

    /**
     * Seed {@code s}'s latent: elite {@code s} of the archive while there is one, else the model's own. Seeds past
     * the archive draw from the prior rather than repeat an elite, so a large set has no duplicates by design (its
     * share of raw-playable drafts falls to the prior's from there on; generate checks and redraws or repairs them).
     */
    private float[] latentOf(long seed) {
        return seed >= 0 && seed < elites.size() ? elites.get((int) seed) : model.latent(seed);
    }

    public GanModel model() {
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
        return generate(seed, 1).get(0);
    }

    @Override
    public List<DungeonLevel> generate(long firstSeed, int count) {
        List<String> drafts = drafts(firstSeed, count, Decoding.ONE_EACH);
        List<DungeonLevel> levels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            levels.add(playable(drafts.get(i), NAME + "-" + (firstSeed + i)).level());
        }
        return levels;
    }

    @Override
    public String draft(long seed) {
        return drafts(seed, 1, Decoding.ARGMAX).get(0);
    }

    /** The {@link Decoding#ONE_EACH} decoding {@link #generate(long)} starts from, before the solver sees it. */
    @Override
    public String raw(long seed) {
        return drafts(seed, 1, Decoding.ONE_EACH).get(0);
    }

    /** The drafts of seeds {@code firstSeed ...}, in batched passes. */
    public List<String> drafts(long firstSeed, int count, Decoding decoding) {
        List<float[]> latents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            latents.add(latentOf(firstSeed + i));
        }
        return model.sample(latents, decoding);
    }

    /** The level {@link #generate(long)} would make from {@code latent}, with the repair edits it needed. */
    public DungeonRepair.Result level(float[] latent, String id) {
        return playable(model.sample(List.of(latent), Decoding.ONE_EACH).get(0), id);
    }

    @Override
    public String latentSpaceName() {
        return "the GAN's latent space";
    }

    @Override
    public double[] latent(long seed) {
        return Latents.joined(List.of(latentOf(seed)));
    }

    /** Always a level: {@link #level(float[], String)}, repaired where the decoding is not playable. */
    @Override
    public Decoded<DungeonLevel> decode(double[] latent, String id) {
        DungeonRepair.Result r = level(Latents.split(latent, 1).get(0), id);
        return new Decoded<>(r.level(), r.edits().size());
    }

    /** The draft itself if it parses and the solver wins it (no edits), else its repair. */
    public DungeonRepair.Result playable(String draft, String id) {
        return DungeonRepair.playable(draft, id, solver);
    }

    /** The draft as a level if it is well formed (one avatar, a key, a door), else null. */
    public static DungeonLevel parseOrNull(String draft, String id) {
        try {
            return DungeonParser.parse(draft, id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
