package org.latentlab.ui.inspect;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.plot.Charts;

/** The Inspect screen's charts, built from {@link InspectSeries}' arrays with the shared {@link Charts}. */
public final class InspectCharts {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            1f, new float[] {6f, 4f}, 0f);

    private InspectCharts() {
    }

    /** Spike counts as grey bars (right axis) under the inferred rate (solid) and the true rate (dashed). */
    public static JFreeChart rates(InspectSeries.Rates r, String title) {
        List<String> names = new ArrayList<>(List.of("inferred rate"));
        double[][] y = r.truth() == null ? new double[][] {r.inferred()} : new double[][] {r.inferred(), r.truth()};
        if (r.truth() != null) {
            names.add("true rate");
        }
        JFreeChart chart = Charts.lines(title, r.xLabel(), r.unit(), r.x(), y, names);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) plot.getRenderer();
        lines.setSeriesPaint(0, Charts.PALETTE.get(0));
        lines.setSeriesStroke(0, new BasicStroke(2f));
        if (r.truth() != null) {
            lines.setSeriesPaint(1, Color.BLACK);
            lines.setSeriesStroke(1, DASHED);
        }
        XYSeries spikes = new XYSeries("observed spikes", false, true);
        for (int t = 0; t < r.x().length; t++) {
            spikes.add(r.x()[t], r.counts()[t]);
        }
        NumberAxis countAxis = new NumberAxis("spikes per bin");
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        double max = 0;
        for (double c : r.counts()) {
            max = Math.max(max, c);
        }
        // Counts sit in the lower part of the plot so the rate lines stay readable above them.
        countAxis.setRange(0, Math.max(1, max) * 2.2);
        plot.setRangeAxis(1, countAxis);
        plot.setDataset(1, new XYSeriesCollection(spikes));
        plot.mapDatasetToRangeAxis(1, 1);
        XYBarRenderer bars = new XYBarRenderer(0.1);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0xBAB0AC));
        plot.setRenderer(1, bars);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        title(chart);
        return chart;
    }

    public static JFreeChart factors(InspectSeries.Lines f, String title) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < f.y().length; k++) {
            names.add("factor " + k);
        }
        return title(Charts.lines(title, f.xLabel(), "factor", f.x(), f.y(), names));
    }

    /** Inferred inputs solid in palette colours; true inputs dashed in black. */
    public static JFreeChart inputs(InspectSeries.Inputs in, String title) {
        return solidAndDashed(in, title, "input", "inferred ", "true ");
    }

    /** Predicted behaviour solid in palette colours; recorded behaviour dashed in black. */
    public static JFreeChart behavior(InspectSeries.Inputs in, String title) {
        return solidAndDashed(in, title, "behaviour", "predicted ", "recorded ");
    }

    private static JFreeChart solidAndDashed(InspectSeries.Inputs in, String title, String yLabel, String solid,
                                             String dashed) {
        int co = in.inferred().length;
        int u = in.truth() == null ? 0 : in.truth().length;
        double[][] y = new double[co + u][];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < co; k++) {
            y[k] = in.inferred()[k];
            names.add(solid + k);
        }
        for (int k = 0; k < u; k++) {
            y[co + k] = in.truth()[k];
            names.add(dashed + k);
        }
        JFreeChart chart = Charts.lines(title, in.xLabel(), yLabel, in.x(), y, names);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        for (int k = 0; k < u; k++) {
            r.setSeriesPaint(co + k, Color.BLACK);
            r.setSeriesStroke(co + k, DASHED);
        }
        return title(chart);
    }

    public static JFreeChart trajectories(InspectSeries.Trajectories p, String title, boolean threeD) {
        return title(Charts.trajectories(title, threeD ? "rotated PC1-PC3 (horizontal)" : "PC1",
                threeD ? "rotated PC1-PC3 (vertical)" : "PC2", p.xs(), p.ys(), p.condition()));
    }

    /** "PC1 41%, PC2 23% of variance" (and PC3 with {@code threeD}). */
    public static String varianceText(InspectSeries.Trajectories p, boolean threeD) {
        return String.format(java.util.Locale.ROOT, "PC1 %.0f%%", 100 * p.pc1())
                + (Double.isNaN(p.pc2()) ? "" : String.format(java.util.Locale.ROOT, ", PC2 %.0f%%", 100 * p.pc2()))
                + (!threeD || Double.isNaN(p.pc3()) ? "" : String.format(java.util.Locale.ROOT, ", PC3 %.0f%%", 100 * p.pc3()))
                + " of variance";
    }

    private static JFreeChart title(JFreeChart chart) {
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        return chart;
    }
}
