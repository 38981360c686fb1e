package dev.levelgym.envs.registry;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import java.util.Collection;
import java.util.Map;

/**
 * An immutable set of {@link EnvSpec}s by id. {@link #installed()} holds the envs of every {@link EnvProvider} on
 * the class path (levelgym's own, {@link #standard()}, and any other jar's); a program adds its own with
 * {@link #with(EnvSpec)}, which returns a new registry (no global mutable state).
 */
public final class Registry {

    private static final Registry STANDARD = new Registry(new StandardEnvs().envSpecs());

    private final ByName<EnvSpec<?, ?>> specs;

    private Registry(Collection<EnvSpec<?, ?>> specs) {
        this(new ByName<>("env id", EnvSpec::id, specs));
    }

    private Registry(ByName<EnvSpec<?, ?>> specs) {
        this.specs = specs;
    }

    /** levelgym's built-in environments ({@link StandardEnvs}) alone. */
    public static Registry standard() {
        return STANDARD;
    }

    /**
     * The envs of every {@link EnvProvider} the thread's context class loader finds, levelgym's own first: what
     * every command offers. Looked up on each call, so a jar added to a class loader is seen.
     *
     * @throws UserInputException if two providers register the same id
     */
    public static Registry installed() {
        return installed(Providers.contextLoader());
    }

    /** {@link #installed()} as {@code loader} sees the providers (e.g. a class loader over extension jars). */
    public static Registry installed(ClassLoader loader) {
        return new Registry(Providers.offers(EnvProvider.class, loader, StandardEnvs.class, EnvProvider::envSpecs));
    }

    /** This registry plus {@code spec}; an id already present is an error (register a new version instead). */
    public Registry with(EnvSpec<?, ?> spec) {
        return new Registry(specs.with(spec));
    }

    public Collection<EnvSpec<?, ?>> specs() {
        return specs.values();
    }

    /** The spec for {@code id}, or a {@link UserInputException} that lists the registered ids. */
    public EnvSpec<?, ?> spec(String id) {
        return specs.get(id).orElseThrow(() -> new UserInputException("unknown env id '" + id + "'; registered: "
                + (specs.names().isEmpty() ? "(none)" : String.join(", ", specs.names()))));
    }

    /** {@code spec(id).make(options)}: the env wrapped with order enforcement and its time limit. */
    public Env<?, ?> make(String id, Map<String, ?> options) {
        return spec(id).make(options);
    }

    public Env<?, ?> make(String id) {
        return make(id, Map.of());
    }
}
