package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvsAndRolloutCommandTest {

    @Test
    void envsListsEveryRegisteredEnvWithItsLimits() {
        CliRun run = CliRun.of("envs");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        String cartPole = lines.stream().filter(l -> l.startsWith("CartPole-v1 ")).findFirst().orElseThrow();
        assertTrue(cartPole.contains("Box(4) float32") && cartPole.contains("Discrete(2)") && cartPole.contains("500")
                && cartPole.contains("475.0"),
                cartPole);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FrozenLake-v1 ")), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Dungeon-v0 ")), run.out());
    }

    @Test
    void rolloutIsReproducibleFromItsSeed() {
        CliRun first = CliRun.of("rollout", "--env", "CartPole-v1", "--episodes", "5", "--seed", "7");
        CliRun second = CliRun.of("rollout", "--env", "CartPole-v1", "--episodes", "5", "--seed", "7");
        CliRun other = CliRun.of("rollout", "--env", "CartPole-v1", "--episodes", "5", "--seed", "8");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(episodeLines(first), episodeLines(second));
        assertNotEquals(episodeLines(first), episodeLines(other));
        assertEquals(5, episodeLines(first).size());
    }

    @Test
    void anEpisodeOfARolloutReplaysAlone() {
        List<String> many = episodeLines(CliRun.of("rollout", "--env", "Dungeon-v0", "--episodes", "3", "--seed", "40"));
        List<String> alone = episodeLines(CliRun.of("rollout", "--env", "Dungeon-v0", "--episodes", "1", "--seed", "42"));
        assertEquals(columnsAfterIndex(many.get(2)), columnsAfterIndex(alone.get(0)));
    }

    @Test
    void theShortestPathBaselineWinsWhereRandomActionsDoNot() {
        String[] unseen = {"-o", "start_level=1000000", "-o", "num_levels=0", "--episodes", "40", "--seed", "0"};
        CliRun planned = CliRun.of(concat(new String[] {"rollout", "--env", "Dungeon-v0", "--agent", "shortest-path"},
                unseen));
        CliRun random = CliRun.of(concat(new String[] {"rollout", "--env", "Dungeon-v0"}, unseen));
        assertEquals(0, planned.exitCode(), planned.err());
        assertTrue(winRate(planned) >= 0.75, planned.out());
        assertTrue(winRate(random) <= 0.3, random.out());

        CliRun cartPole = CliRun.of("rollout", "--env", "CartPole-v1", "--agent", "shortest-path");
        assertEquals(2, cartPole.exitCode());
        assertTrue(cartPole.err().contains("--agent: shortest-path plays Dungeon-v0"), cartPole.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static double winRate(CliRun run) {
        String last = run.out().lines().reduce((x, y) -> y).orElseThrow();
        return Double.parseDouble(last.substring(last.indexOf("win rate ") + "win rate ".length()).trim());
    }

    @Test
    void rolloutRendersAnsiFrames() {
        CliRun run = CliRun.of("rollout", "--env", "Dungeon-v0", "--episodes", "1", "--render", "ansi");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().count() > 20, "expected a map per step");
    }

    @Test
    void unknownEnvIsOneClearLineAndExitCode2() {
        CliRun run = CliRun.of("rollout", "--env", "NoSuchEnv-v9");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown env id 'NoSuchEnv-v9'"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void badFlagsAreRefusedNamingTheFlag() {
        CliRun negative = CliRun.of("rollout", "--env", "CartPole-v1", "--episodes", "0");
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("--episodes"), negative.err());
        CliRun notANumber = CliRun.of("rollout", "--env", "CartPole-v1", "--seed", "abc");
        assertEquals(2, notANumber.exitCode());
        assertTrue(notANumber.err().contains("--seed"), notANumber.err());
        CliRun badOption = CliRun.of("rollout", "--env", "CartPole-v1", "-o", "gravity=3");
        assertEquals(2, badOption.exitCode());
        assertTrue(badOption.err().contains("gravity"), badOption.err());
    }

    @Test
    void reportCoversEveryRegisteredEnv() {
        CliRun run = CliRun.of("report", "--episodes", "3");
        assertEquals(0, run.exitCode(), run.err());
        for (String id : List.of("CartPole-v1", "FrozenLake-v1", "FrozenLake8x8-v1", "Dungeon-v0")) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(id + " ")), id + " missing in\n" + run.out());
        }
    }

    private static List<String> episodeLines(CliRun run) {
        return run.out().lines().filter(l -> l.matches("\\d+\\s+\\d+\\s+.*")).toList();
    }

    private static List<String> columnsAfterIndex(String line) {
        List<String> columns = Arrays.asList(line.trim().split("\\s+"));
        return columns.subList(1, columns.size());
    }
}
