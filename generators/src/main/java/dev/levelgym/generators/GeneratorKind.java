package dev.levelgym.generators;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.TileGrid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A kind of generator the commands and the demo can build by name: {@code rooms}, or with an argument
 * {@code gan:MODEL_DIR}. Registered per world: {@link #worlds()} says whose levels it makes, and a kind that makes
 * levels of several worlds (a trained model's, whose manifest names its world) says from its argument which one.
 * Kinds come from {@link GeneratorProvider}s.
 */
public interface GeneratorKind {

    /** The name before the colon, e.g. {@code gan}. */
    String name();

    /** What follows {@code name:} in a generator spec; empty when the name stands alone. */
    Optional<Argument> argument();

    /** The worlds this kind makes levels of. */
    List<TileWorld<?>> worlds();

    /**
     * The world the levels of {@code name:argument} are in. By default the kind's one world; a kind of several worlds
     * reads it from the argument (a model's manifest).
     *
     * @param argument null when the kind takes none
     * @throws UserInputException for a bad argument, naming it
     */
    default TileWorld<?> world(String argument) {
        if (worlds().size() != 1) {
            throw new IllegalStateException(name() + " makes levels of " + worlds().size()
                    + " worlds and must say which from its argument");
        }
        return worlds().get(0);
    }

    /**
     * A new generator of {@code world}'s levels; close it when done.
     *
     * @param argument null when the kind takes none
     * @throws UserInputException for a bad argument, a world the kind (or the argument's model) does not make, or
     *                            settings it cannot make levels of
     */
    <L extends TileGrid> LevelGenerator<L> create(String argument, TileWorld<L> world, GeneratorSettings settings);

    /**
     * A kind of one world's levels, named alone (no argument): {@code factory} makes a generator for the settings.
     * E.g. {@code GeneratorKind.of("rooms", TileWorld.DUNGEON, s -> new RoomsGenerator(s.width().orElse(13),
     * s.height().orElse(9)))}.
     */
    static <W extends TileGrid> GeneratorKind of(String name, TileWorld<W> world,
                                                 Function<GeneratorSettings, LevelGenerator<W>> factory) {
        Objects.requireNonNull(name, "name");
        return new GeneratorKind() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Argument> argument() {
                return Optional.empty();
            }

            @Override
            public List<TileWorld<?>> worlds() {
                return List.of(world);
            }

            @Override
            @SuppressWarnings("unchecked")
            public <L extends TileGrid> LevelGenerator<L> create(String argument, TileWorld<L> asked,
                                                                 GeneratorSettings settings) {
                if (asked != world) {
                    throw new UserInputException(name + " makes " + world.envId() + " levels, not "
                            + asked.envId() + " ones");
                }
                return (LevelGenerator<L>) factory.apply(settings);
            }
        };
    }

    /** How the kind is written in a spec: {@code rooms}, {@code gan:MODEL_DIR}. */
    default String usage() {
        return argument().map(a -> name() + ":" + a.label()).orElse(name());
    }

    /**
     * What follows the colon.
     *
     * @param label what to call it in usage, e.g. {@code MODEL_DIR}
     * @param path  whether it is a local file or folder (Spark ships it to its executors)
     */
    record Argument(String label, boolean path) {
    }
}
