package dev.levelgym.demo.model;

import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.LevelGenerator;
import dev.levelgym.generators.TileWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generators the demo's two decks draw new levels from, looked up by spec in {@link Generators} like
 * {@code generate}'s: first the ones asked for (a trained GAN's, {@code gan:MODEL_DIR}), each in the deck of its
 * world, then every installed kind of each world that needs no argument. The envs' own procedural levels (and the
 * platformer's bundled corpus) follow in the decks themselves ({@link LevelDeck}, {@link PlatformerDeck}).
 * Holds what the generators hold (a model's native memory) until {@link #close()}.
 */
public final class DeckGenerators implements AutoCloseable {

    /**
     * A generator asked for.
     *
     * @param spec  e.g. {@code gan:examples/gan-dungeon}
     * @param world the world it must make levels of, or empty for whichever its spec makes
     */
    public record Request(String spec, Optional<TileWorld<?>> world) {
    }

    private final List<LevelGenerator<?>> opened = new ArrayList<>();
    private final List<LevelGenerator<DungeonLevel>> dungeon = new ArrayList<>();
    private final List<LevelGenerator<PlatformerLevel>> platformer = new ArrayList<>();

    private DeckGenerators() {
    }

    /**
     * Opens the requested generators in order, then the installed ones that need no argument.
     *
     * @throws dev.levelgym.envs.UserInputException for an unknown spec, a bad model or one of another world than
     *                                              asked for (after closing what was opened)
     */
    public static DeckGenerators open(Generators registry, List<Request> requests, GeneratorSettings settings) {
        DeckGenerators decks = new DeckGenerators();
        try {
            for (Request r : requests) {
                TileWorld<?> world = r.world().orElseGet(() -> registry.world(r.spec()));
                decks.add(registry, r.spec(), world, settings);
            }
            for (TileWorld<?> world : TileWorld.all()) {
                for (String name : registry.names(world)) {
                    decks.add(registry, name, world, settings);
                }
            }
            return decks;
        } catch (RuntimeException e) {
            decks.close();
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private <L extends TileGrid> void add(Generators registry, String spec, TileWorld<L> world,
                                          GeneratorSettings settings) {
        LevelGenerator<L> g = registry.create(spec, world, settings);
        opened.add(g);
        if (world == TileWorld.DUNGEON) {
            dungeon.add((LevelGenerator<DungeonLevel>) g);
        } else {
            platformer.add((LevelGenerator<PlatformerLevel>) g);
        }
    }

    /** Every generator opened, of both worlds, the requested ones first (the studio's variations look among them). */
    public List<LevelGenerator<?>> generators() {
        return List.copyOf(opened);
    }

    /** The Dungeon deck's generators, in G's order. */
    public List<LevelGenerator<DungeonLevel>> dungeon() {
        return List.copyOf(dungeon);
    }

    /** The platformer deck's first sources, in G's order. */
    public List<PlatformerSource> platformer() {
        return platformer.stream().map(PlatformerSource::of).toList();
    }

    @Override
    public void close() {
        for (LevelGenerator<?> g : opened) {
            g.close();
        }
    }
}
