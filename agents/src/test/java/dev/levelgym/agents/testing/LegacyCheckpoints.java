package dev.levelgym.agents.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.agents.checkpoint.Checkpoints;
import java.io.IOException;
import java.nio.file.Path;

/** Checkpoints as levelgym wrote them before manifests recorded file digests. */
public final class LegacyCheckpoints {

    private LegacyCheckpoints() {
    }

    /** Turns {@code manifest} into one of the format written before digests: no files, no checksum. */
    public static void stripDigests(Path manifest) throws IOException {
        ObjectNode tree = (ObjectNode) Checkpoints.JSON.readTree(manifest.toFile());
        tree.remove("files");
        tree.remove("checksum");
        Checkpoints.JSON.writeValue(manifest.toFile(), tree);
    }
}
