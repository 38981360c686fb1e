package dev.levelgym.generators.export;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Tiled files into an output folder: the shared tileset ({@value DungeonTileset#IMAGE_FILE} and
 * {@value DungeonTileset#TSX_FILE}) once per folder, and one {@code .tmx} map per level referencing it.
 *
 * <p>Overwrite rule for the shared tileset: a tileset file that already holds exactly the bytes we would write
 * is left as it is (so a second run adds maps to a folder without {@code --force}); one with other content (a
 * designer's edited tileset, or one from another version) is a conflict the caller must refuse unless forced.
 * Every file is written to a temporary file and renamed into place, so a crash never leaves half a file.
 */
public final class TiledExport {

    private TiledExport() {
    }

    /** The tileset files in {@code dir} that exist with content other than what {@link #writeTileset} writes. */
    public static List<Path> conflictingTilesetFiles(Path dir) throws IOException {
        List<Path> conflicts = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : tilesetFiles().entrySet()) {
            Path p = dir.resolve(e.getKey());
            if (Files.exists(p) && !(Files.isRegularFile(p) && Arrays.equals(Files.readAllBytes(p), e.getValue()))) {
                conflicts.add(p);
            }
        }
        return conflicts;
    }

    /** Writes the tileset files into {@code dir}, leaving identical ones untouched. */
    public static void writeTileset(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> e : tilesetFiles().entrySet()) {
            Path p = dir.resolve(e.getKey());
            if (!(Files.isRegularFile(p) && Arrays.equals(Files.readAllBytes(p), e.getValue()))) {
                AtomicFiles.write(p, e.getValue());
            }
        }
    }

    /** Writes {@code level} as a map to {@code file}, which references the tileset in the same folder. */
    public static void writeMap(Path file, DungeonLevel level) throws IOException {
        AtomicFiles.write(file, TmxMapWriter.toTmx(level).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> tilesetFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(DungeonTileset.IMAGE_FILE, DungeonTileset.png());
        files.put(DungeonTileset.TSX_FILE, DungeonTileset.tsx().getBytes(StandardCharsets.UTF_8));
        return files;
    }
}
