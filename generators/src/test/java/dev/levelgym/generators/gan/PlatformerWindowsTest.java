package dev.levelgym.generators.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import dev.levelgym.generators.PlatformerCorpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformerWindowsTest {

    @Test
    void everyOffsetOfEveryLevelGivesOneWindow() {
        List<PlatformerLevel> corpus = PlatformerCorpus.levels();
        int expected = 0;
        for (PlatformerLevel l : corpus) {
            expected += l.width() - PlatformerWindows.WIDTH + 1;
        }
        List<PlatformerWindows.Window> windows = PlatformerWindows.of(corpus);
        assertEquals(expected, windows.size());
        PlatformerLevel second = corpus.get(1);
        int before = corpus.get(0).width() - PlatformerWindows.WIDTH + 1;
        for (int from : new int[] {0, 17, second.width() - PlatformerWindows.WIDTH}) {
            PlatformerWindows.Window w = windows.get(before + from);
            assertEquals(second.slice(from, from + PlatformerWindows.WIDTH).toText(), w.text());
            assertEquals(second.id() + "[" + from + ":" + (from + PlatformerWindows.WIDTH) + "]", w.id());
            assertEquals(second.symbol(from + 5, 11), w.symbol(5, 11));
        }
    }

    @Test
    void levelsNarrowerThanAWindowGiveNone() {
        PlatformerLevel narrow = PlatformerLevels.of(1, 27);
        PlatformerLevel exact = PlatformerLevels.of(2, 28);
        PlatformerLevel wider = PlatformerLevels.of(3, 30);
        assertEquals(0, PlatformerWindows.of(List.of(narrow)).size());
        assertEquals(1 + 3, PlatformerWindows.of(List.of(narrow, exact, wider)).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlatformerWindows.maps(List.of(narrow)));
        assertTrue(e.getMessage().contains("28 columns"), e.getMessage());
    }

    @Test
    void mapsAreOneHotWithTheWindowTopLeftAndSkyPadding() {
        PlatformerLevel level = PlatformerLevels.of(4, 40);
        TrainingMaps maps = PlatformerWindows.maps(List.of(level));
        assertEquals(13, maps.count());
        assertEquals(32, maps.size());
        assertEquals(GanWorld.PLATFORMER, maps.world());
        int size = maps.size();
        int plane = size * size;
        String legend = GanWorld.PLATFORMER.legend();
        assertEquals(PlatformerTile.values().length, legend.length());
        int window = 6;
        int offset = window * maps.mapLength();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float sum = 0;
                int hot = -1;
                for (int ch = 0; ch < legend.length(); ch++) {
                    float v = maps.maps()[offset + ch * plane + y * size + x];
                    sum += v;
                    hot = v == 1f ? ch : hot;
                }
                assertEquals(1f, sum, "cell " + x + "," + y);
                char expected = x < PlatformerWindows.WIDTH && y < PlatformerLevel.HEIGHT
                        ? level.symbol(window + x, y) : PlatformerTile.EMPTY.symbol();
                assertEquals(expected, legend.charAt(hot), "cell " + x + "," + y);
            }
        }
    }
}
