package dev.levelgym.envs.registry;

import dev.levelgym.envs.UserInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Entries under unique names, in the order they were registered, immutable: what a registry of envs or generators
 * holds.
 *
 * @param <T> the entry type
 */
public final class ByName<T> {

    private final String what;
    private final Function<? super T, String> nameOf;
    private final Map<String, T> entries;

    /**
     * @param what   what a name names, for the error, e.g. {@code env id}
     * @param nameOf an entry's name
     * @throws UserInputException if two entries have one name
     */
    public ByName(String what, Function<? super T, String> nameOf, Collection<? extends T> entries) {
        this.what = what;
        this.nameOf = nameOf;
        Map<String, T> byName = new LinkedHashMap<>();
        for (T entry : entries) {
            String name = nameOf.apply(entry);
            if (byName.putIfAbsent(name, entry) != null) {
                throw new UserInputException(what + " registered twice: " + name);
            }
        }
        this.entries = Collections.unmodifiableMap(byName);
    }

    /** These entries plus {@code entry}; a name already present is an error. */
    public ByName<T> with(T entry) {
        List<T> all = new ArrayList<>(entries.values());
        all.add(entry);
        return new ByName<>(what, nameOf, all);
    }

    public Collection<T> values() {
        return entries.values();
    }

    public Set<String> names() {
        return entries.keySet();
    }

    public Optional<T> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }
}
