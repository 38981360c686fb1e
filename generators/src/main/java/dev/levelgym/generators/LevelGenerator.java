package dev.levelgym.generators;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.TileGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes levels of one {@link TileWorld} from seeds. The same generator (same kind, same settings) and the same seed
 * always give the same level, on any machine: a batch is just the levels of consecutive seeds, so level {@code i} of
 * {@code generate(s, n)} is {@code generate(s + i)} and can be regenerated alone. Generators are found by name in
 * {@link Generators}; one that holds native memory (a trained model) frees it in {@link #close()}.
 *
 * @param <L> the world's level type
 */
public interface LevelGenerator<L extends TileGrid> extends AutoCloseable {

    /** The kind's name, and the prefix of the level ids and file names, e.g. {@code rooms}. */
    String name();

    /** The world whose levels this makes. */
    TileWorld<L> world();

    int width();

    int height();

    /**
     * The level of {@code seed}, with id {@code <name>-<seed>}. Dungeon generators return a playable level (one
     * {@link dev.levelgym.envs.dungeon.level.DungeonSolver} wins); others say in their documentation what they
     * promise.
     */
    L generate(long seed);

    /** The levels of seeds {@code firstSeed, firstSeed + 1, ...}, {@code count} of them. */
    default List<L> generate(long firstSeed, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        List<L> levels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            levels.add(generate(firstSeed + i));
        }
        return levels;
    }

    /**
     * {@link #generate(long)} with what making the level took, for reports. By default nothing beyond the level;
     * a generator that redraws parts of its levels counts them (see {@link #redrawsLabel()}).
     */
    default Generated<L> make(long seed) {
        return new Generated<>(generate(seed), 0, 0);
    }

    /**
     * The generator's first, unverified construction for {@code seed} as level text (rows of tile characters):
     * possibly unplayable or ill-formed. The world's repair ({@link TileWorld#repair}) turns it into a playable
     * level; the default is the verified level itself.
     */
    default String draft(long seed) {
        return generate(seed).toText();
    }

    /**
     * The level text of {@code seed} exactly as the generator makes it before anything checks it: no solver, no
     * repair, no redraw, so it may be unplayable or (for some generators) ill-formed. This is what
     * {@code generate --raw} writes, so that the generator's own playability can be measured by anyone's solver.
     * By default the {@link #draft(long)}; a generator whose delivered levels start from another decoding than its
     * draft (a GAN's one-each decoding, a platformer GAN's plain stitch) says so.
     */
    default String raw(long seed) {
        return draft(seed);
    }

    /** The size of its levels as reports give it, e.g. {@code 13x9}. */
    default String size() {
        return width() + "x" + height();
    }

    /** What {@link Generated#redraws()} counts, e.g. {@code segment redraws at the joins}; empty if never. */
    default Optional<String> redrawsLabel() {
        return Optional.empty();
    }

    /** What this generator is, for messages, e.g. {@code 'rooms' is a Dungeon-v0 generator}. */
    default String describe() {
        return "'" + name() + "' is a " + world().envId() + " generator";
    }

    /** Frees what the generator holds; nothing by default. */
    @Override
    default void close() {
    }

    /**
     * A level with what making it took.
     *
     * @param repairEdits tile edits repair made to the generator's draft
     * @param redraws     parts of the level the generator drew again before they fitted (see
     *                    {@link #redrawsLabel()})
     */
    record Generated<L>(L level, int repairEdits, int redraws) {
    }
}
