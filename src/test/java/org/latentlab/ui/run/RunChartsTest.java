package org.latentlab.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.latentlab.core.train.EpochMetrics;

/** The Run screen's curves keep a readable axis when one member's R² collapses for an epoch. */
class RunChartsTest {
    private static EpochMetrics epoch(int e, double r2) {
        double n = Double.NaN;
        return new EpochMetrics(e, 1, n, n, n, n, 1, 1, n, n, 0.4, n, n, n, r2, 1e-3, n, 1);
    }

    @Test
    void anR2FarBelowZeroDoesNotFlattenTheOtherCurves() {
        RunCurves c = new RunCurves();
        for (int e = 0; e < 5; e++) {
            c.add(0, epoch(e, 0.5 + 0.05 * e));
            c.add(1, epoch(e, e == 2 ? -1.5e7 : 0.4 + 0.05 * e));
        }
        JFreeChart chart = RunCharts.curves(c, 0, "valid rate R²", c.scoreName(), RunCurves.Point::score);
        assertEquals(-1, chart.getXYPlot().getRangeAxis().getLowerBound());
        assertTrue(chart.getXYPlot().getRangeAxis().getUpperBound() >= 0.7);
        // Other metrics keep their automatic range.
        RunCurves loss = new RunCurves();
        loss.add(0, epoch(0, 0.5));
        JFreeChart l = RunCharts.curves(loss, 0, "Validation recon", "valid_recon_smth", RunCurves.Point::validSmooth);
        assertTrue(l.getXYPlot().getRangeAxis().getLowerBound() > -1);
    }
}
