package org.latentlab.ui.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.core.pbt.Generation;
import org.latentlab.core.pbt.PbtRow;
import org.latentlab.plot.Charts;

/** The Run screen's charts: per-member curves, hyperparameter trajectories and the exploit family tree. */
final class RunCharts {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private RunCharts() {
    }

    /** One line per member against epochs; the best member drawn thick and dark, the others light. */
    static JFreeChart curves(RunCurves c, int best, String title, String yLabel, ToDoubleFunction<RunCurves.Point> y) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int m = 0; m < c.members(); m++) {
            XYSeries s = new XYSeries("member " + m, false, true);
            for (RunCurves.Point p : c.points(m)) {
                double v = y.applyAsDouble(p);
                s.add(p.epoch(), Double.isFinite(v) ? v : Double.NaN);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", yLabel, data, PlotOrientation.VERTICAL,
                false, false, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int m = 0; m < c.members(); m++) {
            Color col = Charts.PALETTE.get(m % Charts.PALETTE.size());
            boolean isBest = m == best;
            r.setSeriesPaint(m, isBest ? col.darker() : new Color(col.getRed(), col.getGreen(), col.getBlue(), 120));
            r.setSeriesStroke(m, new BasicStroke(isBest ? 3f : 1.2f));
        }
        chart.getXYPlot().setRenderer(r);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        if (yLabel.contains("R²")) {
            Charts.floorR2Axis(chart);
        }
        return styled(chart);
    }

    /**
     * Each member's value of hyperparameter column {@code h} after every generation boundary (after explore), as steps; a log axis
     * when every value is positive and they span more than a factor of ten.
     */
    static JFreeChart trajectories(List<Generation> gens, String h, int members) {
        XYSeriesCollection data = new XYSeriesCollection();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        XYSeries[] series = new XYSeries[members];
        for (int m = 0; m < members; m++) {
            series[m] = new XYSeries("member " + m, false, true);
            data.addSeries(series[m]);
        }
        for (Generation g : gens) {
            double[] values = g.valuesAfter(h, members);
            for (int m = 0; m < members; m++) {
                if (!Double.isNaN(values[m])) {
                    series[m].add(g.epoch(), values[m]);
                    min = Math.min(min, values[m]);
                    max = Math.max(max, values[m]);
                }
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(h + " per member", "epoch", h, data,
                PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        XYStepRenderer r = new XYStepRenderer();
        for (int m = 0; m < members; m++) {
            r.setSeriesPaint(m, Charts.PALETTE.get(m % Charts.PALETTE.size()));
            r.setSeriesStroke(m, new BasicStroke(1.4f));
        }
        plot.setRenderer(r);
        if (min > 0 && max / min > 10) {
            LogAxis log = new LogAxis(h);
            log.setSmallestValue(min / 2);
            plot.setRangeAxis(log);
        } else {
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        }
        return styled(chart);
    }

    /**
     * The family tree: members on the y axis, generation boundaries on x; a grey segment where a member kept
     * its own weights into the next generation, a red one from the member it copied.
     */
    static JFreeChart familyTree(List<Generation> gens, int members) {
        XYSeries kept = new XYSeries("kept", false, true);
        XYSeries copied = new XYSeries("copied a better member", false, true);
        for (Generation g : gens) {
            for (PbtRow row : g.rows()) {
                XYSeries s = switch (row.action()) {
                    case "keep" -> kept;
                    case "exploit", "replace" -> copied;
                    default -> null;
                };
                if (s != null) {
                    s.add(g.generation(), row.parent());
                    s.add(g.generation() + 1, row.member());
                    s.add(g.generation() + 1, Double.NaN); // a break: segments are not joined
                }
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(kept);
        data.addSeries(copied);
        JFreeChart chart = ChartFactory.createXYLineChart("Family tree (exploits)", "generation", "member", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, new Color(0xBAB0AC));
        r.setSeriesPaint(1, Charts.PALETTE.get(2));
        r.setSeriesStroke(1, new BasicStroke(2f));
        chart.getXYPlot().setRenderer(r);
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setRange(-0.5, Math.max(1, members) - 0.5);
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return styled(chart);
    }

    private static JFreeChart styled(JFreeChart chart) {
        Charts.style(chart);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        return chart;
    }
}
