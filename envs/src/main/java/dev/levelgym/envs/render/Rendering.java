package dev.levelgym.envs.render;

import java.awt.image.BufferedImage;

/** A drawn state: text or an RGB frame. */
public sealed interface Rendering {

    /** Terminal text; may contain ANSI colour escapes. */
    record Text(String text) implements Rendering {
    }

    /**
     * An RGB frame, row-major from the top-left corner, one {@code 0xRRGGBB} int per pixel. Plain ints rather
     * than a UI toolkit type so envs stays free of any graphics library; {@link #toImage()} bridges to AWT.
     */
    record RgbFrame(int width, int height, int[] rgb) implements Rendering {

        public RgbFrame {
            if (width <= 0 || height <= 0 || rgb.length != width * height) {
                throw new IllegalArgumentException(
                        "frame " + width + "x" + height + " needs " + width * height + " pixels, got " + rgb.length);
            }
        }

        public int pixel(int x, int y) {
            return rgb[y * width + x];
        }

        public BufferedImage toImage() {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, width, height, rgb, 0, width);
            return image;
        }
    }
}
