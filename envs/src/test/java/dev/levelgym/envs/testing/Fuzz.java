package dev.levelgym.envs.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.levelgym.envs.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A seeded fuzzer for our parsers: it feeds a parser inputs mutated from valid seeds (byte flips, insertions,
 * deletions, repeated chunks, splices of format tokens, truncations) and random ones, and fails on any exception
 * but the user-error types (a {@link UserInputException}, e.g. a located level format error, or one the caller
 * allows, such as a checkpoint error), on an input that takes longer than {@link #SLOW_MILLIS}, and on an
 * {@link OutOfMemoryError}. The same seed gives the same inputs, so a failure reproduces: the failing input is
 * written to {@code target/fuzz-failures/} and the message names its index and the seed.
 */
public final class Fuzz {

    /** An input taking longer than this counts as a hang (generous: the machine is shared and sometimes loaded). */
    public static final long SLOW_MILLIS = 5_000;

    /** How a parser under test is called on one input; it may throw what it likes. */
    @FunctionalInterface
    public interface Parser {
        void parse(byte[] input) throws Exception;
    }

    /** What a run did: inputs tried, how many were accepted (parsed), wall seconds, and the slowest input. */
    public record Report(String name, long seed, int inputs, int accepted, double seconds, double slowestMillis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "fuzz %s: %d inputs (seed %d), %d accepted, %d refused as user "
                    + "errors, %.1f s (%.1f µs per input, slowest %.1f ms)", name, inputs, seed, accepted,
                    inputs - accepted, seconds, seconds * 1e6 / inputs, slowestMillis);
        }
    }

    private final String name;
    private final long seed;
    private final List<byte[]> seeds;
    private final List<byte[]> tokens;
    private final List<Class<? extends Throwable>> allowed = new ArrayList<>(List.of(UserInputException.class));

    private Fuzz(String name, long seed, List<byte[]> seeds, List<byte[]> tokens) {
        this.name = name;
        this.seed = seed;
        this.seeds = seeds;
        this.tokens = tokens;
    }

    /**
     * A fuzzer named {@code name} (for reports and failure files) mutating {@code seeds}, splicing in
     * {@code tokens} (the format's keywords and delimiters) among other mutations.
     */
    public static Fuzz of(String name, long seed, List<String> seeds, List<String> tokens) {
        Function<String, byte[]> utf8 = s -> s.getBytes(StandardCharsets.UTF_8);
        return new Fuzz(name, seed, seeds.stream().map(utf8).toList(), tokens.stream().map(utf8).toList());
    }

    /** Also accepts {@code type} (e.g. the checkpoint error type of a module above envs) as a user error. */
    public Fuzz allowing(Class<? extends Throwable> type) {
        allowed.add(type);
        return this;
    }

    /**
     * Runs {@code count} inputs through {@code parser}: the seeds themselves first, then for each input, with
     * probability 1/16 a random string of format tokens and bytes, otherwise one to eight mutations of a seed.
     *
     * @return what happened; the test fails at the first input whose outcome is not acceptable
     */
    public Report run(int count, Parser parser) {
        SplittableRandom random = new SplittableRandom(seed);
        int accepted = 0;
        double slowest = 0;
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            byte[] input = i < seeds.size() ? seeds.get(i) : next(random);
            long t0 = System.nanoTime();
            try {
                parser.parse(input);
                accepted++;
            } catch (Throwable e) {
                if (!isAllowed(e)) {
                    failWith(i, input, e);
                }
            }
            double millis = (System.nanoTime() - t0) / 1e6;
            slowest = Math.max(slowest, millis);
            if (millis > SLOW_MILLIS) {
                failWith(i, input, new AssertionError("took " + millis + " ms"));
            }
        }
        return new Report(name, seed, count, accepted, (System.nanoTime() - started) / 1e9, slowest);
    }

    private boolean isAllowed(Throwable e) {
        for (Class<? extends Throwable> type : allowed) {
            if (type.isInstance(e) && e.getMessage() != null && !e.getMessage().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** One generated input. */
    byte[] next(SplittableRandom random) {
        if (random.nextInt(16) == 0) {
            return randomInput(random);
        }
        byte[] input = seeds.get(random.nextInt(seeds.size()));
        int mutations = 1 + random.nextInt(8);
        for (int m = 0; m < mutations; m++) {
            input = mutate(input, random);
        }
        return input;
    }

    private byte[] randomInput(SplittableRandom random) {
        Bytes out = new Bytes();
        int parts = random.nextInt(64);
        for (int p = 0; p < parts; p++) {
            if (!tokens.isEmpty() && random.nextBoolean()) {
                out.add(tokens.get(random.nextInt(tokens.size())));
            } else {
                out.add((byte) random.nextInt(256));
            }
        }
        return out.toArray();
    }

    private byte[] mutate(byte[] in, SplittableRandom random) {
        int n = in.length;
        int at = n == 0 ? 0 : random.nextInt(n + 1);
        Bytes out = new Bytes();
        switch (random.nextInt(9)) {
            case 0 -> { // flip one bit
                if (n == 0) {
                    return new byte[] {(byte) random.nextInt(256)};
                }
                byte[] copy = in.clone();
                int i = random.nextInt(n);
                copy[i] ^= (byte) (1 << random.nextInt(8));
                return copy;
            }
            case 1 -> { // replace a byte with an interesting one
                if (n == 0) {
                    return in;
                }
                byte[] copy = in.clone();
                byte[] interesting = {0, '\n', '\r', ' ', '\t', ',', '"', '<', '>', '&', '-', '9', (byte) 0xFF,
                        (byte) 0xC3, (byte) 0x80, '{', '}', '[', ']', ':'};
                copy[random.nextInt(n)] = interesting[random.nextInt(interesting.length)];
                return copy;
            }
            case 2 -> { // delete a range
                int len = Math.min(n - Math.min(at, n), 1 + random.nextInt(16));
                out.add(in, 0, at);
                out.add(in, Math.min(n, at + len), n);
                return out.toArray();
            }
            case 3 -> { // insert random bytes
                out.add(in, 0, at);
                int len = 1 + random.nextInt(8);
                for (int i = 0; i < len; i++) {
                    out.add((byte) random.nextInt(256));
                }
                out.add(in, at, n);
                return out.toArray();
            }
            case 4 -> { // splice a token
                if (tokens.isEmpty()) {
                    return in;
                }
                out.add(in, 0, at);
                out.add(tokens.get(random.nextInt(tokens.size())));
                out.add(in, at, n);
                return out.toArray();
            }
            case 5 -> { // repeat a chunk (longer rows, more rows, repeated elements)
                int len = n == 0 ? 0 : Math.min(n - Math.min(at, n), 1 + random.nextInt(64));
                int times = 1 + random.nextInt(random.nextInt(8) == 0 ? 200 : 4);
                out.add(in, 0, at + len);
                for (int t = 0; t < times; t++) {
                    out.add(in, at, at + len);
                }
                out.add(in, at + len, n);
                return out.toArray();
            }
            case 6 -> { // truncate
                return java.util.Arrays.copyOf(in, at);
            }
            case 7 -> { // splice part of another seed
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                int to = Math.min(other.length, from + random.nextInt(128));
                out.add(in, 0, at);
                out.add(other, from, to);
                out.add(in, at, n);
                return out.toArray();
            }
            default -> { // replace a digit run with an extreme number
                String[] numbers = {"0", "-1", "2147483647", "2147483648", "-2147483648", "9223372036854775807",
                        "99999999999999999999", "1e309", "NaN", "0.0", "1048577", "65536", "100000000"};
                byte[] number = numbers[random.nextInt(numbers.length)].getBytes(StandardCharsets.US_ASCII);
                int start = at;
                while (start < n && !(in[start] >= '0' && in[start] <= '9')) {
                    start++;
                }
                if (start >= n) {
                    return in;
                }
                int end = start;
                while (end < n && in[end] >= '0' && in[end] <= '9') {
                    end++;
                }
                out.add(in, 0, start);
                out.add(number);
                out.add(in, end, n);
                return out.toArray();
            }
        }
    }

    private void failWith(int index, byte[] input, Throwable e) {
        Path dir = Path.of("target", "fuzz-failures");
        Path file = dir.resolve(name + "-seed" + seed + "-input" + index + ".bin");
        try {
            Files.createDirectories(dir);
            Files.write(file, input);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        fail("fuzz " + name + " (seed " + seed + "): input " + index + " (saved as " + file.toAbsolutePath()
                + ") ended in " + e + "\n" + trace);
    }

    /** A growable byte array. */
    private static final class Bytes {
        private byte[] data = new byte[64];
        private int size;

        void add(byte b) {
            ensure(1);
            data[size++] = b;
        }

        void add(byte[] b) {
            add(b, 0, b.length);
        }

        void add(byte[] b, int from, int to) {
            int len = Math.max(0, to - from);
            ensure(len);
            System.arraycopy(b, from, data, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + more));
            }
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
