package dev.levelgym.envs.registry;

import java.util.List;

/**
 * Environments from a jar, found with {@link java.util.ServiceLoader}: a jar lists its implementation in
 * {@code META-INF/services/dev.levelgym.envs.registry.EnvProvider}, and {@link Registry#installed()} (what every
 * levelgym command uses) offers its envs whenever the jar is on the class path. levelgym's own envs come the same
 * way, from {@link StandardEnvs}. Implementations need a public no-argument constructor.
 */
public interface EnvProvider {

    /** The specs this jar adds; their ids must differ from every other provider's. */
    List<EnvSpec<?, ?>> envSpecs();
}
