package dev.levelgym.cli;

import dev.levelgym.demo.model.DeckGenerators;
import dev.levelgym.demo.studio.PlatformerStudioWorld;
import dev.levelgym.demo.studio.StudioWorld;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;
import dev.levelgym.generators.gan.DungeonGan;
import dev.levelgym.generators.gan.PlatformerGanGenerator;
import dev.levelgym.generators.search.DungeonGanVariations;
import dev.levelgym.generators.search.LatentNeighbourSearch;
import dev.levelgym.generators.search.LevelVariations;
import dev.levelgym.generators.search.PlatformerGanVariations;
import dev.levelgym.generators.vae.VaeGenerator;
import dev.levelgym.generators.vae.VaeVariations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the level studio's variations come from. A VAE of a world comes first (its encoder places the edited level
 * directly, {@link VaeVariations}): the VAEs of {@code --vae}, or when none of {@code --vae}, {@code --gan} and
 * {@code --platformer-gan} is given the bundled {@code examples/vae-*} of a clone. A world without one falls back to
 * the first GAN among the generators the command opened through the registry ({@link DeckGenerators}: the GANs of
 * {@code --gan} and {@code --platformer-gan} or the bundled {@code examples/gan-*}). A platformer source serves both
 * platformer versions (the same tiles; the live check judges them under the studio's rules). The GANs stay the decks'
 * to close; the VAEs are not in the decks (the studio varies with them; play keeps its decks) and are closed by
 * {@link Vaes#close()}.
 */
final class StudioGenerators {

    /** The VAE models bundled with the sources, so a clone varies levels with an encoder without training one. */
    static final String DEFAULT_VAE = "examples/vae-dungeon";
    static final String DEFAULT_PLATFORMER_VAE = "examples/vae-platformer";

    private StudioGenerators() {
    }

    /**
     * The VAE models of {@code --vae} opened through the registry ({@code vae:DIR}, each of the world its manifest
     * names), or the bundled ones present here when no model flag was given.
     *
     * @throws UserInputException naming {@code --vae} and the folder if one is not a VAE model (after closing the
     *                            others)
     */
    static Vaes openVaes(List<Path> given, boolean ganGiven) {
        List<Path> dirs = !given.isEmpty() || ganGiven ? given
                : List.of(Path.of(DEFAULT_VAE), Path.of(DEFAULT_PLATFORMER_VAE)).stream()
                        .filter(Files::isDirectory).toList();
        Generators registry = Generators.installed();
        Vaes vaes = new Vaes(new ArrayList<>());
        try {
            for (Path dir : dirs) {
                String spec = VaeGenerator.NAME + ":" + dir;
                LevelGenerator<?> g;
                try {
                    TileWorld<?> world = registry.world(spec);
                    g = Flags.naming(() -> registry.create(spec, world, GeneratorSettings.DEFAULT));
                } catch (UserInputException e) {
                    throw new UserInputException("--vae " + dir + ": " + e.getMessage(), e);
                }
                vaes.opened().add((VaeGenerator<?>) g);
            }
            return vaes;
        } catch (RuntimeException e) {
            vaes.close();
            throw e;
        }
    }

    /** VAE generators opened for variations; closing frees their models. */
    record Vaes(List<VaeGenerator<?>> opened) implements AutoCloseable {

        static Vaes none() {
            return new Vaes(List.of());
        }

        @Override
        public void close() {
            opened.forEach(VaeGenerator::close);
        }
    }

    /**
     * Variation sources by the studio's world labels: per world the first VAE of {@code vaes} then {@code decks} (a
     * {@code play --generator vae:DIR}), else the first GAN among {@code decks}; a world with neither has none.
     */
    static Map<String, LevelVariations> variations(DeckGenerators decks, Vaes vaes) {
        Map<String, LevelVariations> out = new HashMap<>();
        List<LevelGenerator<?>> all = new ArrayList<>(vaes.opened());
        all.addAll(decks.generators());
        for (LevelGenerator<?> g : all) {
            if (g instanceof VaeGenerator<?> vae) {
                put(out, vae.world(), VaeVariations.of(vae));
            }
        }
        for (LevelGenerator<?> g : all) {
            if (g instanceof DungeonGan gan) {
                put(out, TileWorld.DUNGEON, new DungeonGanVariations(gan, LatentNeighbourSearch.DEFAULT));
            } else if (g instanceof PlatformerGanGenerator gan) {
                put(out, TileWorld.PLATFORMER, new PlatformerGanVariations(gan.gan(), LatentNeighbourSearch.QUICK));
            }
        }
        return out;
    }

    private static void put(Map<String, LevelVariations> out, TileWorld<?> world, LevelVariations source) {
        for (StudioWorld w : StudioWorld.all()) {
            boolean platformer = w instanceof PlatformerStudioWorld;
            if (platformer == (world == TileWorld.PLATFORMER)) {
                out.putIfAbsent(w.label(), source);
            }
        }
    }
}
