package org.latentlab.ui.evaluate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.plot.Charts;
import org.latentlab.ui.ChartExport;
import org.latentlab.ui.Forms;

/**
 * The Evaluate screen: the scores of every run opened in this session side by side, and the predicted
 * against true rates of the run shown in Inspect.
 */
public final class EvaluateView extends BorderPane {
    private final EvaluateViewModel vm;
    private final TableView<EvaluateViewModel.Row> table = new TableView<>();
    private final ChartViewer scatter = new ChartViewer(Charts.lines("Predicted vs true rates", "true", "predicted",
            new double[0], new double[0][], java.util.List.of()));

    public EvaluateView(EvaluateViewModel vm) {
        this.vm = vm;
        getStyleClass().add("evaluate-view");
        table.setId("evaluate-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("Runs opened in Inspect, or finished on the Run screen, appear here."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        vm.metrics().addListener((ListChangeListener<String>) c -> columns());
        columns();
        scatter.setId("evaluate-scatter");
        ChartExport.install(scatter);
        vm.scatterProperty().addListener((obs, was, s) -> {
            if (s != null) {
                scatter.setChart(chart(s));
            }
        });
        Label hint = Forms.hint("Predicted against true rates (expected counts per bin) of the run shown in Inspect; "
                + "data without true rates have no scatter.");
        VBox top = new VBox(6, table);
        top.setPadding(new Insets(8));
        VBox bottom = new VBox(4, scatter, hint);
        bottom.setPadding(new Insets(8));
        javafx.scene.layout.VBox.setVgrow(scatter, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        setCenter(split);
    }

    private void columns() {
        table.getColumns().clear();
        TableColumn<EvaluateViewModel.Row, String> run = new TableColumn<>("run");
        run.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().run()));
        TableColumn<EvaluateViewModel.Row, String> split = new TableColumn<>("split");
        split.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().split()));
        table.getColumns().add(run);
        table.getColumns().add(split);
        for (int k = 0; k < vm.metrics().size(); k++) {
            int m = k;
            TableColumn<EvaluateViewModel.Row, String> col = new TableColumn<>(vm.metrics().get(k));
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(num(c.getValue().values().get(m))));
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
            table.getColumns().add(col);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static JFreeChart chart(EvaluateViewModel.Scatter s) {
        XYSeries points = new XYSeries("bins", false, true);
        double max = 0;
        for (int i = 0; i < s.truth().length; i++) {
            points.add(s.truth()[i], s.predicted()[i]);
            max = Math.max(max, Math.max(s.truth()[i], s.predicted()[i]));
        }
        XYSeries identity = new XYSeries("predicted = true", false, true);
        identity.add(0, 0);
        identity.add(max, max);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(points);
        data.addSeries(identity);
        JFreeChart chart = ChartFactory.createScatterPlot(String.format(Locale.ROOT,
                        "Predicted vs true rates · %s · %s · R² %.3f", s.run(), s.split(), s.r2()),
                "true (expected count per bin)", "predicted", data, PlotOrientation.VERTICAL, true, false, false);
        Charts.style(chart);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
        r.setSeriesPaint(0, new Color(0x4E79A7).brighter());
        r.setSeriesLinesVisible(1, true);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, Color.BLACK);
        r.setSeriesStroke(1, new BasicStroke(1.2f));
        chart.getXYPlot().setRenderer(r);
        return chart;
    }
}
