package dev.levelgym.generators.vae;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.io.FileDigests;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.gan.DungeonTrainingCorpus;
import dev.levelgym.generators.gan.PlatformerWindows;
import dev.levelgym.generators.gan.TrainingMaps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a VAE trains on: the training maps of a corpus (as the GAN makes them: whole Dungeon levels with their mirror
 * images, platformer windows) after one level of every {@link VaeConfig#holdOut()} (the {@link VaeConfig#fold()}-th)
 * was set aside, and the levels set aside, which {@code vae train} saves beside the model so that
 * {@code vae evaluate} can measure reconstruction on levels the model never saw.
 *
 * @param maps         the training maps
 * @param corpusHash   SHA-256 of every corpus level's text in order, each followed by a zero byte
 * @param corpusLevels corpus levels, held-out ones included
 * @param heldOut      the held-out levels
 */
public record VaeCorpus(TrainingMaps maps, String corpusHash, int corpusLevels, List<HeldOut> heldOut) {

    /** A held-out level: its id (its file name) and its text. */
    public record HeldOut(String id, String text) {
    }

    public VaeCorpus {
        heldOut = List.copyOf(heldOut);
    }

    /** Dungeon levels (all of one size), whole, with their mirror images if the config says so. */
    public static VaeCorpus dungeon(List<DungeonLevel> levels, VaeConfig config) {
        List<DungeonLevel> training = new ArrayList<>();
        List<HeldOut> heldOut = new ArrayList<>();
        split(levels, config, training, heldOut);
        // Checks sizes (one size, room for the pieces) on every level, the held-out ones included.
        DungeonTrainingCorpus.of(levels);
        TrainingMaps maps = DungeonTrainingCorpus.of(training).maps(config.mirror());
        return new VaeCorpus(maps, hash(levels), levels.size(), heldOut);
    }

    /** Platformer levels, as every 28-column window of the training levels. */
    public static VaeCorpus platformer(List<PlatformerLevel> levels, VaeConfig config) {
        List<PlatformerLevel> training = new ArrayList<>();
        List<HeldOut> heldOut = new ArrayList<>();
        split(levels, config, training, heldOut);
        return new VaeCorpus(PlatformerWindows.maps(training), hash(levels), levels.size(), heldOut);
    }

    /**
     * Of each {@code holdOut} consecutive levels the {@code fold}-th (the last when fold is 0) is held out: the 5th,
     * 10th, ... for 5 (none if holdOut is 0).
     */
    private static <L extends TileGrid> void split(List<L> levels, VaeConfig config, List<L> training,
                                                   List<HeldOut> out) {
        int every = config.holdOut();
        int position = (config.fold() == 0 ? every : config.fold()) - 1;
        for (int i = 0; i < levels.size(); i++) {
            L level = levels.get(i);
            if (every > 0 && i % every == position) {
                String id = level.id().endsWith(".txt") ? level.id() : level.id() + ".txt";
                out.add(new HeldOut(id, level.toText()));
            } else {
                training.add(level);
            }
        }
        if (every > 0 && (out.isEmpty() || training.isEmpty())) {
            // Either way the run could not be measured or could not train: refuse before any training.
            throw new UserInputException("--hold-out " + every + (config.fold() == 0 ? "" : " --fold " + config.fold())
                    + " holds out the " + ordinal(position + 1) + " level of every " + every + ", which "
                    + (out.isEmpty() ? "is none" : "is all") + " of the corpus's " + levels.size()
                    + "; give a hold-out of at most " + levels.size() + " (and a fold of at most that), or 0");
        }
    }

    private static String ordinal(int n) {
        return n + (n % 100 / 10 == 1 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }

    private static String hash(List<? extends TileGrid> levels) {
        MessageDigest sha = FileDigests.sha256();
        for (TileGrid l : levels) {
            sha.update(l.toText().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
