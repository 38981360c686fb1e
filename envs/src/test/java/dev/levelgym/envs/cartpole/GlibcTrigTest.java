package dev.levelgym.envs.cartpole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class GlibcTrigTest {

    @Test
    void matchesNumpyBitForBit() throws IOException {
        int checked = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/reference/glibc_sincos_samples.txt")), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                double x = Double.parseDouble(f[0]);
                assertEquals(Double.parseDouble(f[1]), GlibcTrig.sin(x), 0.0, "sin(" + f[0] + ")");
                assertEquals(Double.parseDouble(f[2]), GlibcTrig.cos(x), 0.0, "cos(" + f[0] + ")");
                checked++;
            }
        }
        assertTrue(checked > 4000, "samples read: " + checked);
    }

    @Test
    void keepsSignsAndSpecialValues() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(GlibcTrig.sin(-0.0)));
        assertEquals(1.0, GlibcTrig.cos(-0.0), 0.0);
        assertTrue(Double.isNaN(GlibcTrig.sin(Double.NaN)) && Double.isNaN(GlibcTrig.cos(Double.NaN)));
        assertEquals(Math.sin(3.0), GlibcTrig.sin(3.0), 1e-16, "outside the table range it falls back to Math");
    }
}
