package org.latentlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart builders shared by the command line and the workbench (JFreeChart, no JavaFX, no DJL).
 * Inputs are plain arrays so the same charts draw data, model outputs and truth.
 */
public final class Charts {
    /** A qualitative palette readable on white (Tableau 10). */
    public static final List<Color> PALETTE = List.of(new Color(0x4E79A7), new Color(0xF28E2B),
            new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948),
            new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC));

    private Charts() {
    }

    /** One line per row of {@code y} against a shared x axis. */
    public static JFreeChart lines(String title, String xLabel, String yLabel, double[] x, double[][] y,
                                   List<String> names) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int s = 0; s < y.length; s++) {
            XYSeries series = new XYSeries(names.isEmpty() ? "series " + s : names.get(s), false, true);
            for (int i = 0; i < x.length; i++) {
                series.add(x[i], y[s][i]);
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                !names.isEmpty() && y.length <= 12, false, false);
        style(chart);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < y.length; s++) {
            r.setSeriesPaint(s, PALETTE.get(s % PALETTE.size()));
            r.setSeriesStroke(s, new BasicStroke(1.6f));
        }
        chart.getXYPlot().setRenderer(r);
        return chart;
    }

    /**
     * Truth against prediction: channel k's true series solid and its predicted series dashed, in the same
     * colour, so each pair reads at a glance.
     */
    public static JFreeChart truthAndPrediction(String title, String xLabel, String yLabel, double[] x,
                                                double[][] truth, double[][] pred) {
        double[][] y = new double[2 * truth.length][];
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < truth.length; k++) {
            y[2 * k] = truth[k];
            y[2 * k + 1] = pred[k];
            names.add("channel " + k + " true");
            names.add("channel " + k + " inferred");
        }
        JFreeChart chart = lines(title, xLabel, yLabel, x, y, names);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        for (int k = 0; k < truth.length; k++) {
            Color c = PALETTE.get(k % PALETTE.size());
            r.setSeriesPaint(2 * k, c);
            r.setSeriesPaint(2 * k + 1, c);
            r.setSeriesStroke(2 * k + 1, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {6f, 4f}, 0f));
        }
        return chart;
    }

    /** A 2-D trajectory per row pair: {@code xs[k]} against {@code ys[k]}, coloured by {@code group[k]}. */
    public static JFreeChart trajectories(String title, String xLabel, String yLabel, double[][] xs, double[][] ys,
                                          int[] group) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int k = 0; k < xs.length; k++) {
            XYSeries series = new XYSeries("trajectory " + k, false, true);
            for (int i = 0; i < xs[k].length; i++) {
                series.add(xs[k][i], ys[k][i]);
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                false, false, false);
        style(chart);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < xs.length; k++) {
            Color c = PALETTE.get(Math.floorMod(group[k], PALETTE.size()));
            r.setSeriesPaint(k, new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
            r.setSeriesStroke(k, new BasicStroke(1.2f));
        }
        chart.getXYPlot().setRenderer(r);
        return chart;
    }

    /**
     * A spike raster: a tick at (time, channel) for each bin with a count, larger for larger counts.
     *
     * @param counts {@code [time][channels]}
     */
    public static JFreeChart raster(String title, double binMs, float[][] counts) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries one = new XYSeries("1 spike", false, true);
        XYSeries more = new XYSeries("2+ spikes", false, true);
        for (int t = 0; t < counts.length; t++) {
            for (int c = 0; c < counts[t].length; c++) {
                float v = counts[t][c];
                if (v >= 2) {
                    more.add((t + 0.5) * binMs, c);
                } else if (v >= 1) {
                    one.add((t + 0.5) * binMs, c);
                }
            }
        }
        data.addSeries(one);
        data.addSeries(more);
        JFreeChart chart = ChartFactory.createScatterPlot(title, "time (ms)", "channel", data,
                PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesShape(0, new Rectangle2D.Double(-0.8, -2.5, 1.6, 5));
        r.setSeriesShape(1, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        r.setSeriesPaint(0, Color.DARK_GRAY);
        r.setSeriesPaint(1, PALETTE.get(2));
        plot.setRenderer(r);
        return chart;
    }

    /**
     * Stops an R² axis at -1 when some value falls below it: one member whose rates blow up for an epoch
     * (R² of -10⁷) would otherwise squash every other curve flat. Points below are drawn off the chart.
     */
    public static void floorR2Axis(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        org.jfree.data.Range r = org.jfree.data.general.DatasetUtils.findRangeBounds(plot.getDataset(), false);
        if (r != null && r.getLowerBound() < -1) {
            plot.getRangeAxis().setRange(-1, Math.max(1, r.getUpperBound()));
        }
    }

    /** White background, light grid, no outline: the look every chart shares. */
    public static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
    }
}
