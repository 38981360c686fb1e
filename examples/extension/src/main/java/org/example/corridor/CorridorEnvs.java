package org.example.corridor;

import dev.levelgym.envs.registry.EnvProvider;
import dev.levelgym.envs.registry.EnvSpec;
import java.util.List;

/** Registers Corridor-v0; listed in META-INF/services/dev.levelgym.envs.registry.EnvProvider. */
public final class CorridorEnvs implements EnvProvider {

    @Override
    public List<EnvSpec<?, ?>> envSpecs() {
        return List.of(Corridor.SPEC);
    }
}
