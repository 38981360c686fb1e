package dev.levelgym.generators;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.envs.registry.ByName;
import dev.levelgym.envs.registry.Providers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The generator kinds by name, immutable like the env {@code Registry} and {@code AgentKinds}: {@link #installed()}
 * holds the kinds of every {@link GeneratorProvider} on the class path (levelgym's own, {@link #standard()}, and any
 * other jar's), and {@link #with(GeneratorKind)} returns a registry with one more. A generator is asked for by its
 * spec, the kind's name and, for kinds that take one, an argument: {@code rooms}, {@code gan:MODEL_DIR}.
 */
public final class Generators {

    private static final Generators STANDARD = new Generators(new StandardGenerators().generatorKinds());

    private final ByName<GeneratorKind> kinds;

    private Generators(Collection<GeneratorKind> kinds) {
        this(new ByName<>("generator kind", GeneratorKind::name, kinds));
    }

    private Generators(ByName<GeneratorKind> kinds) {
        this.kinds = kinds;
    }

    /** levelgym's own kinds alone ({@link StandardGenerators}): rooms, caves, gan:MODEL_DIR. */
    public static Generators standard() {
        return STANDARD;
    }

    /**
     * The kinds of every {@link GeneratorProvider} the thread's context class loader finds, levelgym's own first:
     * what every command and the demo offer. Looked up on each call.
     *
     * @throws UserInputException if two providers register the same name
     */
    public static Generators installed() {
        return installed(Providers.contextLoader());
    }

    /** {@link #installed()} as {@code loader} sees the providers (e.g. a class loader over extension jars). */
    public static Generators installed(ClassLoader loader) {
        return new Generators(Providers.offers(GeneratorProvider.class, loader, StandardGenerators.class,
                GeneratorProvider::generatorKinds));
    }

    /** This registry plus {@code kind}; a name already present is an error. */
    public Generators with(GeneratorKind kind) {
        return new Generators(kinds.with(kind));
    }

    public Collection<GeneratorKind> kinds() {
        return kinds.values();
    }

    /**
     * The kinds of {@code world}'s levels that need no argument, by name: those a program can offer without asking
     * anything (the demo cycles through them).
     */
    public List<String> names(TileWorld<?> world) {
        return kinds.values().stream().filter(k -> k.argument().isEmpty() && k.worlds().contains(world))
                .map(GeneratorKind::name).sorted().toList();
    }

    /** How each kind is written, those without an argument first, each group by name: {@code caves, gan:MODEL_DIR}. */
    public List<String> usages() {
        List<String> alone = kinds.values().stream().filter(k -> k.argument().isEmpty()).map(GeneratorKind::usage)
                .sorted().toList();
        List<String> withArgument = kinds.values().stream().filter(k -> k.argument().isPresent())
                .map(GeneratorKind::usage).sorted().toList();
        List<String> all = new ArrayList<>(alone);
        all.addAll(withArgument);
        return all;
    }

    /**
     * The kind {@code spec} names; the spec must carry an argument exactly when the kind takes one.
     *
     * @throws UserInputException listing the known specs otherwise
     */
    public GeneratorKind kind(String spec) {
        int colon = spec.indexOf(':');
        return kinds.get(colon < 0 ? spec : spec.substring(0, colon))
                .filter(kind -> kind.argument().isPresent() == (colon >= 0))
                .orElseThrow(() -> new UserInputException("unknown generator '" + spec + "'; known: "
                        + String.join(", ", usages())));
    }

    /** What follows the colon of {@code spec}, or null if it has none. */
    public static String argument(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? null : spec.substring(colon + 1);
    }

    /** The world whose levels {@code spec} makes (a model's is read from its manifest). */
    public TileWorld<?> world(String spec) {
        return kind(spec).world(argument(spec));
    }

    /** A new generator for {@code spec}, of whichever world it makes; close it when done. */
    public LevelGenerator<?> create(String spec, GeneratorSettings settings) {
        return create(spec, world(spec), settings);
    }

    /**
     * A new generator for {@code spec} of {@code world}'s levels; close it when done.
     *
     * @throws UserInputException if the spec makes levels of another world, naming both
     */
    public <L extends TileGrid> LevelGenerator<L> create(String spec, TileWorld<L> world,
                                                         GeneratorSettings settings) {
        GeneratorKind kind = kind(spec);
        if (!kind.worlds().contains(world)) {
            throw new UserInputException("generator '" + spec + "' makes " + kind.worlds().stream()
                    .map(TileWorld::envId).toList() + " levels, not " + world.envId() + " ones");
        }
        return kind.create(argument(spec), world, settings);
    }

    /** A generator of each kind {@link #names(TileWorld) named} for {@code world}; close them when done. */
    public <L extends TileGrid> List<LevelGenerator<L>> createAll(TileWorld<L> world, GeneratorSettings settings) {
        List<LevelGenerator<L>> all = new ArrayList<>();
        for (String name : names(world)) {
            all.add(create(name, world, settings));
        }
        return all;
    }
}
