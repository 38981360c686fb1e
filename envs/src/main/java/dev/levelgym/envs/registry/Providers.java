package dev.levelgym.envs.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The one way levelgym finds its extensions (envs, agent kinds, generators): {@link ServiceLoader} providers, in a
 * stable order so that listings and "registered twice" errors do not depend on the order of the class path:
 * levelgym's own provider first, then the others by class name.
 */
public final class Providers {

    private Providers() {
    }

    /**
     * Every provider of {@code service} that {@code loader} sees (through {@code META-INF/services}), the
     * {@code standard} one first.
     */
    public static <P> List<P> load(Class<P> service, ClassLoader loader, Class<? extends P> standard) {
        List<P> providers = new ArrayList<>();
        ServiceLoader.load(service, loader).forEach(providers::add);
        providers.sort(Comparator.comparing((P p) -> p.getClass() != standard)
                .thenComparing(p -> p.getClass().getName()));
        return providers;
    }

    /**
     * What every provider of {@code service} that {@code loader} sees offers ({@code offers}: e.g. its env specs),
     * the {@code standard} provider's first.
     */
    public static <P, T> List<T> offers(Class<P> service, ClassLoader loader, Class<? extends P> standard,
                                        Function<P, List<? extends T>> offers) {
        List<T> all = new ArrayList<>();
        for (P provider : load(service, loader, standard)) {
            all.addAll(offers.apply(provider));
        }
        return all;
    }

    /** The class loader {@link ServiceLoader#load(Class)} would use: the thread's context loader. */
    public static ClassLoader contextLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }
}
