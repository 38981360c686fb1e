package dev.levelgym.generators.gan;

import dev.levelgym.envs.testing.Fuzz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * GAN model manifests (and the GAN config inside them), mutated from the bundled model's and a freshly saved one's
 * (with digests) and random: 100,000 per run (seeded), each parsed as {@code generate --generator gan:DIR} reads
 * it; the first hundred that parse are also loaded with their weights. Each must load or be refused as a user error
 * naming the file, without building a network of a corrupt size.
 */
class GanManifestFuzzTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void ganModelManifests() throws Exception {
        Path bundled = Path.of("..", "examples", "gan-dungeon");
        Path model = dir.resolve("model");
        try (GanModel loaded = GanModel.load(bundled)) {
            loaded.save(model); // the same weights, with digests in the manifest
        }
        Path manifest = model.resolve(GanModel.MANIFEST_FILE);
        List<String> seeds = List.of(Files.readString(manifest), Files.readString(bundled.resolve(
                GanModel.MANIFEST_FILE)), Files.readString(Path.of("..", "examples", "gan-platformer",
                GanModel.MANIFEST_FILE)));
        List<String> tokens = List.of("\"latentSize\" : 100000", "\"width\" : 1000000", "\"height\" : 0",
                "\"paddedSize\" : 65536", "\"generatorChannels\" : 4096", "\"criticChannels\" : 100000",
                "\"batchSize\" : 2147483647", "\"world\" : \"Platformer-v0\"", "\"world\" : \"Platformer-v1\"",
                "\"world\" : \"Dungeon-v0\"", "\"world\" : \"Nowhere\"", "\"bootstrapEvery\" : 5",
                "\"legend\" : \"\"",
                "\"format\" : 3", "\"files\" : {}", "\"checksum\" : \"0\"", "\"loss\" : \"WGAN\"", "null", "[]", "{}",
                ",", ":", "\"", "1e999", "-1", "NaN");
        int[] loads = {0};
        System.out.println(Fuzz.of("gan-manifest", 70L, seeds, tokens).run(100_000, input -> {
            GanModel.parseManifest(input, manifest);
            if (loads[0]++ < 100) {
                Files.write(manifest, input);
                GanModel.load(model).close();
            }
        }));
    }

    /**
     * GAN configs as {@code gan train}'s flags build them: a world, then {@code field=value} lines set through
     * {@link GanConfig#builder}, mutated from valid ones and random (100,000 per run, seeded). Each must build, or be
     * refused as an {@link dev.levelgym.envs.InvalidFieldException} naming the field; a value that is not a number
     * is the flag parser's to refuse, and counts as refused here. A config that builds must read back from a
     * manifest's JSON as it was.
     */
    @Test
    @Timeout(300)
    void ganConfigsThroughTheBuilder() {
        List<String> seeds = List.of("dungeon\nsteps=4000\nloss=HINGE\nemaDecay=0.999\ngeneratorChannels=64",
                "platformer\nsteps=1750\ngumbelTemperature=1\ncriticLearningRate=5e-5\ncriticChannels=64\nseed=3",
                "dungeon\nloss=WASSERSTEIN_CLIP\nclip=0.01\nbootstrapEvery=20\nmirror=true\nlatentSize=32\nbatchSize=32");
        List<String> tokens = List.of("\n", "=", "dungeon\n", "platformer\n", "latentSize=", "batchSize=", "steps=",
                "criticSteps=", "learningRate=", "criticLearningRate=", "beta1=", "loss=", "clip=", "mirror=",
                "emaDecay=", "bootstrapEvery=", "gumbelTemperature=", "generatorChannels=", "criticChannels=", "seed=",
                "HINGE", "WASSERSTEIN_CLIP", "0", "-1", "1", "4096", "4097", "2147483647", "NaN", "Infinity", "1e-300",
                "0.9999999", "true");
        System.out.println(Fuzz.of("gan-config", 71L, seeds, tokens).run(100_000, input -> {
            String[] lines = new String(input, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
            GanConfig.Builder b = GanConfig.builder(lines[0].equals("platformer") ? GanWorld.PLATFORMER
                    : GanWorld.DUNGEON);
            try {
                for (int i = 1; i < lines.length; i++) {
                    int eq = lines[i].indexOf('=');
                    String field = eq < 0 ? lines[i] : lines[i].substring(0, eq);
                    String v = eq < 0 ? "" : lines[i].substring(eq + 1);
                    switch (field) {
                        case "latentSize" -> b.latentSize(Integer.parseInt(v));
                        case "batchSize" -> b.batchSize(Integer.parseInt(v));
                        case "steps" -> b.steps(Integer.parseInt(v));
                        case "criticSteps" -> b.criticSteps(Integer.parseInt(v));
                        case "learningRate" -> b.learningRate(Double.parseDouble(v));
                        case "criticLearningRate" -> b.criticLearningRate(Double.parseDouble(v));
                        case "beta1" -> b.beta1(Double.parseDouble(v));
                        case "loss" -> b.loss(GanLoss.valueOf(v));
                        case "clip" -> b.clip(Double.parseDouble(v));
                        case "mirror" -> b.mirror(Boolean.parseBoolean(v));
                        case "emaDecay" -> b.emaDecay(Double.parseDouble(v));
                        case "bootstrapEvery" -> b.bootstrapEvery(Integer.parseInt(v));
                        case "gumbelTemperature" -> b.gumbelTemperature(Double.parseDouble(v));
                        case "generatorChannels" -> b.generatorChannels(Integer.parseInt(v));
                        case "criticChannels" -> b.criticChannels(Integer.parseInt(v));
                        case "seed" -> b.seed(Long.parseLong(v));
                        default -> {
                            // not a flag: picocli refuses it
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                if (e instanceof dev.levelgym.envs.UserInputException) {
                    throw e;
                }
                // NumberFormatException or an unknown loss name: picocli's to refuse, with the flag
                throw new dev.levelgym.envs.UserInputException("not a value: " + e.getMessage());
            }
            GanConfig config = b.build(); // an InvalidFieldException (a UserInputException) if a field is wrong
            // What builds is what a model's manifest stores and reads back.
            GanConfig read = dev.levelgym.generators.model.ModelDirectory.JSON.readValue(dev.levelgym.generators.model.ModelDirectory.JSON.writeValueAsBytes(config), GanConfig.class);
            if (!read.equals(config)) {
                throw new AssertionError("the manifest reads back " + read + " for " + config);
            }
        }));
    }
}
