package dev.levelgym.agents.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.io.FileDigests;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reading and writing checkpoint directories: the atomic directory swap, the manifest, JSON and binary files.
 */
public final class Checkpoints {

    public static final String MANIFEST = "manifest.json";
    private static final String CHECKSUM = "checksum";
    /** A manifest is a few kilobytes; one larger than this is not read into memory. */
    static final int MAX_MANIFEST_BYTES = 1 << 24;

    /** Shared mapper; records and {@code JsonNode} need nothing beyond the defaults. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    /** The canonical form a manifest's checksum is taken of: compact JSON, fields in the order written. */
    private static final ObjectMapper COMPACT = new ObjectMapper();

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
        /** Writes nothing: a checkpoint with no files of a caller's own. */
        DirectoryWriter NONE = dir -> { };

        void write(Path dir) throws IOException;
    }

    /**
     * Creates or replaces the checkpoint directory {@code target}: {@code writer}'s files and the manifest, which
     * records every file's length and SHA-256 and its own checksum. Everything is written into a fresh temporary
     * directory beside {@code target}, flushed to disk, then renamed into place ({@link AtomicFiles#writeDirectory}),
     * so {@code target} always holds the previous checkpoint or the new one, never a mix. If the process dies
     * between the two renames, the previous checkpoint survives as {@code .<name>.old-*} beside the target, which
     * {@link #recover} puts back. On any failure {@code target} is left as it was.
     *
     * @throws CheckpointException naming the checkpoint and the file that could not be written
     */
    public static void writeAtomically(Path target, Manifest manifest, DirectoryWriter writer) {
        try {
            AtomicFiles.writeDirectory(target, dir -> {
                writer.write(dir);
                Files.deleteIfExists(dir.resolve(MANIFEST));
                writeSealed(dir.resolve(MANIFEST), manifest.withFiles(FileDigests.of(dir, MANIFEST)));
            });
        } catch (IOException | UncheckedIOException e) {
            Path absolute = target.toAbsolutePath().normalize();
            String message = String.valueOf(e instanceof UncheckedIOException u ? u.getCause().getMessage()
                    : e.getMessage());
            String redundant = "cannot write " + absolute + ": ";
            throw new CheckpointException("cannot save checkpoint to " + absolute + ": "
                    + (message.startsWith(redundant) ? message.substring(redundant.length()) : message), e);
        }
    }

    /**
     * Puts back a checkpoint a killed save left renamed aside (see {@link #writeAtomically}) and removes the
     * temporary copies killed saves left beside {@code target}. Call it before resuming from {@code target}, when
     * no other process saves to it.
     *
     * @return true if a checkpoint is at {@code target} afterwards
     */
    public static boolean recover(Path target) {
        try {
            return AtomicFiles.recoverDirectory(target, dir -> {
                try {
                    readManifest(dir, peekManifest(dir).kind());
                    return true;
                } catch (CheckpointException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            throw new CheckpointException("cannot recover the checkpoint at " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code manifest} with its checksum: the SHA-256 of its canonical JSON without the checksum. */
    private static void writeSealed(Path file, Manifest manifest) throws IOException {
        // Canonical = compact JSON of the tree parsed back from the text, the way readManifest sees it.
        ObjectNode tree = (ObjectNode) JSON.readTree(JSON.writeValueAsBytes(manifest));
        tree.put(CHECKSUM, FileDigests.sha256(COMPACT.writeValueAsBytes(tree)));
        writeFile(file, out -> JSON.writeValue(out, tree));
    }

    /**
     * Reads {@code dir/manifest.json}, checks its checksum and that it is a checkpoint of {@code expectedKind} in a
     * format this build reads, and checks every file it lists against its recorded length and SHA-256.
     * A manifest from before levelgym recorded digests has neither, and is trusted as it always was.
     *
     * @throws CheckpointException naming the file if it is missing, unreadable, corrupt, truncated, changed or of
     *                             another kind
     */
    public static Manifest readManifest(Path dir, String expectedKind) {
        Path file = dir.resolve(MANIFEST);
        Manifest manifest = peekManifest(dir);
        if (manifest.format() != Manifest.FORMAT) {
            throw new CheckpointException(file + ": checkpoint format " + manifest.format()
                    + " is not supported (this build reads format " + Manifest.FORMAT + ")");
        }
        if (!manifest.kind().equals(expectedKind)) {
            throw new CheckpointException(file + ": this is a '" + manifest.kind() + "' checkpoint, not '"
                    + expectedKind + "'");
        }
        if (manifest.files() != null) {
            FileDigests.problem(dir, manifest.files(), file).ifPresent(problem -> {
                throw new CheckpointException("corrupt checkpoint: " + problem);
            });
        }
        return manifest;
    }

    /**
     * Reads {@code dir/manifest.json} and checks its own checksum, without reading the files it lists (for a
     * checkpoint's kind or env, say); {@link #readManifest} checks them.
     *
     * @throws CheckpointException naming the file if it is missing, unreadable or corrupt
     */
    public static Manifest peekManifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException("no checkpoint at " + dir + ": not a directory");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("missing checkpoint file " + file, e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new CheckpointException("corrupt checkpoint file " + file + ": larger than " + MAX_MANIFEST_BYTES
                    + " bytes, far more than a manifest holds");
        }
        return parseManifest(bytes, file);
    }

    /**
     * A manifest's text as read from {@code file}, its own checksum checked.
     *
     * @throws CheckpointException naming the file if it is corrupt
     */
    public static Manifest parseManifest(byte[] json, Path file) {
        JsonNode tree = parseJson(json, file, JsonNode.class);
        if (!tree.isObject()) {
            throw new CheckpointException("corrupt checkpoint file " + file + ": not a JSON object");
        }
        ObjectNode object = ((ObjectNode) tree).deepCopy();
        JsonNode checksum = object.remove(CHECKSUM);
        if (checksum != null || object.has("files")) {
            String actual;
            try {
                actual = FileDigests.sha256(COMPACT.writeValueAsBytes(object));
            } catch (JsonProcessingException e) {
                throw new CheckpointException("corrupt checkpoint file " + file + ": " + e.getOriginalMessage(), e);
            }
            if (checksum == null || !checksum.isTextual() || !checksum.asText().equalsIgnoreCase(actual)) {
                throw new CheckpointException("corrupt checkpoint file " + file + ": its checksum does not match "
                        + "its content (it was changed or damaged after it was written)");
            }
        }
        try {
            return JSON.treeToValue(tree, Manifest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new CheckpointException("corrupt checkpoint file " + file + ": " + message, e);
        }
    }

    /**
     * Writes one file of a checkpoint being written, through a buffered stream.
     *
     * @throws IOException naming {@code file} if it cannot be written (e.g. the disk is full)
     */
    public static void writeFile(Path file, AtomicFiles.Writer<OutputStream> writer) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            writer.write(out);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            throw message.contains(file.toString()) ? e : new IOException("cannot write " + file + ": " + message, e);
        }
    }

    public static void writeJson(Path file, Object value) throws IOException {
        writeFile(file, out -> JSON.writeValue(out, value));
    }

    /** Reads {@code file} as {@code type}; every failure becomes a {@link CheckpointException} naming the file. */
    public static <T> T readJson(Path file, Class<T> type) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("missing checkpoint file " + file, e);
        } catch (IOException | OutOfMemoryError e) {
            throw new CheckpointException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
        }
        return parseJson(bytes, file, type);
    }

    /** {@code json} as a {@code type}, as read from {@code file}; every failure is a {@link CheckpointException}. */
    public static <T> T parseJson(byte[] json, Path file, Class<T> type) {
        try {
            T value = JSON.readValue(json, type);
            if (value == null) {
                throw new CheckpointException("corrupt checkpoint file " + file + ": it is empty or null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new CheckpointException("corrupt checkpoint file " + file + ": " + String.valueOf(
                    e.getOriginalMessage()).lines().findFirst().orElse("malformed"), e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The agent's hyperparameters from its manifest, as {@code type}; a bad value names the manifest. */
    public static <T> T readHyperparameters(Path dir, Manifest manifest, Class<T> type) {
        try {
            return JSON.treeToValue(manifest.hyperparameters(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new CheckpointException("corrupt checkpoint file " + dir.resolve(MANIFEST)
                    + ": bad hyperparameters: " + rootMessage(e), e);
        }
    }

    /**
     * What {@code make} builds from values read out of {@code file}; the argument checks of the constructors it
     * calls ({@code IllegalArgumentException}, {@code NullPointerException} on a missing field) name the file.
     */
    public static <T> T fromFile(Path file, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CheckpointException("corrupt checkpoint file " + file + ": " + rootMessage(e), e);
        }
    }

    /** Saves a network's parameters in DJL's own format ({@link Block#saveParameters}). */
    public static void saveParameters(Block block, Path file) throws IOException {
        writeFile(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            block.saveParameters(out);
            out.flush();
        });
    }

    /**
     * Loads what {@link #saveParameters} wrote into {@code block} and returns its parameters, recording gradients
     * again (loading replaces the arrays behind the parameters, and the new ones do not).
     */
    public static List<Parameter> loadParameters(Block block, NDManager manager, Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            block.loadParameters(manager, in);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("missing checkpoint file " + file, e);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new CheckpointException("corrupt checkpoint file " + file + ": " + rootMessage(e), e);
        }
        List<Parameter> parameters = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            parameters.add(p.getValue());
            p.getValue().getArray().setRequiresGradient(true);
        }
        return parameters;
    }

    /** The message of the innermost cause: the one that says what was wrong. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** Writes {@code values} as a count followed by big-endian IEEE doubles (exact, unlike decimal text). */
    public static void writeDoubles(Path file, double[] values) throws IOException {
        writeFile(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeInt(values.length);
            for (double v : values) {
                out.writeDouble(v);
            }
            out.flush();
        });
    }

    /** Reads what {@link #writeDoubles} wrote, expecting exactly {@code expectedLength} values. */
    public static double[] readDoubles(Path file, int expectedLength) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
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
