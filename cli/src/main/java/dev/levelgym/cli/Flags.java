package dev.levelgym.cli;

import dev.levelgym.envs.InvalidFieldException;
import java.util.function.Supplier;

/**
 * The command line's names for record fields: a field's flag is its name in kebab case ({@code emaDecay} is
 * {@code --ema-decay}), so an error a record raises about a field is reported under the flag that set it.
 */
final class Flags {

    private Flags() {
    }

    /** {@code build}'s result; an {@link InvalidFieldException} it throws is reworded with the field's flag. */
    static <T> T naming(Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidFieldException e) {
            throw e.as(flag(e.field()));
        }
    }

    /** {@code --ema-decay} for {@code emaDecay}. */
    static String flag(String field) {
        return "--" + field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
