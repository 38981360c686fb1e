package dev.levelgym.envs.registry;

import dev.levelgym.envs.Env;

/** Builds an unwrapped environment from its options (the spec's kwargs overridden by the caller's). */
@FunctionalInterface
public interface EnvFactory<O, A> {
    Env<O, A> create(Options options);
}
