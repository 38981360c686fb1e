package dev.levelgym.envs.platformer;

import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The real levels of the test resources {@code vglc/} (provenance in its README): VGLC's 15 Super Mario Bros levels
 * (14 rows), Super Mario Land 1-1 and 1-2 (16 rows, the same legend) and five Super Mario Bros 2 (Japan) levels
 * (13 rows, VGLC's own legend for that game, mapped to the Super Mario Bros one by {@link #fromSmb2j}).
 */
final class Vglc {

    static final List<String> SMB = List.of("mario-1-1", "mario-1-2", "mario-1-3", "mario-2-1", "mario-3-1",
            "mario-3-3", "mario-4-1", "mario-4-2", "mario-5-1", "mario-5-3", "mario-6-1", "mario-6-2", "mario-6-3",
            "mario-7-1", "mario-8-1");
    static final List<String> SMB2J = List.of("mario_2", "mario_3", "mario_5", "mario_10", "mario_12");

    private Vglc() {
    }

    /** {@code smb/<name>.txt} as it is. */
    static PlatformerLevel smb(String name) {
        return PlatformerParser.parse(text("smb/" + name + ".txt"), name + ".txt");
    }

    static List<PlatformerLevel> smb() {
        List<PlatformerLevel> out = new ArrayList<>();
        for (String name : SMB) {
            out.add(smb(name));
        }
        return out;
    }

    /** Super Mario Land 1-1 ({@code which} 1) or 1-2 (2), as they are. */
    static PlatformerLevel sml(int which) {
        String name = "super_mario_land_1" + which + ".png.txt";
        return PlatformerParser.parse(text("sml/" + name), name);
    }

    /** {@code smb2j/<name>.txt} through {@link #fromSmb2j}. */
    static PlatformerLevel smb2j(String name) {
        return PlatformerParser.parse(fromSmb2j(text("smb2j/" + name + ".txt")), name + ".txt");
    }

    /**
     * VGLC's Super Mario Bros 2 (Japan) tiles in the Super Mario Bros legend: {@code #} ground and {@code g} (the
     * same hard block, only on staircases) → {@code X}, {@code B} brick → {@code S}, {@code e} enemy → {@code E},
     * {@code p}/{@code P} pipe left/right → {@code <}/{@code >} on a pipe's top cell and {@code [}/{@code ]} below
     * it, {@code c} (columns two or three high standing on the ground) → a cannon, {@code B} on top and {@code b}
     * below; {@code ?} and {@code -} are the same in both.
     */
    static String fromSmb2j(String text) {
        String[] rows = text.split("\n");
        StringBuilder sb = new StringBuilder(text.length());
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                char above = y == 0 ? '-' : rows[y - 1].charAt(x);
                char c = rows[y].charAt(x);
                sb.append(switch (c) {
                    case '#', 'g' -> 'X';
                    case 'B' -> 'S';
                    case 'e' -> 'E';
                    case 'p' -> above == 'p' ? '[' : '<';
                    case 'P' -> above == 'P' ? ']' : '>';
                    case 'c' -> above == 'c' ? 'b' : 'B';
                    case '?', '-' -> c;
                    default -> throw new IllegalArgumentException("no Super Mario Bros tile for '" + c + "' at row "
                            + (y + 1) + ", column " + (x + 1));
                });
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String text(String resource) {
        try (InputStream in = Vglc.class.getResourceAsStream("vglc/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource vglc/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
