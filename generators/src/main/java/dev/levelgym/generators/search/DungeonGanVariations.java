package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.generators.DungeonRepair;
import dev.levelgym.generators.gan.Decoding;
import dev.levelgym.generators.gan.DungeonGan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Dungeon GAN levels near an edited one: {@link LatentNeighbourSearch} over the GAN's one-each drafts (what
 * {@link DungeonGan#generate} decodes), then each of the nearest drafts made playable the way the generator makes
 * its levels ({@link DungeonGan#playable}: the draft if the solver wins it, else its fewest-edit repair) and ranked
 * again by its distance to the edited level. Only the GAN's own size can be varied.
 */
public final class DungeonGanVariations implements LevelVariations {

    /** Nearest drafts made playable per variation asked for: repair can move a draft away from the target. */
    static final int DRAFTS_PER_VARIATION = 3;

    private final DungeonGan gan;
    private final LatentNeighbourSearch search;

    public DungeonGanVariations(DungeonGan gan, LatentNeighbourSearch search) {
        this.gan = gan;
        this.search = search;
    }

    @Override
    public String name() {
        return DungeonGan.NAME;
    }

    @Override
    public String unsupported(int width, int height) {
        return width == gan.width() && height == gan.height() ? null
                : "the GAN makes " + gan.width() + "x" + gan.height() + " levels; this one is " + width + "x" + height;
    }

    @Override
    public List<Variation> near(String text, int count, long seed) {
        String[] target = LatentNeighbourSearch.rows(text);
        String why = unsupported(target[0].length(), target.length);
        if (why != null) {
            throw new UserInputException(why);
        }
        int w = gan.width();
        List<LatentNeighbourSearch.Candidate> drafts = search.nearest(
                latents -> gan.model().sample(latents, Decoding.ONE_EACH), gan.model().latentSize(),
                draft -> LatentNeighbourSearch.tileDistance(LatentNeighbourSearch.rows(draft), target, w), List.of(),
                count * DRAFTS_PER_VARIATION, seed);
        List<Variation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LatentNeighbourSearch.Candidate c : drafts) {
            DungeonRepair.Result r = gan.playable(c.text(), DungeonGan.NAME + "-variation");
            String level = r.level().toText();
            if (seen.add(level)) {
                out.add(new Variation(level, LatentNeighbourSearch.tileDistance(LatentNeighbourSearch.rows(level),
                        target, w)));
            }
        }
        out.sort(Comparator.comparingInt(Variation::distance));
        return List.copyOf(out.subList(0, Math.min(count, out.size())));
    }
}
