package org.example.corridor;

import dev.levelgym.generators.GeneratorKind;
import dev.levelgym.generators.GeneratorProvider;
import dev.levelgym.generators.TileWorld;
import java.util.List;

/**
 * Registers the Dungeon generator kind "stripes" (13×9 unless {@code --width}/{@code --height} say otherwise);
 * listed in META-INF/services/dev.levelgym.generators.GeneratorProvider.
 */
public final class StripesGenerators implements GeneratorProvider {

    @Override
    public List<GeneratorKind> generatorKinds() {
        return List.of(GeneratorKind.of(StripesGenerator.NAME, TileWorld.DUNGEON,
                settings -> new StripesGenerator(settings.width().orElse(13), settings.height().orElse(9))));
    }
}
