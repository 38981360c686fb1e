package dev.levelgym.agents.bench;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.io.FileDigests;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A text file a run appends lines to (episodes.csv), keeping the length and SHA-256 of everything in it as it
 * goes, so a checkpoint can record exactly which bytes it covers ({@link #mark}) at no cost, and a resumed run can
 * check those bytes and cut whatever was written after them: a row a kill or a full disk cut short, and rows of
 * episodes the checkpoint does not hold.
 */
final class AppendLog implements Closeable {

    private final Path file;
    private final OutputStream out;
    private final MessageDigest digest;
    private long bytes;

    private AppendLog(Path file, MessageDigest digest, long bytes) throws IOException {
        this.file = file;
        this.digest = digest;
        this.bytes = bytes;
        this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND));
    }

    /** Creates {@code file} (atomically) holding {@code header} and opens it for appending. */
    static AppendLog create(Path file, String header) throws IOException {
        byte[] first = (header + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, o -> o.write(first));
        MessageDigest digest = FileDigests.sha256();
        digest.update(first);
        return new AppendLog(file, digest, first.length);
    }

    /**
     * Opens {@code file} to append after its first {@code mark.bytes()} bytes, which must be those {@code mark}
     * describes; anything after them is cut off first.
     *
     * @throws UserInputException naming the file if it is missing, shorter than the mark or differs from it
     */
    static AppendLog resume(Path file, FileDigests.Digest mark, String what) throws IOException {
        MessageDigest digest = FileDigests.sha256();
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            byte[] buffer = new byte[1 << 16];
            long left = mark.bytes();
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                digest.update(buffer, 0, n);
                left -= n;
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException("--resume: " + file + " is missing; " + what, e);
        }
        MessageDigest check;
        try {
            check = (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JDK's SHA-256 cannot be cloned", e);
        }
        if (size < mark.bytes() || !HexFormat.of().formatHex(check.digest()).equalsIgnoreCase(mark.sha256())) {
            throw new UserInputException("--resume: " + file + " is not what the checkpoint recorded: its first "
                    + mark.bytes() + " bytes " + (size < mark.bytes() ? "are not all there (" + size + " bytes)"
                    : "were changed") + "; " + what);
        }
        if (size > mark.bytes()) {
            // One system call: a kill leaves the file whole or cut, never half-rewritten.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(mark.bytes());
                channel.force(true);
            }
        }
        return new AppendLog(file, digest, mark.bytes());
    }

    /** Opens {@code file} to append after what it holds now. */
    static AppendLog openAtEnd(Path file) throws IOException {
        return resume(file, FileDigests.of(file), "");
    }

    /** Appends {@code line} and a line feed (to the buffer; {@link #flush} writes it). */
    void append(String line) throws IOException {
        byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            out.write(b);
        } catch (IOException e) {
            throw named(e);
        }
        digest.update(b);
        bytes += b.length;
    }

    void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw named(e);
        }
    }

    /** The length and SHA-256 of everything appended so far; {@link #flush} first to have it all on disk. */
    FileDigests.Digest mark() {
        try {
            return new FileDigests.Digest(bytes, HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest()));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JDK's SHA-256 cannot be cloned", e);
        }
    }

    private IOException named(IOException e) {
        return new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw named(e);
        }
    }
}
