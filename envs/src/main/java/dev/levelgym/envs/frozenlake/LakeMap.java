package dev.levelgym.envs.frozenlake;

import dev.levelgym.envs.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A FrozenLake map: rows of tiles {@code S} (start, frozen), {@code F} (frozen), {@code H} (hole) and {@code G}
 * (goal). States are numbered row-major, {@code row * ncol + col}, as in Gymnasium.
 */
public record LakeMap(List<String> rows) {

    /** Gymnasium's {@code MAPS["4x4"]}. */
    public static final LakeMap MAP_4X4 = new LakeMap(List.of("SFFF", "FHFH", "FFFH", "HFFG"));

    /** Gymnasium's {@code MAPS["8x8"]}. */
    public static final LakeMap MAP_8X8 = new LakeMap(List.of(
            "SFFFFFFF",
            "FFFFFFFF",
            "FFFHFFFF",
            "FFFFFHFF",
            "FFFHFFFF",
            "FHHFFFHF",
            "FHFFHFHF",
            "FFFHFFFG"));

    private static final Map<String, LakeMap> STANDARD = Map.of("4x4", MAP_4X4, "8x8", MAP_8X8);

    /**
     * Validates the map. Errors name the offending row and column, since a user typing a custom map needs to find
     * the mistake.
     */
    public LakeMap {
        rows = List.copyOf(rows);
        if (rows.isEmpty() || rows.get(0).isEmpty()) {
            throw new UserInputException("FrozenLake map is empty");
        }
        int ncol = rows.get(0).length();
        List<String> starts = new ArrayList<>();
        boolean goal = false;
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            if (row.length() != ncol) {
                throw new UserInputException("FrozenLake map is not rectangular: row " + r + " has "
                        + row.length() + " columns, row 0 has " + ncol);
            }
            for (int c = 0; c < ncol; c++) {
                char tile = row.charAt(c);
                switch (tile) {
                    case 'S' -> starts.add("row " + r + " column " + c);
                    case 'G' -> goal = true;
                    case 'F', 'H' -> { }
                    default -> throw new UserInputException("FrozenLake map row " + r + " column " + c
                            + ": '" + tile + "' is not a tile; use S (start), F (frozen), H (hole) or G (goal)");
                }
            }
        }
        if (starts.size() != 1) {
            throw new UserInputException("FrozenLake map needs exactly one start tile 'S', found "
                    + starts.size() + (starts.isEmpty() ? "" : " at " + String.join(", ", starts)));
        }
        if (!goal) {
            throw new UserInputException("FrozenLake map has no goal tile 'G'");
        }
    }

    /** Parses rows separated by commas, e.g. {@code "SFFF,FHFH,FFFH,HFFG"}; surrounding spaces are ignored. */
    public static LakeMap parse(String desc) {
        List<String> rows = new ArrayList<>();
        for (String row : desc.split(",", -1)) {
            rows.add(row.strip());
        }
        return new LakeMap(rows);
    }

    /** {@code "4x4"} or {@code "8x8"}. */
    public static LakeMap standard(String name) {
        LakeMap map = STANDARD.get(name);
        if (map == null) {
            throw new UserInputException("option map_name must be '4x4' or '8x8', got '" + name + "'");
        }
        return map;
    }

    public int nrow() {
        return rows.size();
    }

    public int ncol() {
        return rows.get(0).length();
    }

    public int numStates() {
        return nrow() * ncol();
    }

    public char tile(int row, int col) {
        return rows.get(row).charAt(col);
    }

    public char tile(int state) {
        return tile(state / ncol(), state % ncol());
    }

    /** The state of the start tile. */
    public int start() {
        for (int s = 0; s < numStates(); s++) {
            if (tile(s) == 'S') {
                return s;
            }
        }
        throw new AssertionError("validated map has a start");
    }

    @Override
    public String toString() {
        return String.join(",", rows);
    }
}
