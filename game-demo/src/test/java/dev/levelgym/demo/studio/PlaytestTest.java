package dev.levelgym.demo.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.RandomTrainableAgent;
import dev.levelgym.demo.model.Pilot;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.dungeon.level.DungeonSolver;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.spaces.Discrete;
import dev.levelgym.generators.PlatformerCorpus;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaytestTest {

    /** Monsters shut in a pocket: the planner's route is safe, so it wins every run in the solver's moves. */
    private static final String POCKET = String.join("\n", "wwwwwwwwwwwww", "wA....w.....w", "w.ww..w.ww+.w",
            "w..w....w...w", "ww.wwww.w.www", "w......ww...w", "wwwwww....w.w", "w312.w.ww.wgw", "wwwwwwwwwwwww") + "\n";

    private static int sum(int[] a) {
        return Arrays.stream(a).sum();
    }

    @Test
    void theDungeonPlannerWinsASafeLevelEveryRunInTheSolversMoves() {
        EditGrid g = StudioWorld.DUNGEON.grid(POCKET, "pocket");
        PlaytestReport r = Playtest.run(StudioWorld.DUNGEON, g, null, 5, 0);
        assertEquals(5, r.wins());
        assertEquals(DungeonSolver.solve(DungeonParser.parse(POCKET, "p")).length(), r.meanStepsToWin());
        assertEquals(0, r.hottest());
    }

    @Test
    void monstersInTheWayKillSomeRunsAndTheHeatmapCountsEveryRunThatDidNotWin() {
        EditGrid g = StudioWorld.DUNGEON.grid(String.join("\n", "wwwwwwwwwwwww", "wA....1.....w", "w.w.w.w.w.w.w",
                "w...2...3...w", "w.w.w.w.w.w.w", "w.....1.....w", "w.w.w.w.w.w.w", "w+....2....gw",
                "wwwwwwwwwwwww") + "\n", "crowded");
        PlaytestReport r = Playtest.run(StudioWorld.DUNGEON, g, null, 20, 3);
        assertEquals(20, r.runs());
        assertTrue(r.wins() < 20, "the planner never swings the sword: some monster catches it");
        assertEquals(r.runs() - r.wins(), sum(r.deaths()) + sum(r.stuck()));
        assertEquals(13, r.width());
    }

    @Test
    void thePlatformerPlannerFinishesTheCorpusWithoutNoiseAndNoiseMakesRunsDiffer() {
        for (PlatformerStudioWorld world : List.of(StudioWorld.PLATFORMER, StudioWorld.PLATFORMER_V0)) {
            for (PlatformerLevel level : PlatformerCorpus.levels()) {
                EditGrid g = world.grid(level.toText(), level.id());
                PlaytestReport clean = Playtest.run(world, g, null, 1, 0, 0);
                assertEquals(1, clean.wins(), world.envId() + " " + level.id()
                        + ": the planner sees the enemies coming");
                assertTrue(clean.note().startsWith(world.envId() + ";"), clean.note());
                PlaytestReport shaky = Playtest.run(world, g, null, 8, 0);
                assertEquals(8 - shaky.wins(), sum(shaky.deaths()) + sum(shaky.stuck()));
            }
        }
    }

    @Test
    void aPlatformerAgentOfTheOtherVersionPlaysUnderTheRulesItWasTrainedOn(@TempDir Path dir) {
        new RandomTrainableAgent<>(Platformer.ID_V0, new Discrete(6)).save(dir.resolve("v0"));
        try (Pilot v0 = Pilot.load(dir.resolve("v0"), Platformer.ID_V0)) {
            Studio s = new Studio(new StudioSetup(StudioWorld.PLATFORMER, Optional.empty(), Optional.empty(), Map.of(),
                    3), StudioJobs.inline(), env -> env.equals(Platformer.ID_V0) ? v0 : null, 0);
            s.playtest(true);
            PlaytestReport r = s.playtest().orElseThrow();
            assertEquals(3, r.runs());
            assertTrue(r.note().startsWith(Platformer.ID_V0 + ";"), r.note());
        }
    }

    @Test
    void aCheckpointedAgentPlayTestsBothWorlds(@TempDir Path dir) {
        new RandomTrainableAgent<>(Dungeon.ID, new Discrete(6)).save(dir.resolve("dungeon"));
        new RandomTrainableAgent<>(Platformer.ID, new Discrete(6)).save(dir.resolve("platformer"));
        try (Pilot dungeon = Pilot.load(dir.resolve("dungeon"), Dungeon.ID);
             Pilot platformer = Pilot.load(dir.resolve("platformer"), Platformer.ID)) {
            Studio s = new Studio(new StudioSetup(StudioWorld.DUNGEON, Optional.of(Path.of("../examples/dungeon/vault.txt")),
                    Optional.empty(), Map.of(), 4), StudioJobs.inline(),
                    env -> env.equals(Dungeon.ID) ? dungeon : env.equals(Platformer.ID) ? platformer : null, 0);
            s.playtest(true);
            PlaytestReport r = s.playtest().orElseThrow();
            assertEquals("random checkpoint", r.player());
            assertEquals(4, r.runs());
            assertEquals(4 - r.wins(), sum(r.deaths()) + sum(r.stuck()));
            s.switchWorld();
            s.playtest(true);
            assertEquals(4, s.playtest().orElseThrow().runs());
            assertTrue(s.message().startsWith("play-test: random checkpoint: "), s.message());
        }
        Studio none = new Studio(StudioSetup.defaults(), StudioJobs.inline(), env -> null, 0);
        none.playtest(true);
        assertEquals("no agent for Dungeon-v0: start the studio with --checkpoint DIR", none.message());
    }
}
