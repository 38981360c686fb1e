package dev.levelgym.generators.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import dev.levelgym.envs.dungeon.level.DungeonTile;
import dev.levelgym.generators.gan.Decoding;
import dev.levelgym.generators.gan.GanModel;
import dev.levelgym.generators.gan.GanWorld;
import dev.levelgym.generators.model.Latents;
import dev.levelgym.nn.Libtorch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The wall margin a Dungeon VAE decodes with ({@link VaeConfig#wallMargin()}), on known tile probabilities. */
class VaeWallMarginTest {

    private static final String LEGEND = GanWorld.DUNGEON.legend();
    private static final int SIZE = 16;
    private static final int TILES = LEGEND.length();
    private static final int PLANE = SIZE * SIZE;
    private static final int WALL = DungeonTile.WALL.ordinal();

    @Test
    void aCellIsWallOnlyWhereWallIsMoreThanTheMarginTimesAsLikelyAsItsNextTile() {
        float margin = 3;
        // A "decoder" whose latent is the logits themselves: its probabilities are known exactly.
        Block softmax = new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, TILES, SIZE, SIZE)
                .softmax(1)), "softmax");
        int latent = TILES * PLANE;
        Random random = new Random(3);
        List<float[]> latents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            float[] z = Latents.gaussians(random, latent);
            for (int c = 0; c < PLANE; c++) {
                z[WALL * PLANE + c] += 1.5f;
            }
            latents.add(z);
        }
        try (NDManager manager = Libtorch.newManager()) {
            softmax.initialize(manager, DataType.FLOAT32, new Shape(1, latent));
            ParameterStore ps = new ParameterStore(manager, false);
            List<String> plain = GanModel.sample(softmax, ps, manager, latents, latent, SIZE, 13, 9, LEGEND,
                    Decoding.ONE_EACH);
            assertEquals(plain, GanModel.sample(softmax, ps, manager, latents, latent, SIZE, 13, 9, LEGEND,
                    Decoding.ONE_EACH, VaeModel.tileWeights(GanWorld.DUNGEON, 1)), "a margin of 1 is plain argmax");
            assertNull(VaeModel.tileWeights(GanWorld.DUNGEON, 1));
            List<String> open = GanModel.sample(softmax, ps, manager, latents, latent, SIZE, 13, 9, LEGEND,
                    Decoding.ONE_EACH, VaeModel.tileWeights(GanWorld.DUNGEON, margin));
            float[] p = softmax.forward(ps, new NDList(manager.create(join(latents), new Shape(latents.size(),
                    latent))), false).singletonOrThrow().toFloatArray();
            int opened = 0;
            int walls = 0;
            for (int i = 0; i < latents.size(); i++) {
                String a = plain.get(i).replace("\n", "");
                String b = open.get(i).replace("\n", "");
                for (int c = 0; c < a.length(); c++) {
                    int cell = (c / 13) * SIZE + c % 13;
                    char tile = b.charAt(c);
                    if (isPiece(a.charAt(c)) || isPiece(tile)) {
                        assertEquals(a.charAt(c), tile, "the unique pieces go where they went: map " + i);
                        continue;
                    }
                    float wall = p[(i * TILES + WALL) * PLANE + cell];
                    int next = -1;
                    for (int ch = 0; ch < TILES; ch++) {
                        if (ch != WALL && !isPiece(LEGEND.charAt(ch))
                                && (next < 0 || p[(i * TILES + ch) * PLANE + cell] > p[(i * TILES + next) * PLANE
                                + cell])) {
                            next = ch;
                        }
                    }
                    float other = p[(i * TILES + next) * PLANE + cell];
                    if (Math.abs(wall - margin * other) < 1e-5f) {
                        continue;
                    }
                    assertEquals(wall > margin * other ? 'w' : LEGEND.charAt(next), tile, "map " + i + " cell " + c);
                    if (tile == 'w') {
                        assertEquals('w', a.charAt(c), "the margin never draws a wall argmax would not");
                        walls++;
                    } else if (a.charAt(c) == 'w') {
                        opened++;
                    }
                }
            }
            assertTrue(opened > 0 && walls > 0, opened + " cells opened, " + walls + " walls kept");
        }
    }

    private static boolean isPiece(char c) {
        return c == 'A' || c == '+' || c == 'g';
    }

    private static float[] join(List<float[]> latents) {
        float[] all = new float[latents.size() * latents.get(0).length];
        for (int i = 0; i < latents.size(); i++) {
            System.arraycopy(latents.get(i), 0, all, i * latents.get(i).length, latents.get(i).length);
        }
        return all;
    }
}
