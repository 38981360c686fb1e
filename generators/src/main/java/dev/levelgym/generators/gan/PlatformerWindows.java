package dev.levelgym.generators.gan;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Platformer training data the MarioGAN way (Volz et al. 2018): every {@value #WIDTH}-column window of every level,
 * at every column offset (stride 1), all {@value PlatformerLevel#HEIGHT} rows; one-hot over the platformer legend and
 * padded with empty sky to 32×32. No mirror images: play runs left to right, so a mirrored window is not a level of
 * the same game.
 */
public final class PlatformerWindows {

    /** Columns of a window, and of a GAN segment: MarioGAN's 28 (two NES screens' worth of 14 rows). */
    public static final int WIDTH = 28;

    private PlatformerWindows() {
    }

    /**
     * A rectangle of platformer tiles as text, whether or not it is a well-formed level (a window or a GAN segment
     * may have no start cell): what the pattern metrics compare.
     *
     * @param text rows of {@code width} legend characters, each ended by a newline
     */
    public record Window(String id, int width, String text) implements TileGrid {

        public Window {
            if (text.length() != (width + 1) * PlatformerLevel.HEIGHT) {
                throw new UserInputException(id + ": not " + PlatformerLevel.HEIGHT + " rows of " + width
                        + " tiles");
            }
        }

        @Override
        public int height() {
            return PlatformerLevel.HEIGHT;
        }

        @Override
        public char symbol(int x, int y) {
            return text.charAt(y * (width + 1) + x);
        }

        @Override
        public String toText() {
            return text;
        }

        @Override
        public Window withId(String newId) {
            return new Window(newId, width, text);
        }
    }

    /** Every window of every level, level by level, offsets left to right; ids {@code <level id>[from:to]}. */
    public static List<Window> of(List<PlatformerLevel> levels) {
        List<Window> windows = new ArrayList<>();
        for (PlatformerLevel l : levels) {
            String[] rows = l.toText().split("\n");
            for (int from = 0; from + WIDTH <= l.width(); from++) {
                StringBuilder sb = new StringBuilder((WIDTH + 1) * PlatformerLevel.HEIGHT);
                for (String row : rows) {
                    sb.append(row, from, from + WIDTH).append('\n');
                }
                windows.add(new Window(l.id() + "[" + from + ":" + (from + WIDTH) + "]", WIDTH, sb.toString()));
            }
        }
        return windows;
    }

    /**
     * The windows of {@code levels} as GAN training maps.
     *
     * @throws IllegalArgumentException if no level is {@value #WIDTH} columns wide
     */
    public static TrainingMaps maps(List<PlatformerLevel> levels) {
        List<Window> windows = of(levels);
        if (windows.isEmpty()) {
            throw new UserInputException("no platformer level is " + WIDTH + " columns wide: no training window");
        }
        int size = TileMaps.paddedSize(WIDTH, PlatformerLevel.HEIGHT);
        int length = GanWorld.PLATFORMER.channels() * size * size;
        float[] maps = new float[windows.size() * length];
        for (int i = 0; i < windows.size(); i++) {
            TrainingMaps.encode(GanWorld.PLATFORMER, windows.get(i).text().lines().toList(), size, maps, i * length);
        }
        String hash = TrainingMaps.hash(levels.stream().map(PlatformerLevel::toText).toList());
        return new TrainingMaps(GanWorld.PLATFORMER, WIDTH, PlatformerLevel.HEIGHT, maps, hash, levels.size());
    }

    /**
     * Every {@code *.txt} file of {@code dir} (VGLC Super Mario Bros format), in name order.
     *
     * @throws IllegalArgumentException naming the file, line and column of a malformed level; or if there is none
     */
    public static List<PlatformerLevel> load(Path dir) throws IOException {
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
        List<PlatformerLevel> levels = new ArrayList<>();
        for (Path f : files) {
            levels.add(PlatformerParser.parse(f));
        }
        return levels;
    }

    /** Level texts of equal height (segments, windows) side by side, as one level's text. */
    public static String join(List<String> segments) {
        List<String[]> rows = new ArrayList<>(segments.size());
        for (String s : segments) {
            rows.add(s.split("\n"));
        }
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < PlatformerLevel.HEIGHT; y++) {
            for (String[] r : rows) {
                sb.append(r[y]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
