package dev.levelgym.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.LevelMetrics;
import dev.levelgym.generators.TileWorld;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelSetTallyTest {

    /** Tallies over any split of a set, merged, give evaluate's report of the set: mixed sizes and duplicates too. */
    @Test
    void mergedTalliesGiveTheSameReportAsEvaluate() {
        List<DungeonLevel> levels = new ArrayList<>();
        for (long s = 0; s < 9; s++) {
            levels.add(dungeon("rooms", GeneratorSettings.DEFAULT).generate(s));
            levels.add(dungeon("caves", GeneratorSettings.ofSize(15, 11)).generate(s));
        }
        levels.add(dungeon("rooms", GeneratorSettings.DEFAULT).generate(3)); // a duplicate layout
        levels.add(DungeonCorpus.levels().get(0)); // identical to the reference
        LevelSetTally.Reference reference = new LevelSetTally.Reference(DungeonCorpus.levels());
        DungeonSolver solver = new DungeonSolver();
        LevelSetTally a = new LevelSetTally();
        LevelSetTally b = new LevelSetTally();
        for (int i = 0; i < levels.size(); i++) {
            (i % 3 == 0 ? a : b).add(levels.get(i), reference, solver);
        }
        long distinct = levels.stream().map(l -> l.width() + ":" + l.toText()).distinct().count();
        assertEquals(LevelMetrics.evaluate(levels, DungeonCorpus.levels()), a.merge(b).report(distinct, reference));
    }

    private static LevelGenerator<DungeonLevel> dungeon(String name, GeneratorSettings settings) {
        return Generators.standard().create(name, TileWorld.DUNGEON, settings);
    }
}
