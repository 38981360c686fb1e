package dev.levelgym.generators.gan;

import java.util.ArrayList;
import java.util.List;

/**
 * Bootstrapping's novelty test (the GAN's and the VAE's trainers): the levels a training set holds, and whether a
 * candidate differs from every one of them in at least {@code minDistance} cells, so that the set grows with new
 * levels instead of collapsing onto near-copies of the ones it has.
 */
public final class NovelLevels {

    private final int minDistance;
    /** Each level's tile characters, row after row, without line ends. */
    private final List<String> texts = new ArrayList<>();

    /** The levels of {@code data}'s maps (each map is one-hot, so its most probable tile per cell is the level's). */
    public NovelLevels(TrainingMaps data, int minDistance) {
        this.minDistance = minDistance;
        for (int m = 0; m < data.count(); m++) {
            texts.add(flat(Decoding.ARGMAX.decode(data.maps(), m * data.mapLength(), data.size(), data.width(),
                    data.height(), data.world().legend(), 0)));
        }
    }

    /** Whether the level text differs from every level held in at least {@code minDistance} cells. */
    public boolean isNovel(String levelText) {
        String candidate = flat(levelText);
        for (String t : texts) {
            int differing = 0;
            for (int c = 0; c < t.length() && differing < minDistance; c++) {
                differing += t.charAt(c) != candidate.charAt(c) ? 1 : 0;
            }
            if (differing < minDistance) {
                return false;
            }
        }
        return true;
    }

    /** Holds the level text (of the training set's size) from now on. */
    public void add(String levelText) {
        texts.add(flat(levelText));
    }

    private static String flat(String levelText) {
        return levelText.replace("\n", "");
    }
}
