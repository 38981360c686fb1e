package dev.levelgym.envs.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private final Options options = new Options(Map.of(
            "int", 7, "intText", " 12 ", "long", 1L << 40, "double", 0.5, "doubleText", "2.5",
            "flag", true, "flagText", "FALSE", "word", "hello"));

    @Test
    void typedGettersAcceptValuesAndStrings() {
        assertEquals(7, options.getInt("int", 0));
        assertEquals(12, options.getInt("intText", 0));
        assertEquals(1L << 40, options.getLong("long", 0));
        assertEquals(12L, options.getLong("intText", 0));
        assertEquals(0.5, options.getDouble("double", 0));
        assertEquals(7.0, options.getDouble("int", 0));
        assertEquals(2.5, options.getDouble("doubleText", 0));
        assertTrue(options.getBoolean("flag", false));
        assertFalse(options.getBoolean("flagText", true));
        assertEquals("hello", options.getString("word", null));
        assertEquals("7", options.getString("int", null));
    }

    @Test
    void missingOptionsGiveTheFallback() {
        assertEquals(-1, options.getInt("missing", -1));
        assertEquals(-2L, options.getLong("missing", -2));
        assertEquals(1.5, options.getDouble("missing", 1.5));
        assertTrue(options.getBoolean("missing", true));
        assertEquals("x", options.getString("missing", "x"));
        assertFalse(options.has("missing"));
        assertTrue(options.has("word"));
    }

    @Test
    void wrongTypesGiveErrorsNamingTheOptionAndValue() {
        assertEquals("option word must be an integer, got 'hello'",
                assertThrows(IllegalArgumentException.class, () -> options.getInt("word", 0)).getMessage());
        assertEquals("option double must be an integer, got '0.5'",
                assertThrows(IllegalArgumentException.class, () -> options.getLong("double", 0)).getMessage());
        assertEquals("option long must fit in an int, got '1099511627776'",
                assertThrows(IllegalArgumentException.class, () -> options.getInt("long", 0)).getMessage());
        assertEquals("option word must be a number, got 'hello'",
                assertThrows(IllegalArgumentException.class, () -> options.getDouble("word", 0)).getMessage());
        assertEquals("option word must be true or false, got 'hello'",
                assertThrows(IllegalArgumentException.class, () -> options.getBoolean("word", false)).getMessage());
    }

    @Test
    void withOverridesWithoutChangingTheOriginal() {
        Options base = new Options(Map.of("a", 1, "b", 2));
        Options merged = base.with(Map.of("b", 3, "c", 4));
        assertEquals(Map.of("a", 1, "b", 3, "c", 4), merged.values());
        assertEquals(Map.of("a", 1, "b", 2), base.values());
    }

    @Test
    void requireOnlyNamesUnknownAndKnownOptions() {
        Options given = new Options(Map.of("size", 4, "colour", "red", "shape", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> given.requireOnly("Foo-v0", Set.of("size", "slippery")));
        assertEquals("Foo-v0: unknown option(s) [colour, shape]; known options: [size, slippery]", e.getMessage());
        assertSame(given, given.requireOnly("Foo-v0", Set.of("size", "colour", "shape")));
    }

    @Test
    void emptyHasNothing() {
        assertTrue(Options.empty().values().isEmpty());
    }
}
