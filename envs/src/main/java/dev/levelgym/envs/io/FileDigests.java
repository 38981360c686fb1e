package dev.levelgym.envs.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * SHA-256 digests of the files of a saved model or checkpoint, recorded in its manifest when it is written and
 * checked when it is read, so a file whose bytes changed, a truncated one and a missing one are refused by name
 * instead of loading as something else.
 */
public final class FileDigests {

    /** A file's length and SHA-256, as a manifest records them. */
    public record Digest(long bytes, String sha256) {
    }

    private FileDigests() {
    }

    /** The digests of every regular file below {@code dir} but {@code excluded}, keyed by '/'-separated path. */
    public static SortedMap<String, Digest> of(Path dir, String... excluded) throws IOException {
        SortedMap<String, Digest> digests = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = relativeName(dir, file);
                if (!java.util.Arrays.asList(excluded).contains(name)) {
                    digests.put(name, of(file));
                }
            }
        }
        return digests;
    }

    /** The digest of one file. */
    public static Digest of(Path file) throws IOException {
        MessageDigest sha = sha256();
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                bytes += n;
            }
        }
        return new Digest(bytes, HexFormat.of().formatHex(sha.digest()));
    }

    /** The SHA-256 of {@code bytes}, in hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** A fresh SHA-256 (every JDK has one). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /**
     * What is wrong with the files of {@code dir} against the digests {@code recorded} (by {@code manifest}), or
     * empty if every file is there with its recorded bytes. Files not recorded are not looked at.
     *
     * @return e.g. "DIR/q-table.bin is truncated: 1200 bytes, DIR/manifest.json records 2564"
     */
    public static Optional<String> problem(Path dir, Map<String, Digest> recorded, Path manifest) {
        for (Map.Entry<String, Digest> e : recorded.entrySet()) {
            String name = e.getKey();
            Digest expected = e.getValue();
            if (name.isEmpty() || name.startsWith("/") || name.contains("..") || name.contains("\\")
                    || expected == null || expected.sha256() == null) {
                return Optional.of(manifest + " is corrupt: it lists the file '" + name + "'");
            }
            Path file = dir.resolve(name);
            Digest actual;
            try {
                actual = of(file);
            } catch (NoSuchFileException ex) {
                return Optional.of("missing file " + file + " (listed in " + manifest + ")");
            } catch (IOException ex) {
                return Optional.of("cannot read " + file + ": " + ex.getMessage());
            }
            if (actual.bytes() < expected.bytes()) {
                return Optional.of(file + " is truncated: " + actual.bytes() + " bytes, " + manifest + " records "
                        + expected.bytes());
            }
            if (actual.bytes() != expected.bytes()) {
                return Optional.of(file + " has " + actual.bytes() + " bytes, " + manifest + " records "
                        + expected.bytes() + ": it was changed after it was written");
            }
            if (!actual.sha256().equalsIgnoreCase(expected.sha256())) {
                return Optional.of(file + " is corrupt: its SHA-256 differs from the one " + manifest
                        + " records (its bytes changed after it was written)");
            }
        }
        return Optional.empty();
    }

    private static String relativeName(Path dir, Path file) {
        StringBuilder name = new StringBuilder();
        for (Path part : dir.relativize(file)) {
            if (name.length() > 0) {
                name.append('/');
            }
            name.append(part);
        }
        return name.toString();
    }
}
