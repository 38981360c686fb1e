package dev.levelgym.demo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TickClockTest {

    @Test
    void oneTickPerTickLengthAtOneX() {
        TickClock clock = new TickClock(0.1);
        int ticks = 0;
        for (int f = 0; f < 60; f++) {
            ticks += clock.advance(1.0 / 60);
        }
        assertEquals(10, ticks);
    }

    @Test
    void fourXRunsFourTimesAsManyAndMaxRunsABatchPerFrame() {
        TickClock clock = new TickClock(0.1);
        clock.setSpeed(Speed.X4);
        int ticks = 0;
        for (int f = 0; f < 60; f++) {
            ticks += clock.advance(1.0 / 60);
        }
        assertEquals(40, ticks);
        clock.setSpeed(Speed.MAX);
        assertEquals(TickClock.MAX_TICKS_PER_FRAME, clock.advance(1.0 / 60));
        assertEquals(1f, clock.progress());
    }

    @Test
    void pausedRunsNothingUntilAStepIsRequested() {
        TickClock clock = new TickClock(0.1);
        clock.togglePause();
        assertEquals(0, clock.advance(5));
        clock.requestStep();
        assertEquals(1, clock.advance(0.001));
        assertEquals(0, clock.advance(0.5));
        clock.togglePause();
        clock.requestStep();
        assertEquals(0, clock.advance(0.05), "a step request only counts while paused");
    }

    @Test
    void progressGrowsThroughATick() {
        TickClock clock = new TickClock(0.1);
        clock.advance(0.025);
        assertEquals(0.25f, clock.progress(), 1e-6);
        clock.advance(0.1);
        assertEquals(0.25f, clock.progress(), 1e-6);
    }

    @Test
    void rejectsANonPositiveTick() {
        assertThrows(IllegalArgumentException.class, () -> new TickClock(0));
    }
}
