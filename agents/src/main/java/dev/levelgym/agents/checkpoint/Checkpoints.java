package dev.levelgym.agents.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Reading and writing checkpoint directories: the atomic directory swap, the manifest, JSON and binary files.
 */
public final class Checkpoints {

    public static final String MANIFEST = "manifest.json";

    /** Shared mapper; records and {@code JsonNode} need nothing beyond the defaults. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final String VERSION = readVersion();

    private Checkpoints() {
    }

    /** The levelgym version of this build, or {@code "development"} if the build did not stamp one. */
    public static String levelgymVersion() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = Checkpoints.class.getResourceAsStream("/dev/levelgym/agents/version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            // Unfiltered (e.g. run from an IDE without Maven's resource filtering).
            return version.isEmpty() || version.startsWith("${") ? "development" : version;
        } catch (IOException e) {
            return "development";
        }
    }

    /** Writes the files of a checkpoint into a directory; the directory exists and is empty when called. */
    @FunctionalInterface
    public interface DirectoryWriter {
        void write(Path dir) throws IOException;
    }

    /**
     * Creates or replaces the checkpoint directory {@code target}. Everything is written into a fresh temporary
     * directory beside {@code target} (same file system, so renames are atomic), then renamed into place. An
     * existing checkpoint is first renamed aside, then deleted once the new one is in place: POSIX cannot rename
     * a directory over a non-empty one, and copying would expose a half-written state. If the process dies between
     * the two renames, the previous checkpoint survives as {@code .<name>.old-*} beside the target.
     * Files and directories are flushed to disk before and after the renames, so a power loss cannot leave a
 * published checkpoint with empty files. On any failure the temporary directory is removed and {@code target} is
 * left as it was.
     */
    public static void writeAtomically(Path target, DirectoryWriter writer) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        String name = absolute.getFileName().toString();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
                throw new CheckpointException("cannot save checkpoint to " + absolute + ": it is a file, not a directory");
            }
            temp = Files.createTempDirectory(parent, "." + name + ".tmp-");
            writer.write(temp);
            syncTree(temp);
            if (Files.exists(absolute)) {
                Path old = Files.createTempDirectory(parent, "." + name + ".old-");
                Files.delete(old); // only reserved the unique name
                Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
                temp = null;
                deleteRecursively(old);
            } else {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
                temp = null;
            }
            syncDirectory(parent);
        } catch (FileAlreadyExistsException e) {
            throw new CheckpointException("cannot save checkpoint to " + absolute
                    + ": another writer created it concurrently", e);
        } catch (IOException | UncheckedIOException e) {
            throw new CheckpointException("cannot save checkpoint to " + absolute + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** Flushes every file, then the directory, so the rename cannot publish files whose data is still cached. */
    private static void syncTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                try (FileChannel channel = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
        syncDirectory(dir);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the rename is still atomic there, only less durable.
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException e) {
            // Best effort: the original failure is the one worth reporting.
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public static void writeManifest(Path dir, Manifest manifest) throws IOException {
        writeJson(dir.resolve(MANIFEST), manifest);
    }

    /**
     * Reads {@code dir/manifest.json} and checks it is a checkpoint of {@code expectedKind} in a format this build
     * reads.
     *
     * @throws CheckpointException naming the file if it is missing, unreadable, corrupt or of another kind
     */
    public static Manifest readManifest(Path dir, String expectedKind) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException("no checkpoint at " + dir + ": not a directory");
        }
        Manifest manifest = readJson(file, Manifest.class);
        if (manifest.format() != Manifest.FORMAT) {
            throw new CheckpointException(file + ": checkpoint format " + manifest.format()
                    + " is not supported (this build reads format " + Manifest.FORMAT + ")");
        }
        if (!manifest.kind().equals(expectedKind)) {
            throw new CheckpointException(file + ": this is a '" + manifest.kind() + "' checkpoint, not '"
                    + expectedKind + "'");
        }
        return manifest;
    }

    public static void writeJson(Path file, Object value) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }

    /** Reads {@code file} as {@code type}; every failure becomes a {@link CheckpointException} naming the file. */
    public static <T> T readJson(Path file, Class<T> type) {
        try {
            T value = JSON.readValue(file.toFile(), type);
            if (value == null) {
                throw new CheckpointException("corrupt checkpoint file " + file + ": it is empty or null");
            }
            return value;
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new CheckpointException("missing checkpoint file " + file, e);
        } catch (JsonProcessingException e) {
            throw new CheckpointException("corrupt checkpoint file " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code values} as a count followed by big-endian IEEE doubles (exact, unlike decimal text). */
    public static void writeDoubles(Path file, double[] values) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                Files.newOutputStream(file)))) {
            out.writeInt(values.length);
            for (double v : values) {
                out.writeDouble(v);
            }
        }
    }

    /** Reads what {@link #writeDoubles} wrote, expecting exactly {@code expectedLength} values. */
    public static double[] readDoubles(Path file, int expectedLength) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int length = in.readInt();
            if (length != expectedLength) {
                throw new CheckpointException("corrupt checkpoint file " + file + ": holds " + length
                        + " values, expected " + expectedLength);
            }
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = in.readDouble();
            }
            if (in.read() != -1) {
                throw new CheckpointException("corrupt checkpoint file " + file + ": trailing bytes after "
                        + length + " values");
            }
            return values;
        } catch (NoSuchFileException e) {
            throw new CheckpointException("missing checkpoint file " + file, e);
        } catch (EOFException e) {
            throw new CheckpointException("corrupt checkpoint file " + file + ": truncated", e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }
}
