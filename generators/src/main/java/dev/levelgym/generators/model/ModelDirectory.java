package dev.levelgym.generators.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.io.FileDigests;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The directory a trained network is saved as (a GAN, a VAE): one weights file holding its blocks' parameters in
 * DJL's format, one after another, and {@value #MANIFEST_FILE}, which records the weights' length and SHA-256 and
 * its own checksum (the SHA-256 of its compact JSON without the {@code checksum} field). It is written atomically and
 * read back refusing, by file name, anything missing, truncated, changed or not fitting the networks.
 *
 * <p>What the manifest says beyond that (its kind, format, world and sizes) is the model's to check: this class
 * reads its bytes and its JSON tree, and turns the tree into the model's record.
 */
public final class ModelDirectory {

    public static final String MANIFEST_FILE = "manifest.json";
    /** A manifest is a few kilobytes; one larger than this is not read into memory. */
    public static final int MAX_MANIFEST_BYTES = 1 << 24;
    /** How manifests are written and read. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    /** The canonical form the manifest's checksum is taken of: compact JSON, fields in the order written. */
    private static final ObjectMapper COMPACT = new ObjectMapper();
    public static final String CHECKSUM = "checksum";

    private final String label;
    private final String weightsFile;

    /**
     * @param label       what the model is called in messages, e.g. {@code GAN}
     * @param weightsFile the weights' file name inside the directory
     */
    public ModelDirectory(String label, String weightsFile) {
        this.label = label;
        this.weightsFile = weightsFile;
    }

    public String weightsFile() {
        return weightsFile;
    }

    /** Writes extra files (e.g. sample pictures, held-out levels) into the model directory before it is published. */
    @FunctionalInterface
    public interface ExtraFiles {
        void write(Path dir) throws IOException;
    }

    /**
     * Writes a model to {@code dir} atomically: into a temporary directory beside it, then renamed into place (an
     * existing directory is first renamed aside and deleted after), so {@code dir} never holds half a model. The
     * weights come first, then {@code extra}'s files, then the manifest: {@code manifest} given the weights' digest,
     * with its checksum added.
     *
     * @param blocks   the networks whose parameters are saved, in the order {@link #loadWeights} reads them
     * @param manifest the manifest record recording the given file digests
     * @throws IOException naming the file that could not be written
     */
    public void save(Path dir, List<Block> blocks, ExtraFiles extra,
                     Function<SortedMap<String, FileDigests.Digest>, ?> manifest) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException("cannot save the model to " + dir + ": it is a file");
        }
        AtomicFiles.writeDirectory(dir, temp -> {
            Path weights = temp.resolve(weightsFile);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(weights)))) {
                for (Block block : blocks) {
                    block.saveParameters(out);
                }
            } catch (IOException e) {
                throw new IOException("cannot write " + dir.resolve(weightsFile) + ": " + e.getMessage(), e);
            }
            extra.write(temp);
            SortedMap<String, FileDigests.Digest> digests = new TreeMap<>();
            digests.put(weightsFile, FileDigests.of(weights));
            ObjectNode tree = (ObjectNode) JSON.readTree(JSON.writeValueAsBytes(manifest.apply(digests)));
            tree.put(CHECKSUM, FileDigests.sha256(COMPACT.writeValueAsBytes(tree)));
            try {
                JSON.writeValue(temp.resolve(MANIFEST_FILE).toFile(), tree);
            } catch (IOException e) {
                throw new IOException("cannot write " + dir.resolve(MANIFEST_FILE) + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * The bytes of {@code dir}'s manifest.
     *
     * @throws UserInputException naming the directory or file when it is not a directory, has no manifest or one too
     *                            large to be one
     */
    public byte[] readManifest(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("no " + label + " model at " + dir + ": not a directory");
        }
        Path file = dir.resolve(MANIFEST_FILE);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing " + label + " model file " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new UserInputException("corrupt " + label + " model file " + file + ": larger than "
                    + MAX_MANIFEST_BYTES + " bytes, far more than a manifest holds");
        }
        return bytes;
    }

    /** A manifest's JSON tree, checked by {@code check} (which may refuse it or fill in fields), as a record. */
    public <T> T parse(byte[] json, Path file, Class<T> type, ManifestCheck check) {
        try {
            JsonNode tree = JSON.readTree(json);
            check.check(tree);
            return JSON.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new UserInputException("corrupt " + label + " model file " + file + ": "
                    + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("malformed"), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a model checks of its manifest's tree before it is read as the model's record. */
    @FunctionalInterface
    public interface ManifestCheck {
        void check(JsonNode tree) throws JsonProcessingException;
    }

    /**
     * Refuses a manifest whose checksum is missing or does not match its content.
     *
     * @throws UserInputException naming the file
     */
    public void requireChecksum(ObjectNode tree, Path file) throws JsonProcessingException {
        ObjectNode object = tree.deepCopy();
        JsonNode checksum = object.remove(CHECKSUM);
        if (checksum == null || !checksum.isTextual()
                || !checksum.asText().equalsIgnoreCase(FileDigests.sha256(COMPACT.writeValueAsBytes(object)))) {
            throw new UserInputException("corrupt " + label + " model file " + file + ": its checksum does not match "
                    + "its content (it was changed or damaged after it was saved)");
        }
    }

    /**
     * Refuses {@code dir} if a file {@code recorded} (by its manifest) is missing or its bytes changed.
     *
     * @throws UserInputException naming the file
     */
    public void requireFiles(Path dir, Map<String, FileDigests.Digest> recorded) {
        FileDigests.problem(dir, recorded, dir.resolve(MANIFEST_FILE)).ifPresent(problem -> {
            throw new UserInputException("corrupt " + label + " model: " + problem);
        });
    }

    /**
     * Reads the weights file of {@code dir} into {@code blocks} (initialised to the manifest's sizes), in order.
     *
     * @throws UserInputException naming the file when it is missing, ends early, has bytes after the weights, or
     *                            holds weights of other shapes than the manifest's sizes give
     */
    public void loadWeights(Path dir, NDManager manager, Block... blocks) {
        List<Shape> expected = shapes(blocks);
        Path weights = dir.resolve(weightsFile);
        boolean trailing;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
            for (Block block : blocks) {
                block.loadParameters(manager, in);
            }
            trailing = in.read() != -1;
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing " + label + " model file " + weights, e);
        } catch (EOFException e) {
            throw new UserInputException("corrupt " + label + " model file " + weights + ": it ends before the "
                    + "weights do (truncated: " + size(weights) + " bytes)", e);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new UserInputException("corrupt " + label + " model file " + weights + ": "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
        if (trailing) {
            throw new UserInputException("corrupt " + label + " model file " + weights
                    + ": trailing bytes after the weights");
        }
        if (!expected.equals(shapes(blocks))) {
            throw new UserInputException(weights + " does not match " + dir.resolve(MANIFEST_FILE)
                    + ": weight shapes " + shapes(blocks) + ", the manifest's sizes need " + expected);
        }
    }

    private static String size(Path file) {
        try {
            return Long.toString(Files.size(file));
        } catch (IOException e) {
            return "?";
        }
    }

    private static List<Shape> shapes(Block... blocks) {
        List<Shape> shapes = new ArrayList<>();
        for (Block block : blocks) {
            for (Pair<String, Parameter> p : block.getParameters()) {
                shapes.add(p.getValue().getArray().getShape());
            }
        }
        return shapes;
    }
}
