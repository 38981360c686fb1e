package dev.levelgym.generators.gan;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import dev.levelgym.generators.TileWorld;

/**
 * The tile world a GAN is built on: its legend (one output channel per tile, in legend order) and the tile that
 * fills the padding around a level in the square one-hot maps. A model's manifest names its world, and loading it
 * for another world is refused.
 */
public enum GanWorld {
    /** Dungeon-v0 levels, padded with wall (the border every Dungeon level has). */
    DUNGEON(TileWorld.DUNGEON, DungeonTile.WALL.symbol()),
    /**
     * Platformer windows, padded with empty sky as MarioGAN pads its 14×28 windows to 32×32; measured under the
     * current rules (Platformer-v1).
     */
    PLATFORMER(TileWorld.PLATFORMER, PlatformerTile.EMPTY.symbol());

    private final TileWorld<?> world;
    private final String legend;
    private final int padding;

    GanWorld(TileWorld<?> world, char padding) {
        this.world = world;
        this.legend = world.legend();
        this.padding = legend.indexOf(padding);
    }

    /** The tile world whose levels such a GAN makes. */
    public TileWorld<?> tileWorld() {
        return world;
    }

    /** The GAN world of {@code world}'s levels. */
    public static GanWorld of(TileWorld<?> world) {
        for (GanWorld w : values()) {
            if (w.world == world) {
                return w;
            }
        }
        throw new IllegalArgumentException("no GAN world for " + world.envId());
    }

    /** The env id, as written in a model's manifest, e.g. {@code Platformer-v1}. */
    public String envId() {
        return world.envId();
    }

    /**
     * True if a manifest naming {@code envId} holds a model of this world: its {@link #envId()}, and for the
     * platformer world also Platformer-v0 (both versions share the tiles; only the rules a level is measured by
     * changed).
     */
    public boolean names(String envId) {
        return envId().equals(envId) || this == PLATFORMER && Platformer.ID_V0.equals(envId);
    }

    /** The file characters of the output channels, in channel order. */
    public String legend() {
        return legend;
    }

    public int channels() {
        return legend.length();
    }

    /** The channel that is hot in the padding. */
    int paddingChannel() {
        return padding;
    }

    /**
     * The world of a manifest's env id; a manifest written before models named their world (null) is a Dungeon one,
     * the only world there was, and one written for Platformer-v0 is a platformer one (both versions share the
     * tiles: only the rules a level is measured by changed).
     *
     * @throws dev.levelgym.envs.UserInputException for an unknown env id, naming {@code source}
     */
    static GanWorld of(String envId, Object source) {
        if (envId == null) {
            return DUNGEON;
        }
        for (GanWorld w : values()) {
            if (w.names(envId)) {
                return w;
            }
        }
        throw new UserInputException(source + ": a GAN for an unknown world '" + envId + "'");
    }
}
