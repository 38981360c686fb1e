package dev.levelgym.demo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SideScrollTest {

    @Test
    void keepsThePlayerAThirdAcrossAndStopsAtTheLevelsEnds() {
        assertEquals(0f, SideScroll.left(3, 100, 30), "near the start the camera rests at column 0");
        assertEquals(40.5f - 10, SideScroll.left(40, 100, 30));
        assertEquals(40.75f - 10, SideScroll.left(40.25f, 100, 30), "it follows a sliding player smoothly");
        assertEquals(70f, SideScroll.left(95, 100, 30), "at the end the last column is at the right edge");
    }

    @Test
    void centresALevelNarrowerThanTheScreen() {
        assertEquals(-5f, SideScroll.left(7, 20, 30));
    }
}
