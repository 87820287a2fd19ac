package org.latentlab.ui;

import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.jfree.chart.fx.ChartViewer;

/** What every screen's charts share: they shrink and grow with their grid cell and export from their menu. */
public final class ChartViewers {
    private ChartViewers() {
    }

    public static void prepare(ChartViewer... viewers) {
        for (ChartViewer v : viewers) {
            v.setMinSize(100, 100);
            GridPane.setHgrow(v, Priority.ALWAYS);
            GridPane.setVgrow(v, Priority.ALWAYS);
            ChartExport.install(v);
        }
    }
}
