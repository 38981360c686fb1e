package dev.levelgym.envs.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes that a crash, a kill or a full disk cannot leave half done: every file and directory is written under a
 * temporary name beside its target ({@code .NAME.tmp-*}, same file system), flushed to disk, then renamed into
 * place, so a reader sees the old version or the new one, never a mix. A failure names the file and leaves the
 * target as it was; the temporary is removed (a killed process leaves it behind, which {@link #removeLeftovers}
 * clears).
 *
 * <p>A replaced file keeps its permissions; a new one gets those any new file of the user gets (not the owner-only
 * ones of {@link Files#createTempFile}). {@link #writeNew} never replaces: it publishes with a hard link, which
 * cannot go over an existing file, so the check and the write are one step.
 *
 * <p>This is levelgym's one helper for such writes (envs, agents, generators, the demo and the CLI all use it).
 *
 * <p>A directory that already exists is renamed aside ({@code .NAME.old-*}) before the new one takes its place,
 * since POSIX cannot rename a directory over a non-empty one; a kill between the two renames leaves the old
 * directory there, which {@link #recoverDirectory} puts back.
 */
public final class AtomicFiles {

    /** Our temporaries and set-aside directories: {@code .NAME.tmp-DIGITS} and {@code .NAME.old-DIGITS}. */
    private static final Pattern LEFTOVER = Pattern.compile("^\\..+\\.(tmp|old)-[0-9]+$");

    private AtomicFiles() {
    }

    /** Writes the content of a file or directory being created under a temporary name. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(T target) throws IOException;
    }

    /**
     * Creates or replaces {@code file} with what {@code writer} writes to the stream.
     *
     * @throws IOException naming {@code file} if it cannot be written (no space left, no permission, ...)
     */
    public static void write(Path file, Writer<OutputStream> writer) throws IOException {
        write(file, writer, true, true);
    }

    /** {@link #write(Path, Writer)} of {@code bytes}. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /**
     * {@link #write(Path, byte[])} without flushing to disk: still whole or absent after a crash or kill of the
     * process (the rename is atomic), but a power loss may leave an empty file. For outputs written by the thousand
     * that a rerun remakes, such as generated levels and their previews: a flush costs about 6.5 ms a file on this
     * project's build machine (ext4), 25 times the write itself.
     */
    public static void writeUnsynced(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes), true, false);
    }

    /**
     * Creates {@code file} with what {@code writer} writes, refusing to replace an existing one: the check and the
     * publication are one step (a hard link; a plain rename where the file system has no links), so two writers
     * cannot both think they made it.
     *
     * @throws FileAlreadyExistsException if {@code file} exists (nothing is changed)
     * @throws IOException                naming {@code file} if it cannot be written
     */
    public static void writeNew(Path file, Writer<OutputStream> writer) throws IOException {
        write(file, writer, false, true);
    }

    private static void write(Path file, Writer<OutputStream> writer, boolean replace, boolean sync)
            throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            temp = createFresh(parent, "." + target.getFileName() + ".tmp-", false);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                writer.write(out);
            }
            if (sync) {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
            if (replace) {
                keepPermissions(target, temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                temp = null;
            } else {
                publishNew(temp, target);
            }
            if (sync) {
                syncDirectory(parent);
            }
        } catch (FileAlreadyExistsException e) {
            throw e; // the caller's to handle (pick another name, ask the user), not an I/O failure
        } catch (IOException | UncheckedIOException e) {
            throw named(file, e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Links {@code temp} in as {@code target}, which must not exist; {@code temp} stays, for the caller to remove. */
    private static void publishNew(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException exists) {
                throw exists;
            }
            // No hard links here (some network and FAT file systems): a rename without REPLACE_EXISTING still
            // refuses an existing target, though not atomically with the check on every platform.
            Files.move(temp, target);
        }
    }

    /** Gives a replacing temporary file the permissions of the file it replaces (POSIX file systems only). */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (!Files.exists(target) || !target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
    }

    /** {@link #write(Path, Writer)} of a UTF-8 text. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Creates or replaces the directory {@code target} with what {@code writer} writes into a fresh empty
     * directory. Everything is flushed to disk before the rename, so a power loss cannot publish empty files.
     *
     * @throws IOException naming {@code target} (and the file, where the writer's error names one)
     */
    public static void writeDirectory(Path target, Writer<Path> writer) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        String name = absolute.getFileName().toString();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
                throw new IOException("cannot write " + absolute + ": it is a file, not a directory");
            }
            temp = createFresh(parent, "." + name + ".tmp-", true);
            writer.write(temp);
            syncTree(temp);
            if (Files.exists(absolute)) {
                Path old = createFresh(parent, "." + name + ".old-", true);
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
            throw new IOException("cannot write " + absolute + ": another writer created it concurrently", e);
        } catch (IOException | UncheckedIOException e) {
            // The writer's errors name files in the temporary directory; the user knows them by their final names.
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            if (temp != null && String.valueOf(io.getMessage()).contains(temp.toString())) {
                io = new IOException(io.getMessage().replace(temp.toString(), absolute.toString()), io);
            }
            throw named(absolute, io);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * After a kill: if the directory {@code target} is missing but a complete earlier version waits beside it
     * (renamed aside by {@link #writeDirectory}, with the new one not yet in place), renames the newest of those
     * that {@code complete} accepts back into place. Then removes every leftover temporary and set-aside copy of
     * {@code target}. Call it only when no other process writes {@code target}.
     *
     * @return true if {@code target} exists afterwards
     */
    public static boolean recoverDirectory(Path target, Predicate<Path> complete) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return false;
        }
        String prefix = "." + absolute.getFileName() + ".old-";
        if (!Files.exists(absolute)) {
            Optional<Path> newest;
            try (Stream<Path> siblings = Files.list(parent)) {
                newest = siblings.filter(p -> p.getFileName().toString().startsWith(prefix)
                                && Files.isDirectory(p) && complete.test(p))
                        .max(Comparator.comparing(AtomicFiles::modified));
            }
            if (newest.isPresent()) {
                Files.move(newest.get(), absolute, StandardCopyOption.ATOMIC_MOVE);
                syncDirectory(parent);
            }
        }
        String name = absolute.getFileName().toString();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent)) {
            for (Path p : siblings) {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + ".tmp-") || n.startsWith(prefix)) {
                    deleteRecursively(p);
                }
            }
        }
        return Files.isDirectory(absolute);
    }

    /** Removes what killed writes left in {@code dir} (not below it): {@code .NAME.tmp-*} and {@code .NAME.old-*}. */
    public static void removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (isLeftover(p)) {
                    deleteRecursively(p);
                }
            }
        }
    }

    /** True if {@code dir} is missing, or holds nothing but what killed writes left behind. */
    public static boolean isEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(AtomicFiles::isLeftover);
        }
    }

    /** True for a temporary or set-aside copy this class makes. */
    public static boolean isLeftover(Path p) {
        Path name = p.getFileName();
        return name != null && LEFTOVER.matcher(name.toString()).matches();
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /**
     * A new empty file or directory named {@code prefix} and random digits in {@code parent}. Unlike
     * {@link Files#createTempFile}, which makes files only their owner may read, it gets the permissions any new
     * file gets (the umask's), since it becomes a user's result file.
     */
    private static Path createFresh(Path parent, String prefix, boolean directory) throws IOException {
        while (true) {
            Path p = parent.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
            try {
                return directory ? Files.createDirectory(p) : Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                // drawn before: draw again
            }
        }
    }

    /** An IOException whose message starts with {@code file} unless the cause already names it. */
    private static IOException named(Path file, Exception e) {
        IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        if (io instanceof FileSystemException fse && fse.getReason() != null && fse.getFile() != null
                && isLeftover(Path.of(fse.getFile()))) {
            // The temporary's name means nothing to the user; the file it stands for and the reason do.
            return new IOException("cannot write " + file + ": " + fse.getReason(), io);
        }
        String message = String.valueOf(io.getMessage());
        if (message.contains(file.toString()) || message.contains(file.toAbsolutePath().normalize().toString())) {
            return io;
        }
        return new IOException("cannot write " + file + ": " + message, io);
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
}
