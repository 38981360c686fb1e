package dev.levelgym.generators.gan;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Levels to train a GAN on: all of one size. */
public record DungeonTrainingCorpus(List<DungeonLevel> levels, int width, int height) {

    public DungeonTrainingCorpus {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new UserInputException("a training corpus needs at least one level");
        }
    }

    /** In-memory levels (e.g. the bundled corpus), which must share one size. */
    public static DungeonTrainingCorpus of(List<DungeonLevel> levels) {
        DungeonLevel first = levels.get(0);
        if ((first.width() - 2) * (first.height() - 2) < 3) {
            // Decoding and repair place the avatar, key and door on distinct cells inside the border.
            throw new UserInputException(first.id() + ": level is " + first.width() + "x" + first.height()
                    + "; a GAN or VAE needs at least 3 cells inside the border");
        }
        for (DungeonLevel l : levels) {
            if (l.width() != first.width() || l.height() != first.height()) {
                throw new UserInputException(l.id() + ": level is " + l.width() + "x" + l.height()
                        + " but " + first.id() + " is " + first.width() + "x" + first.height()
                        + "; a GAN or VAE trains on levels of one size");
            }
        }
        return new DungeonTrainingCorpus(levels, first.width(), first.height());
    }

    /**
     * Every {@code *.txt} file of {@code dir}, in name order.
     *
     * @throws IllegalArgumentException naming the file (with line and column from the parser) for a malformed
     *                                  level or one whose size differs from the first file's; or if there are none
     */
    public static DungeonTrainingCorpus load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("corpus " + dir + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new UserInputException("corpus " + dir + " has no level files (*.txt)");
        }
        List<DungeonLevel> levels = new ArrayList<>();
        Path firstFile = files.get(0);
        for (Path f : files) {
            DungeonLevel l = DungeonParser.parse(f);
            if (!levels.isEmpty()) {
                DungeonLevel first = levels.get(0);
                if (l.width() != first.width() || l.height() != first.height()) {
                    throw new UserInputException(f + ": level is " + l.width() + "x" + l.height() + " but "
                            + firstFile + " is " + first.width() + "x" + first.height()
                            + "; a GAN or VAE trains on levels of one size");
                }
            }
            levels.add(l);
        }
        return of(levels);
    }

    /** SHA-256 (hex) over the levels' texts in order: identifies the training data in a model's manifest. */
    public String hash() {
        return TrainingMaps.hash(levels.stream().map(DungeonLevel::toText).toList());
    }

    /** The levels (with their {@link TileMaps#withMirrors mirror images} if {@code mirror}) as one-hot maps. */
    public TrainingMaps maps(boolean mirror) {
        List<DungeonLevel> all = mirror ? TileMaps.withMirrors(levels) : levels;
        int size = TileMaps.paddedSize(width, height);
        int length = GanWorld.DUNGEON.channels() * size * size;
        float[] maps = new float[all.size() * length];
        for (int i = 0; i < all.size(); i++) {
            TrainingMaps.encode(GanWorld.DUNGEON, all.get(i).toText().lines().toList(), size, maps, i * length);
        }
        return new TrainingMaps(GanWorld.DUNGEON, width, height, maps, hash(), levels.size());
    }
}
