package dev.levelgym.generators.search;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.generators.gan.PlatformerGan;
import java.util.ArrayList;
import java.util.List;

/**
 * Platformer GAN levels near an edited one, of any width: the level is cut into the GAN's segments (the last one
 * partial), {@link LatentNeighbourSearch} finds each segment's nearest samples on its own (tile distance is a sum
 * over columns, so the segments' searches are independent), and variation k puts every segment's k-th nearest
 * sample side by side, cut to the level's width. The joins are not checked here: the studio's live check says
 * whether a variation can be finished.
 */
public final class PlatformerGanVariations implements LevelVariations {

    private final PlatformerGan gan;
    private final LatentNeighbourSearch search;

    public PlatformerGanVariations(PlatformerGan gan, LatentNeighbourSearch search) {
        this.gan = gan;
        this.search = search;
    }

    @Override
    public String name() {
        return PlatformerGan.NAME;
    }

    @Override
    public String unsupported(int width, int height) {
        return height == gan.model().height() ? null
                : "the GAN makes levels " + gan.model().height() + " rows high; this one has " + height;
    }

    @Override
    public List<Variation> near(String text, int count, long seed) {
        String[] target = LatentNeighbourSearch.rows(text);
        int width = target[0].length();
        String why = unsupported(width, target.length);
        if (why != null) {
            throw new UserInputException(why);
        }
        int segmentWidth = gan.model().width();
        int segments = (width + segmentWidth - 1) / segmentWidth;
        List<List<LatentNeighbourSearch.Candidate>> bySegment = new ArrayList<>(segments);
        for (int s = 0; s < segments; s++) {
            int from = s * segmentWidth;
            int columns = Math.min(segmentWidth, width - from);
            String[] part = new String[target.length];
            for (int y = 0; y < target.length; y++) {
                part[y] = target[y].substring(from, from + columns);
            }
            bySegment.add(search.nearest(latents -> gan.model().sample(latents, PlatformerGan.DECODING),
                    gan.model().latentSize(),
                    sample -> LatentNeighbourSearch.tileDistance(LatentNeighbourSearch.rows(sample), part, columns),
                    List.of(), count, seed * 31 + s));
        }
        List<Variation> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            StringBuilder[] rows = new StringBuilder[target.length];
            for (int y = 0; y < rows.length; y++) {
                rows[y] = new StringBuilder(width);
            }
            int distance = 0;
            for (int s = 0; s < segments; s++) {
                List<LatentNeighbourSearch.Candidate> choices = bySegment.get(s);
                LatentNeighbourSearch.Candidate c = choices.get(Math.min(k, choices.size() - 1));
                String[] sample = LatentNeighbourSearch.rows(c.text());
                int columns = Math.min(segmentWidth, width - s * segmentWidth);
                for (int y = 0; y < rows.length; y++) {
                    rows[y].append(sample[y], 0, columns);
                }
                distance += c.distance();
            }
            StringBuilder level = new StringBuilder((width + 1) * rows.length);
            for (StringBuilder r : rows) {
                level.append(r).append('\n');
            }
            out.add(new Variation(level.toString(), distance));
        }
        return out;
    }
}
