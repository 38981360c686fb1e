package dev.levelgym.demo.studio;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a studio session stands, for the run's last output line.
 *
 * @param world          {@code dungeon} or {@code platformer}
 * @param playable       whether the solver wins the level as it stands
 * @param solutionLength the solver's shortest winning run; empty when not playable
 * @param edits          undoable edits standing since the level was opened or made
 * @param saved          the last file the session saved, if any
 */
public record StudioReport(String world, boolean playable, OptionalInt solutionLength, int edits,
                           Optional<Path> saved) {
}
