package dev.levelgym.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.Input.Keys;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyScriptTest {

    @Test
    void namesAreLibGdxKeyNamesInAnyCase() {
        KeyScript s = KeyScript.parse("RIGHT, space,w,4,ESCAPE,Enter,PERIOD,WAIT", 8);
        assertEquals(List.of(Keys.RIGHT, Keys.SPACE, Keys.W, Keys.NUM_4, Keys.ESCAPE, Keys.ENTER, Keys.PERIOD,
                KeyScript.WAIT), s.keys());
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
    void aBadTokenIsNamedWithItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyScript.parse("UP,JUMP", 8));
        assertTrue(e.getMessage().startsWith("--script: token 2 'JUMP' is not a key name"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeyScript.parse("UP,,DOWN", 8));
        assertThrows(IllegalArgumentException.class, () -> KeyScript.parse("UP", 0));
        assertEquals(List.of(), KeyScript.parse("", 8).keys());
    }
}
