package dev.levelgym.envs.registry;

import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.frozenlake.FrozenLake;
import dev.levelgym.envs.platformer.Platformer;
import java.util.List;

/** levelgym's own environments, provided like any other jar's (see {@link EnvProvider}). */
public final class StandardEnvs implements EnvProvider {

    @Override
    public List<EnvSpec<?, ?>> envSpecs() {
        return List.of(CartPole.SPEC, FrozenLake.SPEC, FrozenLake.SPEC_8X8, Dungeon.SPEC, Platformer.SPEC_V0,
                Platformer.SPEC);
    }
}
