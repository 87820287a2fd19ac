package org.latentlab.plot;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.latentlab.core.data.AtomicFiles;

/** Saves charts to image files atomically. */
public final class ChartFiles {
    private ChartFiles() {
    }

    public static void png(JFreeChart chart, Path out, int width, int height) {
        AtomicFiles.write(out, tmp -> {
            try {
                ChartUtils.saveChartAsPNG(tmp.toFile(), chart, width, height);
            } catch (IOException e) {
                throw e;
            }
        });
    }
}
