package dev.levelgym.envs.registry;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.frozenlake.FrozenLake;
import dev.levelgym.envs.platformer.Platformer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable set of {@link EnvSpec}s by id. {@link #standard()} holds levelgym's own environments; a user adds
 * theirs with {@link #with(EnvSpec)}, which returns a new registry (no global mutable state).
 */
public final class Registry {

    private static final Registry STANDARD = new Registry(List.of(
            CartPole.SPEC, FrozenLake.SPEC, FrozenLake.SPEC_8X8, Dungeon.SPEC, Platformer.SPEC_V0, Platformer.SPEC));

    private final Map<String, EnvSpec<?, ?>> specs;

    private Registry(Collection<EnvSpec<?, ?>> specs) {
        Map<String, EnvSpec<?, ?>> byId = new LinkedHashMap<>();
        for (EnvSpec<?, ?> spec : specs) {
            if (byId.putIfAbsent(spec.id(), spec) != null) {
                throw new IllegalArgumentException("env id registered twice: " + spec.id());
            }
        }
        this.specs = Collections.unmodifiableMap(byId);
    }

    /** levelgym's built-in environments. */
    public static Registry standard() {
        return STANDARD;
    }

    /** This registry plus {@code spec}; an id already present is an error (register a new version instead). */
    public Registry with(EnvSpec<?, ?> spec) {
        List<EnvSpec<?, ?>> all = new ArrayList<>(specs.values());
        all.add(spec);
        return new Registry(all);
    }

    public Collection<EnvSpec<?, ?>> specs() {
        return specs.values();
    }

    /** The spec for {@code id}, or an {@link IllegalArgumentException} that lists the registered ids. */
    public EnvSpec<?, ?> spec(String id) {
        EnvSpec<?, ?> spec = specs.get(id);
        if (spec == null) {
            throw new IllegalArgumentException("unknown env id '" + id + "'; registered: "
                    + (specs.isEmpty() ? "(none)" : String.join(", ", specs.keySet())));
        }
        return spec;
    }

    /** {@code spec(id).make(options)}: the env wrapped with order enforcement and its time limit. */
    public Env<?, ?> make(String id, Map<String, ?> options) {
        return spec(id).make(options);
    }

    public Env<?, ?> make(String id) {
        return make(id, Map.of());
    }
}
