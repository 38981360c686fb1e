package dev.levelgym.generators;

import java.util.List;

/**
 * Generator kinds from a jar, found with {@link java.util.ServiceLoader}: a jar lists its implementation in
 * {@code META-INF/services/dev.levelgym.generators.GeneratorProvider}, and {@link Generators#installed()} (what
 * {@code generate}, {@code play}, the demo and Spark use) offers its kinds whenever the jar is on the class path.
 * levelgym's own kinds come the same way, from {@link StandardGenerators}. Implementations need a public no-argument
 * constructor.
 */
public interface GeneratorProvider {

    /** The kinds this jar adds; their names must differ from every other provider's. */
    List<GeneratorKind> generatorKinds();
}
