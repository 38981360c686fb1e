package dev.levelgym.cli;

import dev.levelgym.demo.model.DeckGenerators;
import dev.levelgym.demo.studio.PlatformerStudioWorld;
import dev.levelgym.demo.studio.StudioWorld;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.gan.DungeonGan;
import dev.levelgym.generators.gan.PlatformerGanGenerator;
import dev.levelgym.generators.search.DungeonGanVariations;
import dev.levelgym.generators.search.LatentNeighbourSearch;
import dev.levelgym.generators.search.LevelVariations;
import dev.levelgym.generators.search.PlatformerGanVariations;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the level studio's variations come from: among the generators a command opened through the registry
 * ({@link DeckGenerators}, the GANs of {@code --gan} and {@code --platformer-gan} or the bundled
 * {@code examples/gan-*} of a clone first), the first GAN of each world, wrapped as {@link LevelVariations}. The
 * platformer GAN's variations serve both platformer versions (the same tiles; the live check judges them under the
 * studio's rules). The models stay the decks' to close.
 */
final class StudioGenerators {

    private StudioGenerators() {
    }

    /** Variation sources by the studio's world labels; a world without a GAN among {@code decks} has none. */
    static Map<String, LevelVariations> variations(DeckGenerators decks) {
        Map<String, LevelVariations> out = new HashMap<>();
        for (LevelGenerator<?> g : decks.generators()) {
            if (g instanceof DungeonGan gan) {
                out.putIfAbsent(StudioWorld.DUNGEON.label(),
                        new DungeonGanVariations(gan, LatentNeighbourSearch.DEFAULT));
            } else if (g instanceof PlatformerGanGenerator gan) {
                LevelVariations platformer = new PlatformerGanVariations(gan.gan(), LatentNeighbourSearch.QUICK);
                for (StudioWorld w : StudioWorld.all()) {
                    if (w instanceof PlatformerStudioWorld) {
                        out.putIfAbsent(w.label(), platformer);
                    }
                }
            }
        }
        return out;
    }
}
