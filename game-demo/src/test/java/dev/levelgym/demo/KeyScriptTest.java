package dev.levelgym.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.Input.Buttons;
import com.badlogic.gdx.Input.Keys;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyScriptTest {

    private static ScriptEvent key(int code) {
        return new ScriptEvent.Key(code, false, false);
    }

    @Test
    void namesAreLibGdxKeyNamesInAnyCase() {
        KeyScript s = KeyScript.parse("RIGHT, space,w,4,ESCAPE,Enter,PERIOD,WAIT", 8);
        assertEquals(List.of(key(Keys.RIGHT), key(Keys.SPACE), key(Keys.W), key(Keys.NUM_4), key(Keys.ESCAPE),
                key(Keys.ENTER), key(Keys.PERIOD), new ScriptEvent.Wait()), s.events());
        assertFalse(s.hasPointerEvents());
    }

    @Test
    void oneKeyEveryKFramesStartingAtFrameK() {
        KeyScript s = KeyScript.parse("UP,DOWN", 3);
        assertEquals(KeyScript.WAIT, s.keyAt(1));
        assertEquals(KeyScript.WAIT, s.keyAt(2));
        assertEquals(Keys.UP, s.keyAt(3));
        assertEquals(KeyScript.WAIT, s.keyAt(4));
        assertEquals(Keys.DOWN, s.keyAt(6));
        assertEquals(KeyScript.WAIT, s.keyAt(9));
        assertEquals(6, s.lastFrame());
    }

    @Test
    void modifiersMouseEventsAndTypedText() {
        KeyScript s = KeyScript.parse("CTRL+S,ctrl+shift+z,SHIFT+1,CLICK:3:2,RCLICK:0:0,DRAG:1:1:5:1,"
                + "SHIFT+RDRAG:2:3:4:5,TYPE:My Level.txt", 1);
        assertEquals(List.of(new ScriptEvent.Key(Keys.S, true, false), new ScriptEvent.Key(Keys.Z, true, true),
                new ScriptEvent.Key(Keys.NUM_1, false, true), new ScriptEvent.Click(Buttons.LEFT, 3, 2, false),
                new ScriptEvent.Click(Buttons.RIGHT, 0, 0, false), new ScriptEvent.Drag(Buttons.LEFT, 1, 1, 5, 1, false),
                new ScriptEvent.Drag(Buttons.RIGHT, 2, 3, 4, 5, true), new ScriptEvent.Type("My Level.txt")),
                s.events());
        assertTrue(s.hasPointerEvents());
        assertEquals(KeyScript.WAIT, s.keyAt(1), "Ctrl+S is no plain key");
        assertEquals(new ScriptEvent.Click(Buttons.LEFT, 3, 2, false), s.eventAt(4));
    }

    @Test
    void aBadTokenIsNamedWithItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyScript.parse("UP,JUMP", 8));
        assertTrue(e.getMessage().startsWith("--script: token 2 'JUMP' is not a key name"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeyScript.parse("CLICK:3", 8)).getMessage()
                .startsWith("--script: token 1 'CLICK:3' is CLICK:x:y"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeyScript.parse("DRAG:1:-1:2:2", 8))
                .getMessage().contains("non-negative cell coordinates"));
        assertThrows(IllegalArgumentException.class, () -> KeyScript.parse("CTRL+CLICK:1:1", 8));
        assertThrows(IllegalArgumentException.class, () -> KeyScript.parse("UP,,DOWN", 8));
        assertThrows(IllegalArgumentException.class, () -> KeyScript.parse("UP", 0));
        assertEquals(List.of(), KeyScript.parse("", 8).events());
        assertNull(KeyScript.parse("WAIT", 1).eventAt(1));
    }

    @Test
    void onlyTheStudioTakesClicks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DemoSettings(
                DemoMode.PLAY, Optional.empty(), 0, Optional.empty(), KeyScript.parse("CLICK:1:1", 8), 10,
                Optional.empty(), Path.of("s"), 1280, 720));
        assertTrue(e.getMessage().startsWith("--script: clicks and drags are for the level studio"), e.getMessage());
        new DemoSettings(DemoMode.STUDIO, Optional.empty(), 0, Optional.empty(), KeyScript.parse("CLICK:1:1", 8), 10,
                Optional.empty(), Path.of("s"), 1280, 720);
    }
}
