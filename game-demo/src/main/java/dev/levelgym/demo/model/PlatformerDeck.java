package dev.levelgym.demo.model;

import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * The platformer mode's level sources, in the order G cycles through them, and the seed of the level on show.
 * Extra sources (a GAN's) come first; the envs' procedural levels and the bundled corpus are always there after
 * them.
 */
public final class PlatformerDeck {

    private final List<PlatformerSource> sources;
    private int current;
    private long seed;

    /** @param extra tried first, in this order; procedural and corpus follow */
    public PlatformerDeck(List<PlatformerSource> extra, long firstSeed) {
        if (firstSeed < 0) {
            throw new UserInputException("--seed must be non-negative, got " + firstSeed);
        }
        List<PlatformerSource> all = new ArrayList<>(extra);
        all.add(PlatformerSource.procedural());
        all.add(PlatformerSource.corpus());
        this.sources = List.copyOf(all);
        this.seed = firstSeed;
    }

    /** The level for the current source and seed. */
    public PlatformerLevel level() {
        return sources.get(current).level(seed);
    }

    /** Moves to the next seed and returns its level. */
    public PlatformerLevel next() {
        seed++;
        return level();
    }

    /** Switches to the next source (wrapping round) at the same seed and returns its level. */
    public PlatformerLevel cycle() {
        current = (current + 1) % sources.size();
        return level();
    }

    public String sourceName() {
        return sources.get(current).name();
    }

    public List<String> sourceNames() {
        return sources.stream().map(PlatformerSource::name).toList();
    }

    public long seed() {
        return seed;
    }
}
