package dev.levelgym.envs.cartpole;

import dev.levelgym.envs.render.Rendering;
import java.util.Arrays;
import java.util.Locale;

/**
 * Draws a CartPole state: a short text picture for terminals and a 600×400 frame laid out as Gymnasium's pygame
 * renderer lays it out (same scale, cart and pole sizes and colours), rasterised into a plain int array.
 */
final class CartPoleRenderer {

    static final int WIDTH = 600;
    static final int HEIGHT = 400;

    private static final double SCALE = WIDTH / (CartPolePhysics.X_THRESHOLD * 2);
    private static final double POLE_WIDTH = 10.0;
    private static final double POLE_LENGTH = SCALE * (2 * CartPolePhysics.LENGTH);
    private static final double CART_WIDTH = 50.0;
    private static final double CART_HEIGHT = 30.0;
    private static final double AXLE_OFFSET = CART_HEIGHT / 4.0;
    private static final double CART_Y = 100.0;

    private static final int WHITE = 0xFFFFFF;
    private static final int BLACK = 0x000000;
    private static final int POLE_COLOUR = 0xCA9865;
    private static final int AXLE_COLOUR = 0x8184CB;

    private static final int TRACK_CHARS = 49;

    private CartPoleRenderer() {
    }

    static String text(double[] s) {
        int cart = (int) Math.round((s[0] + CartPolePhysics.X_THRESHOLD) / (2 * CartPolePhysics.X_THRESHOLD)
                * (TRACK_CHARS - 1));
        cart = Math.max(0, Math.min(TRACK_CHARS - 1, cart));
        // Positive theta leans the pole to the right (clockwise), as in Gymnasium's drawing.
        char pole = s[2] > 0.05 ? '/' : s[2] < -0.05 ? '\\' : '|';
        char[] poleLine = new char[TRACK_CHARS + 2];
        Arrays.fill(poleLine, ' ');
        poleLine[cart + 1] = pole;
        char[] track = new char[TRACK_CHARS + 2];
        Arrays.fill(track, '-');
        track[0] = '|';
        track[TRACK_CHARS + 1] = '|';
        track[cart + 1] = '#';
        return String.format(Locale.ROOT, "x=%+.4f x_dot=%+.4f theta=%+.4f (%+.1f deg) theta_dot=%+.4f%n%s%n%s%n",
                s[0], s[1], s[2], Math.toDegrees(s[2]), s[3], new String(poleLine).stripTrailing(), new String(track));
    }

    static Rendering.RgbFrame frame(double[] s) {
        int[] rgb = new int[WIDTH * HEIGHT];
        Arrays.fill(rgb, WHITE);
        double cartX = s[0] * SCALE + WIDTH / 2.0;

        double l = -CART_WIDTH / 2;
        double r = CART_WIDTH / 2;
        double t = CART_HEIGHT / 2;
        double b = -CART_HEIGHT / 2;
        fillConvex(rgb, new double[] {l + cartX, l + cartX, r + cartX, r + cartX},
                new double[] {b + CART_Y, t + CART_Y, t + CART_Y, b + CART_Y}, BLACK);

        double pl = -POLE_WIDTH / 2;
        double pr = POLE_WIDTH / 2;
        double pt = POLE_LENGTH - POLE_WIDTH / 2;
        double pb = -POLE_WIDTH / 2;
        double[] cornersX = {pl, pl, pr, pr};
        double[] cornersY = {pb, pt, pt, pb};
        double cos = Math.cos(-s[2]);
        double sin = Math.sin(-s[2]);
        double[] poleX = new double[4];
        double[] poleY = new double[4];
        for (int i = 0; i < 4; i++) {
            poleX[i] = cornersX[i] * cos - cornersY[i] * sin + cartX;
            poleY[i] = cornersX[i] * sin + cornersY[i] * cos + CART_Y + AXLE_OFFSET;
        }
        fillConvex(rgb, poleX, poleY, POLE_COLOUR);
        fillCircle(rgb, cartX, CART_Y + AXLE_OFFSET, POLE_WIDTH / 2, AXLE_COLOUR);

        int trackRow = HEIGHT - 1 - (int) CART_Y;
        Arrays.fill(rgb, trackRow * WIDTH, (trackRow + 1) * WIDTH, BLACK);
        return new Rendering.RgbFrame(WIDTH, HEIGHT, rgb);
    }

    /** Fills a convex polygon given in world coordinates (y up); a pixel is inside when its centre is. */
    private static void fillConvex(int[] rgb, double[] xs, double[] ys, int colour) {
        int minX = Math.max(0, (int) Math.floor(Arrays.stream(xs).min().orElseThrow()));
        int maxX = Math.min(WIDTH - 1, (int) Math.ceil(Arrays.stream(xs).max().orElseThrow()));
        int minY = Math.max(0, (int) Math.floor(Arrays.stream(ys).min().orElseThrow()));
        int maxY = Math.min(HEIGHT - 1, (int) Math.ceil(Arrays.stream(ys).max().orElseThrow()));
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                if (insideConvex(xs, ys, x + 0.5, y + 0.5)) {
                    rgb[(HEIGHT - 1 - y) * WIDTH + x] = colour;
                }
            }
        }
    }

    private static boolean insideConvex(double[] xs, double[] ys, double px, double py) {
        boolean anyPositive = false;
        boolean anyNegative = false;
        for (int i = 0; i < xs.length; i++) {
            int j = (i + 1) % xs.length;
            double cross = (xs[j] - xs[i]) * (py - ys[i]) - (ys[j] - ys[i]) * (px - xs[i]);
            anyPositive |= cross > 0;
            anyNegative |= cross < 0;
        }
        return !(anyPositive && anyNegative);
    }

    private static void fillCircle(int[] rgb, double cx, double cy, double radius, int colour) {
        int minX = Math.max(0, (int) Math.floor(cx - radius));
        int maxX = Math.min(WIDTH - 1, (int) Math.ceil(cx + radius));
        int minY = Math.max(0, (int) Math.floor(cy - radius));
        int maxY = Math.min(HEIGHT - 1, (int) Math.ceil(cy + radius));
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                if (dx * dx + dy * dy <= radius * radius) {
                    rgb[(HEIGHT - 1 - y) * WIDTH + x] = colour;
                }
            }
        }
    }
}
