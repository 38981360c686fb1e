package dev.levelgym.generators.vae;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.generators.gan.Decoding;
import dev.levelgym.generators.model.Latents;
import dev.levelgym.generators.search.LatentNeighbourSearch;
import dev.levelgym.generators.search.LevelVariations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * VAE levels near an edited one, with no search: the edited text's latent μ (the encoder's mean refined by {@link
 * VaeModel#DEFAULT_REFINE_STEPS} steps, as {@code generate --like} takes a level in), and μ itself and
 * {@code samples} latents μ + {@code spread}·ε around it (ε standard normal, as {@code generate --like --spread}
 * draws them) are decoded in one batch, the distinct ones ranked by tile distance.
 *
 * <p>A Dungeon model varies levels of its own size; the nearest drafts are then made playable the way
 * {@link DungeonVae} makes its levels (the draft if the solver wins it, else its repair) and ranked again. A
 * platformer model encodes 28-column windows, so a level at least one window wide is cut into windows (the last one
 * ends at the level's last column and overlaps the one before; only its new columns count), each window is varied on
 * its own (tile distance is a sum over columns), and variation k puts every window's k-th nearest side by side, as
 * the platformer GAN's variations do. The joins are not checked: the studio's live check says whether it can be
 * finished.
 */
public final class VaeVariations implements LevelVariations {

    /** Latents drawn around the edited level's; decoding them is one batched forward pass. */
    public static final int SAMPLES = 64;
    /** {@code generate --like}'s default spread. */
    public static final double SPREAD = 0.5;
    /** Nearest drafts made playable per variation asked for (Dungeon): repair can move a draft away. */
    static final int DRAFTS_PER_VARIATION = 3;
    private static final String NAME_VARIATION = VaeGenerator.NAME + "-variation";

    private final VaeGenerator<?> vae;
    private final int samples;
    private final double spread;

    public VaeVariations(VaeGenerator<?> vae, int samples, double spread) {
        if (samples < 0 || !(spread >= 0) || Double.isInfinite(spread)) {
            throw new IllegalArgumentException("samples " + samples + ", spread " + spread);
        }
        this.vae = vae;
        this.samples = samples;
        this.spread = spread;
    }

    /** The defaults: {@link #SAMPLES} latents at {@link #SPREAD}. */
    public static VaeVariations of(VaeGenerator<?> vae) {
        return new VaeVariations(vae, SAMPLES, SPREAD);
    }

    @Override
    public String name() {
        return VaeGenerator.NAME;
    }

    @Override
    public String unsupported(int width, int height) {
        VaeModel m = vae.model();
        if (vae instanceof DungeonVae) {
            return width == m.width() && height == m.height() ? null
                    : "the VAE encodes " + m.width() + "x" + m.height() + " levels; this one is " + width + "x"
                    + height;
        }
        return height == m.height() && width >= m.width() ? null
                : "the VAE encodes " + m.width() + "x" + m.height() + " windows, so it varies levels " + m.height()
                + " rows high and at least " + m.width() + " columns wide; this one is " + width + "x" + height;
    }

    @Override
    public List<Variation> near(String text, int count, long seed) {
        String[] target = LatentNeighbourSearch.rows(text);
        int width = target[0].length();
        String why = unsupported(width, target.length);
        for (int y = 0; y < target.length && why == null; y++) {
            if (target[y].length() != width) {
                why = "line " + (y + 1) + " has " + target[y].length() + " tiles, the first has " + width;
            }
        }
        if (why != null) {
            throw new UserInputException(why);
        }
        checkTiles(target);
        VaeModel m = vae.model();
        int window = m.width();
        int windows = (width + window - 1) / window;
        // Window s covers columns [start, start + window) and contributes [s * window, its end): the last one is
        // moved left to end at the level's last column, since the encoder takes whole windows only.
        List<String> inputs = new ArrayList<>(windows);
        int[] starts = new int[windows];
        for (int s = 0; s < windows; s++) {
            starts[s] = Math.min(s * window, width - window);
            inputs.add(columns(target, starts[s], window));
        }
        List<float[]> means = m.encode(inputs, VaeModel.DEFAULT_REFINE_STEPS);
        List<float[]> latents = new ArrayList<>(windows * (samples + 1));
        for (int s = 0; s < windows; s++) {
            float[] mu = means.get(s);
            latents.add(mu);
            Random random = new Random(seed * 31 + s);
            for (int i = 0; i < samples; i++) {
                float[] noise = Latents.gaussians(random, mu.length);
                float[] z = new float[mu.length];
                for (int j = 0; j < z.length; j++) {
                    z[j] = (float) (mu[j] + spread * noise[j]);
                }
                latents.add(z);
            }
        }
        boolean dungeon = vae instanceof DungeonVae;
        List<String> drafts = m.decode(latents, dungeon ? Decoding.ONE_EACH : PlatformerVae.DECODING);
        if (dungeon) {
            return dungeonVariations(drafts, target, count);
        }
        List<List<Variation>> byWindow = new ArrayList<>(windows);
        for (int s = 0; s < windows; s++) {
            int from = s * window - starts[s];
            int to = Math.min((s + 1) * window, width) - starts[s];
            String part = columns(target, s * window, to - from);
            byWindow.add(nearest(drafts.subList(s * (samples + 1), (s + 1) * (samples + 1)).stream()
                    .map(d -> columns(LatentNeighbourSearch.rows(d), from, to - from)).toList(), part, count));
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Variation> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            StringBuilder[] rows = new StringBuilder[target.length];
            for (int y = 0; y < rows.length; y++) {
                rows[y] = new StringBuilder(width);
            }
            int distance = 0;
            for (List<Variation> choices : byWindow) {
                Variation c = choices.get(Math.min(k, choices.size() - 1));
                String[] r = LatentNeighbourSearch.rows(c.text());
                for (int y = 0; y < rows.length; y++) {
                    rows[y].append(r[y]);
                }
                distance += c.distance();
            }
            String level = String.join("\n", List.of(rows)) + "\n";
            if (seen.add(level)) {
                out.add(new Variation(level, distance));
            }
        }
        out.sort(Comparator.comparingInt(Variation::distance));
        return List.copyOf(out);
    }

    private List<Variation> dungeonVariations(List<String> drafts, String[] target, int count) {
        DungeonVae dungeon = (DungeonVae) vae;
        String joined = String.join("\n", target) + "\n";
        List<Variation> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Variation draft : nearest(drafts, joined, count * DRAFTS_PER_VARIATION)) {
            String level = dungeon.playable(draft.text(), NAME_VARIATION).level().toText();
            if (seen.add(level)) {
                out.add(new Variation(level, distance(level, target)));
            }
        }
        out.sort(Comparator.comparingInt(Variation::distance));
        return List.copyOf(out.subList(0, Math.min(count, out.size())));
    }

    /** Up to {@code count} distinct texts nearest {@code target}, nearest first (ties keep decoding order). */
    private static List<Variation> nearest(List<String> texts, String target, int count) {
        String[] rows = LatentNeighbourSearch.rows(target);
        Set<String> seen = new LinkedHashSet<>();
        List<Variation> out = new ArrayList<>();
        for (String t : texts) {
            String text = String.join("\n", LatentNeighbourSearch.rows(t)) + "\n";
            if (seen.add(text)) {
                out.add(new Variation(text, distance(text, rows)));
            }
        }
        out.sort(Comparator.comparingInt(Variation::distance));
        return out.subList(0, Math.min(count, out.size()));
    }

    private static int distance(String text, String[] target) {
        return LatentNeighbourSearch.tileDistance(LatentNeighbourSearch.rows(text), target, target[0].length());
    }

    /** Columns [from, from + n) of each row, LF-separated with a final newline. */
    private static String columns(String[] rows, int from, int n) {
        StringBuilder sb = new StringBuilder((n + 1) * rows.length);
        for (String r : rows) {
            sb.append(r, from, from + n).append('\n');
        }
        return sb.toString();
    }

    /** The encoder has one input channel per legend tile: another character has no encoding. */
    private void checkTiles(String[] rows) {
        String legend = vae.model().world().legend();
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                if (legend.indexOf(rows[y].charAt(x)) < 0) {
                    throw new UserInputException((y + 1) + ":" + (x + 1) + ": '" + rows[y].charAt(x)
                            + "' is not one of the VAE's tiles (" + legend + ")");
                }
            }
        }
    }
}
