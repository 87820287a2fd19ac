package org.latentlab.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.latentlab.plot.ChartFiles;

/**
 * "Export chart…" on every chart's context menu: PNG, SVG or PDF (by the file name's extension) at a chosen
 * size, written atomically. The size starts at the chart's size on screen.
 */
public final class ChartExport {
    private ChartExport() {
    }

    /** Adds the export item to the viewer's context menu. */
    public static void install(ChartViewer viewer) {
        MenuItem export = new MenuItem("Export chart (PNG, SVG, PDF)…");
        export.setOnAction(e -> export(viewer));
        ContextMenu menu = viewer.getContextMenu(); // the viewer's own menu (zoom, its PNG/JPEG export)
        if (menu != null) {
            menu.getItems().addAll(new SeparatorMenuItem(), export);
        }
    }

    private static void export(ChartViewer viewer) {
        JFreeChart chart = viewer.getChart();
        if (chart == null) {
            return;
        }
        int[] size = askSize((int) Math.max(400, viewer.getWidth()), (int) Math.max(300, viewer.getHeight()));
        if (size == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export chart");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG image", "*.png"),
                new FileChooser.ExtensionFilter("SVG (vector)", "*.svg"),
                new FileChooser.ExtensionFilter("PDF (vector)", "*.pdf"));
        String title = chart.getTitle() == null ? "chart" : chart.getTitle().getText();
        fc.setInitialFileName(title.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase() + ".png");
        File f = fc.showSaveDialog(viewer.getScene() == null ? null : viewer.getScene().getWindow());
        if (f == null) {
            return;
        }
        Path out = f.toPath();
        if (!out.getFileName().toString().matches("(?i).*\\.(png|svg|pdf)$")) {
            String ext = fc.getSelectedExtensionFilter() == null ? "*.png"
                    : fc.getSelectedExtensionFilter().getExtensions().get(0);
            out = out.resolveSibling(out.getFileName() + ext.substring(1));
        }
        try {
            save(viewer, out, size[0], size[1]);
        } catch (RuntimeException ex) {
            Alert a = new Alert(Alert.AlertType.ERROR, ex.getMessage());
            a.setHeaderText("Cannot export the chart");
            a.show();
        }
    }

    /** What the menu item does once the size and file are chosen: the viewer's chart to that file. */
    public static void save(ChartViewer viewer, Path out, int width, int height) {
        JFreeChart chart = viewer.getChart();
        if (chart == null) {
            throw new IllegalStateException("the chart is empty");
        }
        ChartFiles.save(chart, out, width, height);
    }

    private static int[] askSize(int width, int height) {
        Dialog<int[]> d = new Dialog<>();
        d.setTitle("Export chart");
        d.setHeaderText("Size in pixels (points for PDF)");
        Spinner<Integer> w = new Spinner<>(100, 10_000, width, 50);
        Spinner<Integer> h = new Spinner<>(100, 10_000, height, 50);
        w.setEditable(true);
        h.setEditable(true);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label("width"), w);
        g.addRow(1, new Label("height"), h);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? new int[] {w.getValue(), h.getValue()} : null);
        return d.showAndWait().orElse(null);
    }
}
