package dev.levelgym.generators;

import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled hand-authored platformer levels (VGLC Super Mario Bros format, 14 rows, 150–250 columns, all
 * completable by {@link dev.levelgym.envs.platformer.level.PlatformerSolver}): the default reference set for
 * {@link LevelMetrics} on Platformer-v0 and the default training set for platformer generators. The files are
 * resources under {@value #ROOT}, listed in {@code index.txt}; each level's id is its file name.
 */
public final class PlatformerCorpus {

    public static final String ROOT = "/dev/levelgym/generators/corpus/platformer/";

    private static volatile List<PlatformerLevel> levels;

    private PlatformerCorpus() {
    }

    /** The corpus levels in index order (unmodifiable; loaded once). */
    public static List<PlatformerLevel> levels() {
        List<PlatformerLevel> l = levels;
        if (l == null) {
            l = load();
            levels = l;
        }
        return l;
    }

    private static List<PlatformerLevel> load() {
        List<PlatformerLevel> out = new ArrayList<>();
        for (String line : read("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                out.add(PlatformerParser.parse(read(name), name));
            }
        }
        return List.copyOf(out);
    }

    private static String read(String name) {
        try (InputStream in = PlatformerCorpus.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("corpus resource missing: " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
