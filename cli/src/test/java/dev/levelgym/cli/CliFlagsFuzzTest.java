package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The flags of {@code eval} and {@code bench} as a user might get them wrong: argument lists mutated from valid ones
 * (seeded), run in-process. Each must succeed (exit 0) or be refused as a user error (exit 2, one line); an exit
 * code of 1 is a stack trace, i.e. a bug. The mutations work on whole arguments (a flag swapped for another, a
 * value for an extreme one, arguments dropped, repeated or reordered), which is how flags go wrong; the byte-level
 * fuzzer of the file parsers ({@code envs} tests, {@code testing.Fuzz}) would mostly make unknown flags. Argument
 * lists that ask for a large run (a number above {@value #LARGE}, more than {@value #MAX_SEEDS} seeds, the Spark
 * engine, the procgen preset) are only parsed: they are slow requests, not malformed ones. {@code --out} and
 * {@code --per-level} always get a fresh folder of the test's, so nothing is written elsewhere.
 */
class CliFlagsFuzzTest {

    private static final long LARGE = 2_000;
    private static final int MAX_SEEDS = 3;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final List<String> VALUES = List.of("0", "-1", "1", "3", "64", "4096", "4097", "2147483647",
            "2147483648", "9223372036854775807", "-9223372036854775808", "1e3", "", " ", "sample", "greedy",
            "GREEDY", "nowhere", "is_slippery=", "is_slippery=false", "map_name=8x8", "=", "num_levels=3", "random",
            "q-learning", "random,q-learning", "random,random", ",", "CartPole-v1", "Dungeon-v0", "FrozenLake-v1",
            "q-learning=nowhere.yaml", "\u0000");

    @TempDir
    Path dir;

    private int outs;

    @Test
    @Timeout(600)
    void evalAndBenchFlags() {
        Path run = dir.resolve("run");
        CliRun trained = CliRun.of("train", "--env", "FrozenLake-v1", "--agent", "q-learning", "--steps", "2000",
                "--eval-every", "1000", "--eval-episodes", "5", "--out", run.toString(), "--no-progress");
        assertEquals(0, trained.exitCode(), trained.err());
        List<List<String>> evalSeeds = List.of(
                List.of("eval", "--checkpoint", run.toString(), "--episodes", "20"),
                List.of("eval", "--checkpoint", run.toString(), "--episodes", "8", "--num-envs", "4", "--seed", "7",
                        "--eval-policy", "greedy", "-o", "is_slippery=false"),
                List.of("eval", "--checkpoint", run.resolve("checkpoint").toString(), "--episodes", "3",
                        "--per-level", "per-level.csv"));
        List<String> evalFlags = List.of("--checkpoint", "--episodes", "--num-envs", "--seed", "--eval-policy",
                "--test-levels", "--per-level", "-o", "--help");
        List<List<String>> benchSeeds = List.of(
                List.of("bench", "--env", "FrozenLake-v1", "--agents", "random,q-learning", "--seeds", "2", "--steps",
                        "400", "--eval-every", "200", "--eval-episodes", "5", "--out", "out", "--no-progress"),
                List.of("bench", "--env", "FrozenLake-v1", "--agents", "q-learning", "--seeds", "1", "--steps", "300",
                        "--num-envs", "3", "--eval-policy", "greedy", "--checkpoint-every", "100", "--threads", "1",
                        "-o", "map_name=4x4", "--out", "out", "--no-progress"));
        List<String> benchFlags = List.of("--env", "--agents", "--config", "--seeds", "--steps", "--out",
                "--eval-every", "--eval-episodes", "--threads", "--checkpoint-every", "--resume", "--force",
                "--num-envs", "--test-levels", "--eval-policy", "-o", "--no-progress", "--preset");
        System.out.println(fuzz("eval-flags", 80L, evalSeeds, evalFlags, 600));
        System.out.println(fuzz("bench-flags", 81L, benchSeeds, benchFlags, 200));
    }

    /** Runs {@code count} argument lists: the seeds, then one to four mutations of a seed each. */
    private String fuzz(String name, long seed, List<List<String>> seeds, List<String> flags, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        int accepted = 0;
        int parsedOnly = 0;
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            List<String> args = new ArrayList<>(seeds.get(i < seeds.size() ? i : random.nextInt(seeds.size())));
            if (i >= seeds.size()) {
                for (int m = 1 + random.nextInt(4); m > 0; m--) {
                    mutate(args, flags, random);
                }
            }
            freshOutputs(args);
            String[] argv = args.toArray(new String[0]);
            if (large(args)) {
                parsedOnly++;
                try {
                    Main.newCommandLine().parseArgs(argv);
                } catch (CommandLine.ParameterException e) {
                    // refused by the parser, as the command line would be
                } catch (RuntimeException e) {
                    fail(name + " input " + i + " (seed " + seed + ") " + args + ": the parser threw " + e, e);
                }
                continue;
            }
            CliRun r = CliRun.of(argv);
            if (r.exitCode() == 0) {
                accepted++;
            } else if (r.exitCode() != UserErrorHandler.USER_ERROR || r.err().isBlank()) {
                fail(name + " input " + i + " (seed " + seed + ") " + args + ": exit code " + r.exitCode() + "\n"
                        + r.err());
            }
        }
        return String.format(Locale.ROOT, "fuzz %s: %d argument lists (seed %d), %d accepted, %d only parsed "
                        + "(large runs), %d refused as user errors, %.1f s", name, count, seed, accepted, parsedOnly,
                count - accepted - parsedOnly, (System.nanoTime() - started) / 1e9);
    }

    private static void mutate(List<String> args, List<String> flags, SplittableRandom random) {
        int size = args.size();
        int at = 1 + random.nextInt(Math.max(1, size - 1)); // the command name stays
        switch (random.nextInt(6)) {
            case 0 -> args.set(Math.min(at, size - 1), VALUES.get(random.nextInt(VALUES.size())));
            case 1 -> args.set(Math.min(at, size - 1), flags.get(random.nextInt(flags.size())));
            case 2 -> {
                if (size > 1) {
                    args.remove(Math.min(at, size - 1));
                }
            }
            case 3 -> {
                args.add(Math.min(at, size), VALUES.get(random.nextInt(VALUES.size())));
                args.add(Math.min(at, size), flags.get(random.nextInt(flags.size())));
            }
            case 4 -> args.add(Math.min(at, size), args.get(Math.min(at, size - 1)));
            default -> {
                int other = 1 + random.nextInt(Math.max(1, size - 1));
                if (other < size && at < size) {
                    String a = args.get(at);
                    args.set(at, args.get(other));
                    args.set(other, a);
                }
            }
        }
    }

    /** The value of every --out and --per-level becomes a new path in the test's folder. */
    private void freshOutputs(List<String> args) {
        for (int i = 1; i < args.size(); i++) {
            String flag = args.get(i - 1);
            if (flag.equals("--out") || flag.equals("--per-level")) {
                args.set(i, dir.resolve("out-" + outs++).toString());
            }
        }
    }

    /** A run that asks for much (see the class comment): parsed, not run. */
    private static boolean large(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).strip();
            if (a.contains("spark") || a.contains("procgen") || a.contains("--master")) {
                return true;
            }
            if (NUMBER.matcher(a).matches() && (a.length() > 6 || Math.abs(Long.parseLong(a)) > LARGE)) {
                return true;
            }
            if (i > 0 && args.get(i - 1).equals("--seeds") && NUMBER.matcher(a).matches() && a.length() < 7
                    && Integer.parseInt(a) > MAX_SEEDS) {
                return true;
            }
        }
        return false;
    }
}
