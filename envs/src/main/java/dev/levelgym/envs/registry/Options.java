package dev.levelgym.envs.registry;

import dev.levelgym.envs.UserInputException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An environment's keyword options (Gymnasium's kwargs), read with types and with errors that name the
 * option, so {@code make("FrozenLake-v1", Map.of("map_name", "5x5"))} fails with a message a user can act on.
 * Values may be given as their type or as strings (as they arrive from a command line).
 */
public record Options(Map<String, Object> values) {

    public Options {
        values = Map.copyOf(values);
    }

    public static Options empty() {
        return new Options(Map.of());
    }

    /** These options, with {@code overrides} replacing same-named entries. */
    public Options with(Map<String, ?> overrides) {
        Map<String, Object> merged = new TreeMap<>(values);
        merged.putAll(overrides);
        return new Options(merged);
    }

    /** Throws unless every option given is one of {@code known}. */
    public Options requireOnly(String envId, Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new UserInputException(envId + ": unknown option(s) " + unknown + "; known options: "
                    + new TreeSet<>(known));
        }
        return this;
    }

    /**
     * Throws if {@code option} is given together with any of {@code others}, each of which {@code what} (e.g. "is
     * for procedural levels").
     */
    public Options requireApart(String envId, String option, String what, String... others) {
        if (has(option)) {
            for (String other : others) {
                if (has(other)) {
                    throw new UserInputException(envId + ": option " + other + " " + what
                            + " and cannot be combined with option " + option);
                }
            }
        }
        return this;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String getString(String name, String fallback) {
        Object v = values.get(name);
        return v == null ? fallback : v.toString();
    }

    public int getInt(String name, int fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        long value = getLong(name, 0);
        if (value != (int) value) {
            throw new UserInputException("option " + name + " must fit in an int, got '" + v + "'");
        }
        return (int) value;
    }

    public long getLong(String name, long fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new UserInputException("option " + name + " must be an integer, got '" + v + "'");
        }
    }

    public double getDouble(String name, double fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new UserInputException("option " + name + " must be a number, got '" + v + "'");
        }
    }

    public boolean getBoolean(String name, boolean fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (v.toString().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new UserInputException("option " + name + " must be true or false, got '" + v + "'");
        };
    }
}
