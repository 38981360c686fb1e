package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cli module's tests run without the RL4J plugin (agents-rl4j is not a cli dependency) and with Spark (a test
 * dependency): a command that needs the missing plugin names the command that builds it, and --version says which
 * plugins are there.
 */
class PluginHintTest {

    @Test
    void rl4jDqnWithoutTheRl4jPluginSaysHowToBuildItAndWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("bench");
        CliRun bench = CliRun.of("bench", "--env", "CartPole-v1", "--agents", "random,rl4j-dqn", "--seeds", "1",
                "--steps", "10", "--out", out.toString());
        assertEquals(2, bench.exitCode(), bench.err());
        assertTrue(bench.err().startsWith("levelgym bench: error: agent rl4j-dqn needs the rl4j plugin, which this "
                + "levelgym does not have: build it with `./mvnw -B -ntp -DskipTests -pl plugins/rl4j -am package` "
                + "(it writes cli/target/plugins/levelgym-rl4j.jar"), bench.err());
        assertTrue(Files.notExists(out), "nothing written");

        CliRun train = CliRun.of("train", "--env", "CartPole-v1", "--agent", "rl4j-dqn", "--steps", "10", "--out",
                dir.resolve("train").toString());
        assertEquals(2, train.exitCode());
        assertTrue(train.err().contains("-pl plugins/rl4j -am package"), train.err());
    }

    @Test
    void versionListsThePlugins() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().contains("plugins: rl4j (not installed: ./mvnw -B -ntp -DskipTests -pl plugins/rl4j "
                + "-am package), spark (installed)"), version.out());
    }
}
