package dev.levelgym.demo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerLevels;
import dev.levelgym.generators.PlatformerCorpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformerDeckTest {

    @Test
    void extraSourcesComeFirstThenProceduralThenTheCorpus() {
        PlatformerSource flat = new PlatformerSource("flat", seed -> PlatformerLevels.of(seed, 16).withId("flat"));
        PlatformerDeck deck = new PlatformerDeck(List.of(flat), 5);
        assertEquals(List.of("flat", PlatformerSource.PROCEDURAL, PlatformerSource.CORPUS), deck.sourceNames());
        assertEquals("flat", deck.level().id());
        assertEquals(PlatformerLevels.of(5, Platformer.DEFAULT_WIDTH), deck.cycle());
        List<PlatformerLevel> corpus = PlatformerCorpus.levels();
        assertEquals(corpus.get(5 % corpus.size()), deck.cycle());
        assertEquals(corpus.get(6 % corpus.size()), deck.next());
        assertEquals("flat", deck.cycle().id(), "G wraps round");
        assertEquals(6, deck.seed());
    }

    @Test
    void sameSeedSameLevelAndSeedsAreNonNegative() {
        assertEquals(new PlatformerDeck(List.of(), 11).level(), new PlatformerDeck(List.of(), 11).level());
        assertThrows(IllegalArgumentException.class, () -> new PlatformerDeck(List.of(), -1));
    }
}
