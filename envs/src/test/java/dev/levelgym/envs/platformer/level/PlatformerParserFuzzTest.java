package dev.levelgym.envs.platformer.level;

import dev.levelgym.envs.testing.Fuzz;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * VGLC Super Mario Bros text levels of any height (2 to 48 rows), mutated from valid ones and random: 100,000 per
 * run (seeded). Each must parse or be refused as a located {@link dev.levelgym.envs.grid.LevelFormatException},
 * quickly and in bounded memory.
 */
class PlatformerParserFuzzTest {

    @Test
    @Timeout(300)
    void vglcTextLevels() throws IOException {
        List<String> seeds = new ArrayList<>();
        try (InputStream in = PlatformerParserFuzzTest.class.getResourceAsStream("vglc-style.txt")) {
            seeds.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        // Super Mario Land 1-1, 16 rows: the format at another height than Super Mario Bros' 14.
        try (InputStream in = PlatformerParserFuzzTest.class.getResourceAsStream(
                "/dev/levelgym/envs/platformer/vglc/sml/super_mario_land_11.png.txt")) {
            seeds.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (long seed = 0; seed < 5; seed++) {
            seeds.add(PlatformerLevels.of(seed, 16 + 8 * (int) seed).toText());
        }
        // Levels of other heights: the shortest there is, and Platformer-v1's generated ones up to the tallest.
        seeds.add("--\nXX\n");
        PlatformerLevels v1 = new PlatformerLevels(PlatformerRules.V1);
        int[] heights = {PlatformerLevels.MIN_HEIGHT, 12, 20, PlatformerLevel.MAX_HEIGHT};
        for (int i = 0; i < heights.length; i++) {
            seeds.add(v1.generate(100 + i, 24, heights[i]).toText());
        }
        List<String> tokens = List.of("-", "X", "S", "?", "Q", "E", "<", ">", "[", "]", "o", "B", "b", "M", "F", "\n",
                "\r\n", "\r", " ", "\uFEFF", "\u00e9", "--------------------------------\n", "XXXXXXXXXXXXXXXX\n");
        System.out.println(Fuzz.of("vglc-text", 30L, seeds, tokens)
                .run(100_000, input -> PlatformerParser.parse(new String(input, StandardCharsets.UTF_8),
                        "fuzz.txt")));
    }
}
