package dev.levelgym.generators.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.envs.InvalidFieldException;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.generators.DungeonCorpus;
import dev.levelgym.generators.DungeonEdits;
import dev.levelgym.generators.PlatformerCorpus;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.gan.TileMaps;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VaeTrainerTest {

    private static final DungeonSolver SOLVER = new DungeonSolver();

    /** Bootstrapping admits only playable levels that differ from every training map in enough cells. */
    @Test
    void bootstrappingAdmitsOnlyPlayableLevelsFarFromEveryTrainingMap() {
        List<DungeonLevel> corpus = DungeonCorpus.levels();
        // On at a step this run never reaches, so the trainer keeps the training texts novelty is judged by.
        VaeConfig config = VaeConfig.builder(GanWorld.DUNGEON).steps(1).holdOut(5).bootstrapEvery(1000).build();
        VaeCorpus data = VaeCorpus.dungeon(corpus, config);
        List<DungeonLevel> training = TileMaps.withMirrors(corpus.stream()
                .filter(l -> data.heldOut().stream().noneMatch(h -> h.text().equals(l.toText()))).toList());
        // A held-out level far from every training map (mirror images included) is new to the trainer.
        String novel = data.heldOut().stream().map(VaeCorpus.HeldOut::text)
                .filter(t -> training.stream().allMatch(l -> DungeonEdits.distance(l.toText(), t)
                        >= VaeTrainer.BOOTSTRAP_MIN_DISTANCE)).findFirst().orElseThrow();
        DungeonLevel first = training.get(0);
        String copy = first.toText();
        String unplayable = DungeonEdits.walledIn(first);
        String tooClose = fewerFloors(first, VaeTrainer.BOOTSTRAP_MIN_DISTANCE - 1);
        assertTrue(SOLVER.shortest(DungeonParser.parse(tooClose, "close")).playable(), tooClose);
        assertTrue(!SOLVER.shortest(DungeonParser.parse(unplayable, "walled")).playable(), unplayable);
        try (VaeTrainer trainer = new VaeTrainer(data, config)) {
            assertEquals(1, trainer.admit(List.of(copy, unplayable, tooClose, novel, "not a level")));
            assertEquals(1, trainer.bootstrapped());
            // Once admitted it is a training map: the same level again is no longer novel.
            assertEquals(0, trainer.admit(List.of(novel)));
        }
    }

    @Test
    void bootstrappingAndAWallMarginAreRefusedForPlatformerWindows() {
        VaeConfig.Builder platformer = VaeConfig.builder(GanWorld.PLATFORMER).steps(1);
        for (var refused : List.of(Map.entry("--bootstrap-every", platformer.bootstrapEvery(50).build()),
                Map.entry("--wall-margin", platformer.bootstrapEvery(0).wallMargin(2).build()))) {
            VaeConfig config = refused.getValue();
            VaeCorpus data = VaeCorpus.platformer(PlatformerCorpus.levels(), config);
            UserInputException e = assertThrows(UserInputException.class, () -> new VaeTrainer(data, config).close());
            assertTrue(e.getMessage().contains(refused.getKey()), e.getMessage());
        }
    }

    @Test
    void theWallMarginMustBePositiveAndOnlyDungeonModelsDefaultToOne() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals("wallMargin", assertThrows(InvalidFieldException.class,
                    () -> VaeConfig.builder(GanWorld.DUNGEON).wallMargin(bad).build()).field());
        }
        assertEquals(VaeConfig.WALL_MARGIN, VaeConfig.of(GanWorld.DUNGEON).wallMargin());
        assertEquals(1, VaeConfig.of(GanWorld.PLATFORMER).wallMargin(), "platformer windows decode by argmax");
    }

    /** The level with up to {@code n} floor cells off its winning route turned to wall: still playable. */
    private static String fewerFloors(DungeonLevel level, int n) {
        char[] cells = DungeonEdits.cells(level);
        int[] route = SOLVER.shortest(level).route(level);
        int changed = 0;
        for (int c = 0; c < cells.length && changed < n; c++) {
            int cell = c;
            if (cells[c] == '.' && Arrays.stream(route).noneMatch(r -> r == cell)) {
                cells[c] = 'w';
                changed++;
            }
        }
        assertEquals(n, changed, "the level has enough floor off its route");
        return DungeonEdits.render(cells, level.width());
    }
}
