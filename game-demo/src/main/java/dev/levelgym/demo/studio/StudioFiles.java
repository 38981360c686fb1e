package dev.levelgym.demo.studio;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonTmxReader;
import dev.levelgym.envs.grid.LevelFormatException;
import dev.levelgym.envs.grid.LevelText;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.generators.export.TiledExport;
import dev.levelgym.generators.export.TmxMapWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The studio's level files: GVGAI and VGLC level text, and Tiled maps ({@code .tmx}, the Dungeon's, over the
 * tileset {@code levelgym generate --format tmx} writes). Every write goes through {@link AtomicFiles} (a temporary
 * file in the target's folder, flushed, then moved into place), so a crash never leaves half a level; without
 * {@code replace} it refuses an existing file.
 */
public final class StudioFiles {

    /** Larger files are refused before they are read: the biggest level the studio edits is well under this. */
    static final long MAX_BYTES = 1 << 20;

    private StudioFiles() {
    }

    static boolean tiled(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".tmx");
    }

    /**
     * Reads a level file of {@code world} as a grid: a Tiled map (Dungeon only) or level text. Text that is a
     * rectangle of the world's tiles opens even if the parser refuses the level (the live check then shows why).
     *
     * @throws LevelFormatException naming the file, line and column when the file is no grid of tiles
     * @throws UserInputException   for a missing, too large or wrong-world file
     */
    public static EditGrid read(StudioWorld world, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + " does not exist or is not a file");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new UserInputException(file + " is " + size + " bytes; a level file is at most " + MAX_BYTES);
        }
        if (tiled(file)) {
            if (!(world instanceof DungeonStudioWorld)) {
                throw new UserInputException(file + ": Tiled maps are the Dungeon's format here; the " + world.label()
                        + " reads VGLC level text (.txt)");
            }
            DungeonLevel level = DungeonTmxReader.read(file);
            return world.grid(level.toText(), file.toString());
        }
        return world.grid(LevelText.read(file), file.toString());
    }

    /**
     * Writes the grid to {@code file}: a Tiled map for {@code .tmx} (the level must be well formed; the tileset is
     * written beside it, or left as it is when identical), level text otherwise.
     *
     * @param replace whether an existing file may be replaced (the designer said yes)
     * @throws FileAlreadyExistsException when the file exists and {@code replace} is false
     * @throws UserInputException         for a map of a malformed level, or a different tileset already there
     */
    public static void write(StudioWorld world, Path file, EditGrid grid, boolean replace) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (!tiled(file)) {
            writeAtomically(file, grid.text().getBytes(StandardCharsets.UTF_8), replace);
            return;
        }
        if (!(world instanceof DungeonStudioWorld)) {
            throw new UserInputException(file + ": Tiled maps are the Dungeon's format here; save the "
                    + world.label() + " level as .txt");
        }
        DungeonLevel level;
        try {
            level = DungeonStudioWorld.level(grid);
        } catch (LevelFormatException e) {
            throw new UserInputException("a Tiled map needs a well-formed level; this one: " + e.reason());
        }
        List<Path> conflicts = TiledExport.conflictingTilesetFiles(dir);
        if (!conflicts.isEmpty()) {
            throw new UserInputException(conflicts.get(0) + " differs from the studio's tileset; save the map in "
                    + "another folder");
        }
        if (!replace && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        TiledExport.writeTileset(dir);
        writeAtomically(file, TmxMapWriter.toTmx(level).getBytes(StandardCharsets.UTF_8), replace);
    }

    /** Through {@link AtomicFiles}: a replaced file keeps its permissions, a new one never replaces another. */
    private static void writeAtomically(Path file, byte[] bytes, boolean replace) throws IOException {
        if (replace) {
            AtomicFiles.write(file, bytes);
        } else {
            AtomicFiles.writeNew(file, out -> out.write(bytes));
        }
    }
}
