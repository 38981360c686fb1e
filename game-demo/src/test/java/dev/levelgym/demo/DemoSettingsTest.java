package dev.levelgym.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

    @Test
    void aScreenshotNeedsFrames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DemoSettings(
                DemoMode.PLAY, Optional.empty(), 0, Optional.empty(), KeyScript.none(), 0,
                Optional.of(Path.of("x.png")), Path.of("s"), 1280, 720));
        assertTrue(e.getMessage().startsWith("--screenshot needs --frames"));
    }

    @Test
    void negativeSeedsAndFramesAreRefusedByFlag() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DemoSettings(DemoMode.PLAY,
                Optional.empty(), -1, Optional.empty(), KeyScript.none(), 0, Optional.empty(), Path.of("s"), 1280,
                720)).getMessage().startsWith("--seed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DemoSettings(DemoMode.PLAY,
                Optional.empty(), 0, Optional.empty(), KeyScript.none(), -5, Optional.empty(), Path.of("s"), 1280,
                720)).getMessage().startsWith("--frames"));
    }

    @Test
    void modesParseByLabel() {
        assertEquals(DemoMode.CARTPOLE, DemoMode.parse("cartpole"));
        assertEquals(DemoMode.PLATFORMER_WATCH, DemoMode.parse("platformer-watch"));
        assertTrue(DemoMode.PLATFORMER_WATCH.platformer() && !DemoMode.WATCH.platformer());
        assertThrows(IllegalArgumentException.class, () -> DemoMode.parse("studio"), "levelgym studio opens it");
        assertEquals("--mode must be one of menu, play, watch, cartpole, platformer, platformer-watch; got 'fly'",
                assertThrows(IllegalArgumentException.class, () -> DemoMode.parse("fly")).getMessage());
    }

    @Test
    void theResultIsOneLineOfJson() {
        assertEquals("{\"mode\": \"play\", \"result\": \"win\", \"steps\": 21, \"score\": 2, \"meanFrameMillis\": 12.346}",
                new DemoResult("play", "win", 21, 2.0, 12.3456).toJson());
        assertEquals("{\"mode\": \"menu\", \"result\": \"running\", \"steps\": 0, \"score\": 0.500, "
                + "\"meanFrameMillis\": null}", new DemoResult("menu", "running", 0, 0.5, Double.NaN).toJson());
    }
}
