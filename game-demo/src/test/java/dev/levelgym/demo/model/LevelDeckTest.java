package dev.levelgym.demo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.levelgym.envs.dungeon.level.DungeonLevels;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.TileWorld;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelDeckTest {

    @Test
    void cyclesTheRegisteredGeneratorsThenTheProceduralFallback() {
        LevelDeck deck = LevelDeck.standard(3);
        List<String> expected = new java.util.ArrayList<>(Generators.installed().names(TileWorld.DUNGEON));
        expected.add(LevelDeck.PROCEDURAL);
        assertEquals(expected, deck.generatorNames());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), deck.generatorName());
            deck.cycle();
        }
        assertEquals(expected.get(0), deck.generatorName());
    }

    @Test
    void withNoOtherGeneratorTheEnvsProceduralLevelsRemain() {
        LevelDeck deck = new LevelDeck(List.of(), 9);
        assertEquals(List.of(LevelDeck.PROCEDURAL), deck.generatorNames());
        assertEquals(DungeonLevels.of(9, 13, 9).toText(), deck.level().toText());
        assertEquals(DungeonLevels.of(10, 13, 9).toText(), deck.next().toText());
    }

    @Test
    void sameSeedSameLevel() {
        assertEquals(LevelDeck.standard(11).level().toText(), LevelDeck.standard(11).level().toText());
        assertThrows(IllegalArgumentException.class, () -> LevelDeck.standard(-1));
    }
}
