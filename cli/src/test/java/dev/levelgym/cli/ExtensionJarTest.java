package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.agents.bench.AgentKinds;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.demo.model.DeckGenerators;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.check.EnvChecker;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension example of docs/extending.md (examples/extension: an env, an agent kind and a generator from outside
 * levelgym's modules) compiled against levelgym's jars and packed into a jar at test time; loaded from that jar by a
 * class loader of its own, its three providers reach the registries through ServiceLoader, and so every command.
 */
class ExtensionJarTest {

    /** The example's sources (the module's working directory is cli/). */
    private static final Path EXAMPLE = Path.of("..", "examples", "extension", "src", "main");

    @TempDir
    static Path dir;

    private static Path jar;
    private static ClassLoader loader;

    @BeforeAll
    static void buildTheJar() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                "-classpath", levelgymClassPath()));
        try (Stream<Path> sources = Files.walk(EXAMPLE.resolve("java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK, not a JRE, runs the tests");
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "the example compiles");
        jar = dir.resolve("levelgym-example.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, classes);
            add(out, EXAMPLE.resolve("resources"));
        }
        loader = Main.extensionLoader(jar.toString(), ExtensionJarTest.class.getClassLoader());
    }

    /** The jars (or class folders) of the levelgym API the example uses, wherever the build put them. */
    private static String levelgymClassPath() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> api : List.of(Env.class, AgentKinds.class, Generators.class, JsonNode.class)) {
            entries.add(Path.of(api.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void add(JarOutputStream out, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    @Test
    void theExampleIsNotPartOfLevelgym() {
        assertFalse(ids(Registry.installed()).contains("Corridor-v0"));
        assertFalse(AgentKinds.installed().names().contains("example-random"));
        assertFalse(Generators.installed().usages().contains("stripes"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.example.corridor.Corridor"));
    }

    @Test
    void itsEnvAgentKindAndGeneratorLoadFromTheJarIntoTheRegistries() throws Exception {
        Registry envs = Registry.installed(loader);
        List<String> ids = ids(envs);
        assertEquals(ids(Registry.standard()), ids.subList(0, Registry.standard().specs().size()),
                "levelgym's own first");
        assertTrue(ids.contains("Corridor-v0"), ids.toString());
        assertTrue(EnvChecker.check(envs.make("Corridor-v0"), 0).passed(),
                () -> EnvChecker.check(envs.make("Corridor-v0"), 0).summary());

        AgentKinds kinds = AgentKinds.installed(loader);
        assertTrue(kinds.names().contains("example-random"), kinds.names().toString());
        try (var agent = kinds.create("example-random", "Corridor-v0", envs.make("Corridor-v0"), null, 0)) {
            assertEquals(0, agent.steps());
        }
        JsonNode unknownKey = Checkpoints.JSON.readTree("{\"rate\": 1}");
        UserInputException config = assertThrows(UserInputException.class, () -> kinds.create("example-random",
                "Corridor-v0", envs.make("Corridor-v0"), unknownKey, 0));
        assertTrue(config.getMessage().startsWith("example-random config: unknown key 'rate'"), config.getMessage());

        Generators generators = Generators.installed(loader);
        assertEquals(List.of("caves", "rooms", "stripes"), generators.names(TileWorld.DUNGEON));
        try (LevelGenerator<DungeonLevel> stripes = generators.create("stripes", TileWorld.DUNGEON,
                GeneratorSettings.DEFAULT)) {
            for (long seed = 0; seed < 50; seed++) {
                DungeonLevel level = stripes.generate(seed);
                assertTrue(DungeonSolver.solve(level).playable(), level::toText);
                assertEquals(level, stripes.generate(seed));
            }
        }
        try (DeckGenerators decks = DeckGenerators.open(generators, List.of(), GeneratorSettings.DEFAULT)) {
            assertEquals(List.of("caves", "rooms", "stripes"),
                    decks.dungeon().stream().map(LevelGenerator::name).toList(), "the demo's Dungeon deck");
        }
    }

    @Test
    void everyCommandSeesThemWhenTheJarIsOnTheExtensionClassPath() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Main.extensionLoader(jar.toString(), before));
        try {
            CliRun envs = CliRun.of("envs");
            assertEquals(0, envs.exitCode(), envs.err());
            assertTrue(envs.out().lines().anyMatch(l -> l.matches("Corridor-v0 +Discrete\\(8\\) +Discrete\\(2\\) +50 "
                    + "+1\\.0")), envs.out());

            Path levels = dir.resolve("stripes");
            CliRun generate = CliRun.of("generate", "--generator", "stripes", "--count", "3", "--out",
                    levels.toString(), "--format", "txt,png,tmx");
            assertEquals(0, generate.exitCode(), generate.err());
            assertTrue(generate.out().startsWith("wrote 3 stripes level(s) (13x9, seeds 0..2)"), generate.out());
            assertTrue(DungeonSolver.solve(DungeonParser.parse(levels.resolve("stripes-2.txt"))).playable());
            assertTrue(Files.exists(levels.resolve("stripes-2.tmx")));

            Path run = dir.resolve("train");
            CliRun train = CliRun.of("train", "--env", "Corridor-v0", "--agent", "example-random", "--steps", "200",
                    "--out", run.toString(), "--no-progress");
            assertEquals(0, train.exitCode(), train.err());
            CliRun bench = CliRun.of("bench", "--env", "Corridor-v0", "--agents", "example-random,random", "--seeds",
                    "1", "--steps", "200", "--out", dir.resolve("bench").toString(), "--no-progress");
            assertEquals(0, bench.exitCode(), bench.err());
            assertTrue(bench.out().contains("| example-random |"), bench.out());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void aMissingExtensionEntryIsAUserError() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> Main.extensionLoader(dir.resolve("nowhere.jar").toString(), getClass().getClassLoader()));
        assertEquals("LEVELGYM_CLASSPATH: no such file " + dir.resolve("nowhere.jar"), e.getMessage());
    }

    private static List<String> ids(Registry registry) {
        return registry.specs().stream().map(EnvSpec::id).toList();
    }
}
