package dev.levelgym.generators;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A solver's verdict on one level, in the terms both tile worlds share.
 *
 * @param playable       true if the level can be won
 * @param solutionLength the shortest winning run's length (moves for Dungeon-v0, ticks for Platformer-v0); empty
 *                       if not playable
 * @param completion     for worlds that measure how far a run gets (Platformer-v0: furthest column / (width − 1),
 *                       1.0 when playable), else empty
 */
public record Playability(boolean playable, OptionalInt solutionLength, OptionalDouble completion) {

    public Playability {
        if (playable != solutionLength.isPresent()) {
            throw new IllegalArgumentException("a solution length is given exactly for playable levels");
        }
    }
}
