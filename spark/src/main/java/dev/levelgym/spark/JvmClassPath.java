package dev.levelgym.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path this JVM runs with: the entries of {@code java.class.path} and, for a jar among them, the existing
 * jars its manifest's {@code Class-Path} names (how {@code java -jar levelgym.jar} finds its plugins, which
 * {@code java.class.path} does not list). What a cluster on this machine needs to run levelgym's classes.
 */
public final class JvmClassPath {

    private JvmClassPath() {
    }

    /** The entries, in class-path order, without duplicates. */
    public static List<Path> entries() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                add(Path.of(e).toAbsolutePath().normalize(), entries);
            }
        }
        return new ArrayList<>(entries);
    }

    private static void add(Path entry, Set<Path> entries) {
        if (!entries.add(entry) || !Files.isRegularFile(entry) || !entry.getFileName().toString().endsWith(".jar")) {
            return;
        }
        Manifest manifest;
        try (JarFile jar = new JarFile(entry.toFile())) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the jar " + entry + " on the class path: " + e.getMessage(), e);
        }
        String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
        if (classPath == null) {
            return;
        }
        URI base = entry.getParent().toUri();
        for (String relative : classPath.trim().split("\\s+")) {
            Path referenced = Path.of(base.resolve(relative)).normalize();
            if (Files.exists(referenced)) { // the JVM skips missing entries, and so do we
                add(referenced, entries);
            }
        }
    }

    /** {@link #entries()} joined for a {@code -cp} option or {@code spark.executor.extraClassPath}. */
    public static String asString() {
        return String.join(File.pathSeparator, entries().stream().map(Path::toString).toList());
    }
}
