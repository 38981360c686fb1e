package dev.levelgym.generators.export;

import dev.levelgym.generators.ExpressiveRange;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Draws {@link ExpressiveRange} panels as heatmaps (plain Java2D, no window): one row per pair of measures, the
 * generated set on the left and the reference set on the right, over the same bins. A bin's shade is its share of
 * its set, scaled by the highest share in either heatmap of the row, so the two sides compare directly; levels
 * without a value (unplayable ones, for a solution length) are counted in the heading, not drawn.
 */
public final class ExpressiveRangePlot {

    private static final int CELL = 22;
    private static final int LEFT = 64;
    private static final int GAP = 70;
    private static final int TOP = 64;
    private static final int BOTTOM = 46;
    private static final int RIGHT = 24;
    private static final Color LOW = Color.WHITE;
    private static final Color HIGH = new Color(8, 48, 107);

    private ExpressiveRangePlot() {
    }

    /** The picture of {@code panels} under {@code title}, the sets named {@code generated} and {@code reference}. */
    public static BufferedImage draw(String title, List<ExpressiveRange.Panel> panels, String generated,
                                     String reference) {
        int width = 0;
        int height = 30;
        for (ExpressiveRange.Panel p : panels) {
            int w = p.generated().counts()[0].length * CELL;
            width = Math.max(width, LEFT + 2 * w + GAP + RIGHT);
            height += TOP + p.generated().counts().length * CELL + BOTTOM;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, 10, 20);
            int top = 30;
            for (ExpressiveRange.Panel p : panels) {
                double scale = Math.max(p.generated().maxShare(), p.reference().maxShare());
                int w = p.generated().counts()[0].length * CELL;
                heatmap(g, p, p.generated(), generated, LEFT, top, scale);
                heatmap(g, p, p.reference(), reference, LEFT + w + GAP, top, scale);
                top += TOP + p.generated().counts().length * CELL + BOTTOM;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void heatmap(Graphics2D g, ExpressiveRange.Panel p, ExpressiveRange.Histogram h, String name,
                                int left, int top, double scale) {
        long[][] counts = h.counts();
        int rows = counts.length;
        int columns = counts[0].length;
        int y0 = top + TOP;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawString(name + ": " + h.levels() + " levels", left, top + 22);
        if (h.unmeasured() > 0) {
            g.drawString(h.unmeasured() + " without a value (not drawn)", left, top + 38);
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double share = h.levels() == 0 || scale == 0 ? 0 : (double) counts[r][c] / h.levels() / scale;
                g.setColor(mix(share));
                // Row 0 is the lowest bin: drawn at the bottom, as a y axis grows upward.
                g.fillRect(left + c * CELL, y0 + (rows - 1 - r) * CELL, CELL, CELL);
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(left, y0, columns * CELL, rows * CELL);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        FontMetrics fm = g.getFontMetrics();
        ExpressiveRange.Axis<?> x = p.axes().x();
        ExpressiveRange.Axis<?> y = p.axes().y();
        String xMin = number(x.min());
        String xMax = number(x.max());
        g.drawString(xMin, left, y0 + rows * CELL + 12);
        g.drawString(xMax, left + columns * CELL - fm.stringWidth(xMax), y0 + rows * CELL + 12);
        g.drawString(x.name(), left + (columns * CELL - fm.stringWidth(x.name())) / 2, y0 + rows * CELL + 26);
        String yMin = number(y.min());
        String yMax = number(y.max());
        g.drawString(yMin, left - 4 - fm.stringWidth(yMin), y0 + rows * CELL);
        g.drawString(yMax, left - 4 - fm.stringWidth(yMax), y0 + 10);
        Graphics2D rotated = (Graphics2D) g.create();
        try {
            rotated.translate(left - 14, y0 + (rows * CELL + fm.stringWidth(y.name())) / 2);
            rotated.rotate(-Math.PI / 2);
            rotated.drawString(y.name(), 0, 0);
        } finally {
            rotated.dispose();
        }
    }

    private static Color mix(double t) {
        double s = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(LOW.getRed() + s * (HIGH.getRed() - LOW.getRed())),
                (int) Math.round(LOW.getGreen() + s * (HIGH.getGreen() - LOW.getGreen())),
                (int) Math.round(LOW.getBlue() + s * (HIGH.getBlue() - LOW.getBlue())));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
