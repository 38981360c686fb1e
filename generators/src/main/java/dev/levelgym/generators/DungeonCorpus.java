package dev.levelgym.generators;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled hand-authored Dungeon levels (13×9, GVGAI zelda characters, wall border, all playable): the
 * default reference set for {@link LevelMetrics} and a style sample for generators. The files are resources under
 * {@value #ROOT}, listed in {@code index.txt}; each level's id is its file name.
 */
public final class DungeonCorpus {

    public static final String ROOT = "/dev/levelgym/generators/corpus/dungeon/";

    private static volatile List<DungeonLevel> levels;

    private DungeonCorpus() {
    }

    /** The corpus levels in index order (unmodifiable; loaded once). */
    public static List<DungeonLevel> levels() {
        List<DungeonLevel> l = levels;
        if (l == null) {
            l = load();
            levels = l;
        }
        return l;
    }

    private static List<DungeonLevel> load() {
        List<DungeonLevel> out = new ArrayList<>();
        for (String line : read("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                out.add(DungeonParser.parse(read(name), name));
            }
        }
        return List.copyOf(out);
    }

    private static String read(String name) {
        try (InputStream in = DungeonCorpus.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("corpus resource missing: " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
