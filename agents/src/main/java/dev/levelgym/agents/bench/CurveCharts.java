package dev.levelgym.agents.bench;

import dev.levelgym.agents.bench.RunFiles.EpisodePoint;
import dev.levelgym.agents.bench.RunFiles.EvalPoint;
import dev.levelgym.envs.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Learning-curve PNGs, drawn with XChart off-screen. */
public final class CurveCharts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    private static final int MOVING_AVERAGE = 50;
    private static final java.awt.Color[] PALETTE = {
        new java.awt.Color(0x1f77b4), new java.awt.Color(0xff7f0e), new java.awt.Color(0x2ca02c),
        new java.awt.Color(0xd62728), new java.awt.Color(0x9467bd), new java.awt.Color(0x8c564b)};

    private CurveCharts() {
    }

    /**
     * One training run: each episode's return (thin), its moving average over {@value #MOVING_AVERAGE} episodes,
     * and the evaluation mean (greedy or sampled, as {@code policy} says) with ±std error bars.
     */
    public static void learningCurve(String title, List<EpisodePoint> episodes, List<EvalPoint> evals,
                                     EvalPolicy policy, OptionalDouble threshold, Path png) throws IOException {
        XYChart chart = newChart(title);
        if (!episodes.isEmpty()) {
            double[] x = episodes.stream().mapToDouble(EpisodePoint::globalStep).toArray();
            double[] y = episodes.stream().mapToDouble(EpisodePoint::episodeReturn).toArray();
            XYSeries raw = chart.addSeries("training episode return", x, y);
            raw.setMarker(SeriesMarkers.NONE);
            raw.setLineWidth(0.5f);
            raw.setLineColor(new java.awt.Color(0xbbbbbb));
            double[] avg = new double[y.length];
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += y[i] - (i >= MOVING_AVERAGE ? y[i - MOVING_AVERAGE] : 0);
                avg[i] = sum / Math.min(i + 1, MOVING_AVERAGE);
            }
            chart.addSeries("moving average (" + MOVING_AVERAGE + " episodes)", x, avg).setMarker(SeriesMarkers.NONE);
        }
        if (!evals.isEmpty()) {
            chart.addSeries(policy.adjective() + " evaluation (mean ± std)",
                    evals.stream().mapToDouble(EvalPoint::globalStep).toArray(),
                    evals.stream().mapToDouble(p -> p.result().mean()).toArray(),
                    evals.stream().mapToDouble(p -> p.result().std()).toArray());
        }
        addThreshold(chart, threshold, episodes.isEmpty() ? 0 : episodes.get(episodes.size() - 1).globalStep(),
                evals);
        save(chart, png);
    }

    /** A benchmark: per agent, the mean over seeds of the evaluation mean, with the min–max over seeds. */
    static void benchCurves(BenchSummary summary, Path png) throws IOException {
        XYChart chart = newChart(summary.settings().envId() + ": " + summary.settings().evalPolicy().adjective()
                + " evaluation return, mean over "
                + summary.settings().seeds() + " seeds (band: min–max)");
        long lastStep = 0;
        int colorIndex = 0;
        for (String agent : summary.agents().keySet()) {
            List<CellResult> cells = summary.cells().stream().filter(c -> c.agent().equals(agent)).toList();
            int points = cells.stream().mapToInt(c -> c.evals().size()).min().orElse(0);
            if (points == 0) {
                continue;
            }
            double[] x = new double[points];
            double[] mean = new double[points];
            double[] lo = new double[points];
            double[] hi = new double[points];
            for (int i = 0; i < points; i++) {
                x[i] = cells.get(0).evals().get(i).globalStep();
                lo[i] = Double.POSITIVE_INFINITY;
                hi[i] = Double.NEGATIVE_INFINITY;
                for (CellResult c : cells) {
                    double v = c.evals().get(i).result().mean();
                    mean[i] += v / cells.size();
                    lo[i] = Math.min(lo[i], v);
                    hi[i] = Math.max(hi[i], v);
                }
            }
            lastStep = Math.max(lastStep, (long) x[points - 1]);
            // Asymmetric bands are not in XChart's error bars, so the range is drawn as two thin lines.
            java.awt.Color color = PALETTE[colorIndex++ % PALETTE.length];
            XYSeries line = chart.addSeries(agent, x, mean);
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setLineColor(color);
            line.setMarkerColor(color);
            XYSeries min = chart.addSeries(agent + " min", x, lo);
            XYSeries max = chart.addSeries(agent + " max", x, hi);
            for (XYSeries band : List.of(min, max)) {
                band.setMarker(SeriesMarkers.NONE);
                band.setLineWidth(0.6f);
                band.setShowInLegend(false);
                band.setLineColor(color);
            }
        }
        addThreshold(chart, summary.rewardThreshold(), lastStep, List.of());
        save(chart, png);
    }

    /**
     * Procgen's result, per agent: the final win rate on the training levels beside the held-out levels (and the
     * benchmark's level files), the bar the mean over seeds and the whisker their population standard deviation.
     */
    static void generalization(BenchSummary summary, Path png) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(summary.settings().envId() + ": win rate after training, mean over "
                        + summary.settings().seeds() + " seeds (whiskers: sd)")
                .xAxisTitle("agent").yAxisTitle("win rate").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        List<String> agents = List.copyOf(summary.agents().keySet());
        addBars(chart, "training levels", agents, summary, c -> c.finalEval());
        if (summary.heldOutOptions() != null) {
            addBars(chart, "held-out levels", agents, summary, CellResult::heldOut);
        }
        if (summary.settings().testLevels() != null) {
            addBars(chart, "level files", agents, summary, CellResult::testLevels);
        }
        save(chart, png);
    }

    private static void addBars(CategoryChart chart, String name, List<String> agents, BenchSummary summary,
                                java.util.function.Function<CellResult, EvalResult> result) {
        List<Double> means = new java.util.ArrayList<>();
        List<Double> deviations = new java.util.ArrayList<>();
        for (String agent : agents) {
            double[] rates = summary.cells().stream().filter(c -> c.agent().equals(agent))
                    .map(result).filter(java.util.Objects::nonNull).mapToDouble(EvalResult::winRate)
                    .filter(v -> !Double.isNaN(v)).toArray();
            double mean = java.util.Arrays.stream(rates).average().orElse(0);
            double variance = java.util.Arrays.stream(rates).map(v -> (v - mean) * (v - mean)).average().orElse(0);
            means.add(mean);
            deviations.add(Math.sqrt(variance));
        }
        chart.addSeries(name, agents, means, deviations);
    }

    private static XYChart newChart(String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("environment steps").yAxisTitle("return").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        return chart;
    }

    private static void addThreshold(XYChart chart, OptionalDouble threshold, long lastStep, List<EvalPoint> evals) {
        long end = Math.max(lastStep, evals.isEmpty() ? 0 : evals.get(evals.size() - 1).globalStep());
        if (threshold.isPresent() && end > 0) {
            double t = threshold.getAsDouble();
            XYSeries line = chart.addSeries("solved threshold", new double[] {0, end}, new double[] {t, t});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(java.awt.Color.GRAY);
            line.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        }
    }

    private static void save(XYChart chart, Path png) throws IOException {
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no data", new double[] {0}, new double[] {0});
        }
        write(chart, png);
    }

    private static void save(CategoryChart chart, Path png) throws IOException {
        write(chart, png);
    }

    private static void write(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path png) throws IOException {
        AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
