package dev.levelgym.generators;

import dev.levelgym.envs.dungeon.level.DungeonLevel;

/** A {@link LevelGenerator} of Dungeon levels, its world said once for its implementations. */
public interface DungeonGenerator extends LevelGenerator<DungeonLevel> {

    @Override
    default TileWorld<DungeonLevel> world() {
        return TileWorld.DUNGEON;
    }
}
