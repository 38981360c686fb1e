package dev.levelgym.envs.cartpole;

import dev.levelgym.envs.render.Rendering;
import java.util.Arrays;
import java.util.Locale;

/** Draws a CartPole state: a one-line text gauge, or a 600×400 frame laid out like Gymnasium's. */
final class CartPoleDrawing {

    static final int WIDTH = 600;
    static final int HEIGHT = 400;
    private static final int BACKGROUND = 0xFFFFFF;
    private static final int CART = 0x000000;
    private static final int POLE = 0xCA9865;
    private static final int AXLE = 0x8184CB;
    private static final int TRACK = 0x000000;

    private CartPoleDrawing() {
    }

    static String text(double[] s) {
        int cells = 41;
        int cart = (int) Math.round((s[0] + CartPole.X_THRESHOLD) / (2 * CartPole.X_THRESHOLD) * (cells - 1));
        char[] track = new char[cells];
        Arrays.fill(track, '-');
        String pole = s[2] > 0.02 ? "/" : s[2] < -0.02 ? "\\" : "|";
        String line = new String(track);
        if (cart >= 0 && cart < cells) {
            line = line.substring(0, cart) + pole + line.substring(cart + 1);
        }
        return String.format(Locale.ROOT, "[%s] x=% .4f x_dot=% .4f theta=% .4f theta_dot=% .4f",
                line, s[0], s[1], s[2], s[3]);
    }

    static Rendering.RgbFrame frame(double[] s) {
        int[] rgb = new int[WIDTH * HEIGHT];
        Arrays.fill(rgb, BACKGROUND);
        double scale = WIDTH / (CartPole.X_THRESHOLD * 2);
        double poleLength = scale * (2 * CartPole.LENGTH);
        double cartX = s[0] * scale + WIDTH / 2.0;
        // Gymnasium draws with y up and flips at the end; here y grows downward, so its cart line y=100 is 300.
        double cartY = HEIGHT - 100;
        fillRect(rgb, 0, (int) cartY, WIDTH, 1, TRACK);
        fillRect(rgb, (int) Math.round(cartX - 25), (int) Math.round(cartY - 15), 50, 30, CART);
        double axleY = cartY - 30 / 4.0;
        double angle = s[2];
        double ux = Math.sin(angle);
        double uy = -Math.cos(angle);
        double half = 5;
        fillQuad(rgb,
                cartX - half * uy, axleY + half * ux,
                cartX + half * uy, axleY - half * ux,
                cartX + half * uy + poleLength * ux, axleY - half * ux + poleLength * uy,
                cartX - half * uy + poleLength * ux, axleY + half * ux + poleLength * uy,
                POLE);
        fillCircle(rgb, cartX, axleY, half, AXLE);
        return new Rendering.RgbFrame(WIDTH, HEIGHT, rgb);
    }

    private static void fillRect(int[] rgb, int x0, int y0, int w, int h, int color) {
        for (int y = Math.max(0, y0); y < Math.min(HEIGHT, y0 + h); y++) {
            for (int x = Math.max(0, x0); x < Math.min(WIDTH, x0 + w); x++) {
                rgb[y * WIDTH + x] = color;
            }
        }
    }

    /** Fills a convex quadrilateral given in order around its edge. */
    private static void fillQuad(int[] rgb, double ax, double ay, double bx, double by,
                                 double cx, double cy, double dx, double dy, int color) {
        double[] xs = {ax, bx, cx, dx};
        double[] ys = {ay, by, cy, dy};
        int minX = (int) Math.floor(Math.min(Math.min(ax, bx), Math.min(cx, dx)));
        int maxX = (int) Math.ceil(Math.max(Math.max(ax, bx), Math.max(cx, dx)));
        int minY = (int) Math.floor(Math.min(Math.min(ay, by), Math.min(cy, dy)));
        int maxY = (int) Math.ceil(Math.max(Math.max(ay, by), Math.max(cy, dy)));
        for (int y = Math.max(0, minY); y <= Math.min(HEIGHT - 1, maxY); y++) {
            for (int x = Math.max(0, minX); x <= Math.min(WIDTH - 1, maxX); x++) {
                if (insideConvex(xs, ys, x + 0.5, y + 0.5)) {
                    rgb[y * WIDTH + x] = color;
                }
            }
        }
    }

    private static boolean insideConvex(double[] xs, double[] ys, double px, double py) {
        boolean positive = false;
        boolean negative = false;
        for (int i = 0; i < xs.length; i++) {
            int j = (i + 1) % xs.length;
            double cross = (xs[j] - xs[i]) * (py - ys[i]) - (ys[j] - ys[i]) * (px - xs[i]);
            positive |= cross > 0;
            negative |= cross < 0;
        }
        return !(positive && negative);
    }

    private static void fillCircle(int[] rgb, double cx, double cy, double r, int color) {
        for (int y = (int) Math.floor(cy - r); y <= (int) Math.ceil(cy + r); y++) {
            for (int x = (int) Math.floor(cx - r); x <= (int) Math.ceil(cx + r); x++) {
                double ddx = x + 0.5 - cx;
                double ddy = y + 0.5 - cy;
                if (x >= 0 && x < WIDTH && y >= 0 && y < HEIGHT && ddx * ddx + ddy * ddy <= r * r) {
                    rgb[y * WIDTH + x] = color;
                }
            }
        }
    }
}
