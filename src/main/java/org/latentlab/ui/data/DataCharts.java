package org.latentlab.ui.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.plot.Charts;

/**
 * The Data screen's charts, built from {@link DataStats}' numbers. The raster and PSTH put bins at their
 * centres on the session's time axis (time from the alignment event for NWB imports), so the two line up.
 */
public final class DataCharts {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Color MARKER = new Color(0x888888);

    private DataCharts() {
    }

    /** Ticks at (time, channel) for bins with spikes, larger for 2+; lines mark held-out channels and forward bins. */
    public static JFreeChart raster(DataSelection.Raster r, String title) {
        XYSeries one = new XYSeries("1 spike", false, true);
        XYSeries more = new XYSeries("2+ spikes", false, true);
        float[][] counts = r.counts();
        for (int t = 0; t < counts.length; t++) {
            for (int c = 0; c < counts[t].length; c++) {
                if (counts[t][c] >= 2) {
                    more.add(r.axis().at(t), c);
                } else if (counts[t][c] >= 1) {
                    one.add(r.axis().at(t), c);
                }
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(one);
        data.addSeries(more);
        JFreeChart chart = ChartFactory.createScatterPlot(title, r.axis().label(), "channel", data,
                PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Rectangle2D.Double(-0.8, -2.5, 1.6, 5));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesPaint(0, Color.DARK_GRAY);
        renderer.setSeriesPaint(1, Charts.PALETTE.get(2));
        plot.setRenderer(renderer);
        int channels = counts.length == 0 ? 0 : counts[0].length;
        plot.getRangeAxis().setRange(-0.5, Math.max(0.5, channels - 0.5));
        plot.getDomainAxis().setRange(r.axis().edge(0), r.axis().edge(counts.length));
        if (r.heldInChannels() < channels) {
            plot.addRangeMarker(marker(r.heldInChannels() - 0.5, "held-out ↑", true));
        }
        if (r.encodBins() < counts.length) {
            plot.addDomainMarker(marker(r.axis().edge(r.encodBins()), "forward →", false));
        }
        return chart;
    }

    /** One line per condition; a legend only while it stays readable (ten lines or fewer). */
    public static JFreeChart psth(DataStats.Psth p, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (DataStats.PsthLine line : p.lines()) {
            XYSeries s = new XYSeries(line.label(), false, true);
            for (int t = 0; t < p.x().length; t++) {
                s.add(p.x()[t], Double.isNaN(line.values()[t]) ? null : line.values()[t]);
            }
            data.addSeries(s);
        }
        int n = p.lines().size();
        JFreeChart chart = ChartFactory.createXYLineChart(title, p.axis().label(), "rate (" + p.unit() + ")", data,
                PlotOrientation.VERTICAL, n <= 10, false, false);
        style(chart);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < n; k++) {
            renderer.setSeriesPaint(k, colour(k, n));
            renderer.setSeriesStroke(k, new BasicStroke(1.4f));
        }
        chart.getXYPlot().setRenderer(renderer);
        return chart;
    }

    /** Counts of channels by mean rate. */
    public static JFreeChart rateHistogram(double[] rates, String unit) {
        double[] finite = Arrays.stream(rates).filter(Double::isFinite).toArray();
        HistogramDataset data = new HistogramDataset();
        if (finite.length > 0) {
            // Rice's rule: enough bins to show the shape of a few dozen to a few hundred channels.
            int bins = Math.max(8, (int) Math.ceil(2 * Math.cbrt(finite.length)));
            double lo = Arrays.stream(finite).min().orElse(0);
            double hi = Arrays.stream(finite).max().orElse(1);
            data.addSeries("channels", finite, bins, lo, hi > lo ? hi : lo + 1);
        }
        JFreeChart chart = ChartFactory.createHistogram("Mean rate per channel (" + finite.length + " channels)",
                "mean rate (" + unit + ")", "channels", data, PlotOrientation.VERTICAL, false, false, false);
        style(chart);
        XYBarRenderer renderer = (XYBarRenderer) chart.getXYPlot().getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, Charts.PALETTE.get(0));
        renderer.setDrawBarOutline(true);
        renderer.setSeriesOutlinePaint(0, Color.WHITE);
        return chart;
    }

    /** Tableau 10 for up to ten lines; evenly spaced hues beyond, so twenty conditions stay distinguishable. */
    static Color colour(int k, int n) {
        if (n <= Charts.PALETTE.size()) {
            return Charts.PALETTE.get(k);
        }
        return Color.getHSBColor((float) k / n, 0.65f, k % 2 == 0 ? 0.80f : 0.60f);
    }

    private static ValueMarker marker(double at, String label, boolean horizontal) {
        ValueMarker m = new ValueMarker(at, MARKER, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                1f, new float[] {4f, 3f}, 0f));
        m.setLabel(label);
        m.setLabelPaint(MARKER.darker());
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        // Range markers are horizontal: the label sits just above the line at its left end.
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(horizontal ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
        return m;
    }

    /**
     * Backgrounds are left transparent (the view behind the chart is white): FXGraphics2D 2.1.5 skips a
     * {@code setPaint} equal to the last paint of the previous redraw although the canvas has reset its fill
     * to black, so a white chart background painted first after a redraw comes out black. The title, drawn
     * first instead, is black and so immune.
     */
    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(null);
        chart.getTitle().setFont(TITLE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(null);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
    }
}
