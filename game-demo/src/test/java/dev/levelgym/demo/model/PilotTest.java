package dev.levelgym.demo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levelgym.agents.RandomTrainableAgent;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.dungeon.level.DungeonParser;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.PlatformerChannel;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.spaces.Discrete;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PilotTest {

    @Test
    void aCheckpointedAgentPlaysTheDungeonAndTheWrongEnvIsRefusedByFlag(@TempDir Path dir) {
        Path checkpoint = dir.resolve("checkpoint");
        new RandomTrainableAgent<>(Dungeon.ID, new Discrete(6)).save(checkpoint);
        assertEquals(Dungeon.ID, Pilot.trainedOn(dir), "a run directory holding checkpoint/ is accepted");
        try (Pilot pilot = Pilot.load(checkpoint, Dungeon.ID)) {
            assertEquals("random checkpoint", pilot.label());
            DungeonSession s = new DungeonSession(LevelDeck.standard(0), Optional.empty(), 0, pilot);
            for (int i = 0; i < 20; i++) {
                s.pilotTick();
            }
            assertTrue(s.steps() > 0);
        }
        try (Pilot pilot = Pilot.load(checkpoint, Dungeon.ID)) {
            DungeonLevel small = DungeonParser.parse("wwwww\nwA+gw\nwwwww\n", "small.txt");
            IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                    () -> pilot.dungeonFor(small));
            assertTrue(shape.getMessage().startsWith("the random checkpoint was trained on observations "),
                    shape.getMessage());
            assertTrue(shape.getMessage().contains("level small.txt (5x3)"), shape.getMessage());
            assertEquals(5 * 3 * 11, Pilot.random(Dungeon.ID, 0).dungeonFor(small).observationSpace()
                    .sample(new java.util.Random(0)).length, "a random agent takes any size");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pilot.load(checkpoint, CartPole.SPEC.id()));
        assertTrue(e.getMessage().startsWith("--checkpoint " + checkpoint + " holds an agent for Dungeon-v0"),
                e.getMessage());
    }

    @Test
    void aPlatformerCheckpointPlaysThePlatformerThroughItsTrainedWindow(@TempDir Path dir) {
        Path checkpoint = dir.resolve("checkpoint");
        new RandomTrainableAgent<>(Platformer.ID, new Discrete(6)).save(checkpoint);
        try (Pilot pilot = Pilot.load(checkpoint, Platformer.ID)) {
            PlatformerSession s = new PlatformerSession(new PlatformerDeck(java.util.List.of(), 0), Optional.empty(),
                    0, true, pilot);
            for (int i = 0; i < 20; i++) {
                s.autoTick();
            }
            assertTrue(s.steps() > 0);
            assertEquals("random checkpoint", s.player());
            assertTrue(s.hud().get(0).startsWith("Platformer watch: random checkpoint  |  level: procedural seed 0"));
            assertEquals(PlatformerChannel.COUNT * PlatformerLevel.HEIGHT * Platformer.DEFAULT_VIEW_COLS,
                    pilot.platformerFor(s.level()).observationSpace().sample(new java.util.Random(0)).length,
                    "without the run's options the env's default window");
        }
    }
}
