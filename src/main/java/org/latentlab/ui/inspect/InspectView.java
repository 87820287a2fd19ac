package org.latentlab.ui.inspect;

import static org.latentlab.ui.Forms.hint;
import static org.latentlab.ui.Forms.mnemonic;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;
import org.latentlab.core.data.Split;
import org.latentlab.ui.Forms;
import org.latentlab.ui.IntSpinners;

/**
 * The Inspect screen: run, choosers and scores on the left; the chosen trial's spikes and rates, its factors,
 * its inferred inputs and the split's PCA trajectories on the right. It only binds to {@link InspectViewModel}.
 */
public final class InspectView extends BorderPane {
    private final InspectViewModel vm;
    private final ChartViewer ratesChart = new ChartViewer(null);
    private final ChartViewer factorsChart = new ChartViewer(null);
    private final ChartViewer inputsChart = new ChartViewer(null);
    private final ChartViewer pcaChart = new ChartViewer(null);
    private final TableView<InspectViewModel.ScoreRow> scores = new TableView<>(); 

    public InspectView(InspectViewModel vm) {
        this.vm = vm;
        getStyleClass().add("inspect-view");
        ScrollPane side = new ScrollPane(sidePanel());
        side.setFitToWidth(true);
        side.setPrefWidth(330);
        side.getStyleClass().add("side-panel");
        setLeft(side);
        setCenter(new StackPane(charts(), emptyState(), busyOverlay()));
        vm.ratesProperty().addListener((obs, was, r) -> ratesChart.setChart(r == null ? null
                : InspectCharts.rates(r, "Spikes and rate · " + vm.channelName(vm.channelProperty().get())
                        + " · trial " + vm.trialProperty().get())));
        vm.factorsProperty().addListener((obs, was, f) -> factorsChart.setChart(f == null ? null
                : InspectCharts.factors(f, "Factors · trial " + vm.trialProperty().get())));
        vm.inputsProperty().addListener((obs, was, in) -> drawInputs());
        vm.behaviorProperty().addListener((obs, was, b) -> drawInputs());
        vm.showBehaviorProperty().addListener((obs, was, b) -> drawInputs());
        vm.trajectoriesProperty().addListener((obs, was, p) -> {
            if (p != null) {
                boolean d3 = vm.threeDProperty().get();
                pcaChart.setChart(InspectCharts.trajectories(p, "Factor PCA" + (d3 ? String.format(Locale.ROOT,
                        " 3-D (azimuth %.0f°, elevation %.0f°)", vm.azimuthProperty().get(),
                        vm.elevationProperty().get()) : "") + " · " + vm.splitProperty().get().key() + " · "
                        + InspectCharts.varianceText(p, d3), d3));
            }
        });
        vm.scoreMetrics().addListener((ListChangeListener<String>) c -> fillColumns());
    }

    /** The bottom-left chart: the inferred inputs, or the predicted behaviour when the user asks for it. */
    private void drawInputs() {
        InspectSeries.Inputs b = vm.behaviorProperty().get();
        InspectSeries.Inputs in = vm.inputsProperty().get();
        String trial = " · trial " + vm.trialProperty().get();
        if (b != null && vm.showBehaviorProperty().get()) {
            inputsChart.setChart(InspectCharts.behavior(b, (b.truth() == null ? "Predicted behaviour"
                    : "Predicted (solid) and recorded (dashed) behaviour") + trial));
        } else {
            inputsChart.setChart(in == null ? null : InspectCharts.inputs(in, (in.truth() == null ? "Inferred inputs"
                    : "Inferred (solid) and true (dashed) inputs") + trial));
        }
    }

    private Node sidePanel() {
        Label heading = new Label("Run");
        heading.getStyleClass().add("heading");
        Label dir = new Label();
        dir.setId("inspect-run");
        dir.getStyleClass().add("file-name");
        dir.setWrapText(true);
        dir.textProperty().bind(vm.runProperty().map(r -> String.valueOf(r.dir().getFileName())).orElse(""));
        Label showHeading = new Label("Show");
        showHeading.getStyleClass().add("heading");
        Label scoresHeading = new Label("Scores");
        scoresHeading.getStyleClass().add("heading");
        scores.setId("scores-table");
        scores.setItems(vm.scores());
        scores.setPrefHeight(140);
        scores.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        scores.setPlaceholder(new Label("no scores in summary.json"));
        javafx.scene.control.Button csv = new javafx.scene.control.Button("Export _CSV…");
        csv.setId("inspect-export-csv");
        csv.disableProperty().bind(vm.runProperty().isNull());
        csv.setOnAction(e -> {
            javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
            dc.setTitle("Export rates, factors and inputs as CSV");
            java.io.File f = dc.showDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.exportCsv(f.toPath());
            }
        });
        javafx.scene.control.Button h5 = new javafx.scene.control.Button("Export _HDF5…");
        h5.setId("inspect-export-h5");
        h5.disableProperty().bind(vm.runProperty().isNull());
        h5.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.setTitle("Export the run's outputs (lfads-torch keys) as HDF5");
            fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("HDF5 (*.h5)", "*.h5"));
            fc.setInitialFileName(vm.runProperty().get().outputFile().getFileName().toString());
            java.io.File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.exportHdf5(f.toPath());
            }
        });
        Label exported = hint("");
        exported.textProperty().bind(vm.exportedProperty());
        Label exportHint = hint("Charts: right-click a chart to export it as PNG, SVG or PDF. "
                + "The run directory holds the outputs as HDF5 (lfads_output_*.h5).");
        javafx.scene.control.CheckBox d3 = new javafx.scene.control.CheckBox("PCA in _3-D (PC1-PC3)");
        d3.setId("inspect-pca-3d");
        d3.selectedProperty().bindBidirectional(vm.threeDProperty());
        javafx.scene.control.Slider az = new javafx.scene.control.Slider(-180, 180, vm.azimuthProperty().get());
        az.valueProperty().bindBidirectional(vm.azimuthProperty());
        javafx.scene.control.Slider el = new javafx.scene.control.Slider(-90, 90, vm.elevationProperty().get());
        el.valueProperty().bindBidirectional(vm.elevationProperty());
        GridPane angles = Forms.grid();
        angles.addRow(0, mnemonic("_Azimuth", az), az);
        angles.addRow(1, mnemonic("_Elevation", el), el);
        angles.visibleProperty().bind(vm.threeDProperty());
        angles.managedProperty().bind(angles.visibleProperty());
        javafx.scene.control.CheckBox beh = new javafx.scene.control.CheckBox("Show _behaviour instead of inputs");
        beh.setId("inspect-behavior");
        beh.selectedProperty().bindBidirectional(vm.showBehaviorProperty());
        beh.visibleProperty().bind(vm.behaviorProperty().isNotNull());
        beh.managedProperty().bind(beh.visibleProperty());
        VBox box = new VBox(8, heading, dir, new Separator(), showHeading, choosers(), beh, d3, angles, new Separator(),
                scoresHeading, scores, new Separator(), new javafx.scene.layout.HBox(8, csv, h5), exported, exportHint);
        box.setPadding(new Insets(12));
        return box;
    }

    private void fillColumns() {
        scores.getColumns().clear();
        TableColumn<InspectViewModel.ScoreRow, String> split = new TableColumn<>("split");
        split.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().split()));
        scores.getColumns().add(split);
        for (int k = 0; k < vm.scoreMetrics().size(); k++) {
            int m = k;
            TableColumn<InspectViewModel.ScoreRow, String> col = new TableColumn<>(vm.scoreMetrics().get(k));
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(num(c.getValue().values().get(m))));
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
            scores.getColumns().add(col);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4f", v);
    }

    private Node choosers() {
        ComboBox<Split> split = new ComboBox<>(vm.splits());
        split.setId("inspect-split-choice");
        split.valueProperty().bindBidirectional(vm.splitProperty());
        split.setConverter(new StringConverter<>() {
            @Override
            public String toString(Split s) {
                return s == null ? "" : s.key();
            }

            @Override
            public Split fromString(String s) {
                return vm.splitProperty().get();
            }
        });
        Spinner<Integer> trial = IntSpinners.of(vm.trialProperty(), vm.trialCountProperty());
        trial.setId("inspect-trial-spinner");
        Spinner<Integer> channel = IntSpinners.of(vm.channelProperty(), vm.channelCountProperty());
        channel.setId("inspect-channel-spinner");
        Label trialInfo = hint("");
        trialInfo.textProperty().bind(vm.trialInfoProperty());
        // A multi-session run: which session's outputs are shown.
        ComboBox<String> session = new ComboBox<>(vm.sessions());
        session.setId("inspect-session-choice");
        vm.sessionIndexProperty().addListener((obs, was, now) -> session.getSelectionModel().select(now.intValue()));
        vm.sessions().addListener((javafx.collections.ListChangeListener<String>) c ->
                session.getSelectionModel().select(vm.sessionIndexProperty().get()));
        session.setOnAction(e -> vm.showSession(session.getSelectionModel().getSelectedIndex()));
        Label sessionLabel = mnemonic("Sess_ion", session);
        for (Node n : new Node[] {session, sessionLabel}) {
            n.visibleProperty().bind(javafx.beans.binding.Bindings.size(vm.sessions()).greaterThan(1));
            n.managedProperty().bind(n.visibleProperty());
        }
        GridPane g = Forms.grid();
        g.addRow(0, mnemonic("S_plit", split), split);
        g.addRow(1, mnemonic("T_rial", trial), trial);
        g.add(trialInfo, 0, 2, 2, 1);
        g.addRow(3, mnemonic("C_hannel", channel), channel);
        g.addRow(4, sessionLabel, session);
        g.disableProperty().bind(vm.runProperty().isNull());
        return g;
    }


    private Node charts() {
        GridPane g = new GridPane();
        g.getStyleClass().add("charts");
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        g.getColumnConstraints().addAll(half, half);
        RowConstraints row = new RowConstraints();
        row.setPercentHeight(50);
        g.getRowConstraints().addAll(row, row);
        ratesChart.setId("rates-chart");
        factorsChart.setId("factors-chart");
        inputsChart.setId("inputs-chart");
        pcaChart.setId("pca-chart");
        g.add(ratesChart, 0, 0);
        g.add(factorsChart, 1, 0);
        g.add(inputsChart, 0, 1);
        g.add(pcaChart, 1, 1);
        org.latentlab.ui.ChartViewers.prepare(ratesChart, factorsChart, inputsChart, pcaChart);
        // Without a controller there are no inferred inputs: the PCA plot takes the whole bottom row.
        inputsChart.visibleProperty().bind(vm.inputsProperty().isNotNull());
        inputsChart.managedProperty().bind(inputsChart.visibleProperty());
        vm.inputsProperty().addListener((obs, was, now) -> {
            GridPane.setColumnIndex(pcaChart, now == null ? 0 : 1);
            GridPane.setColumnSpan(pcaChart, now == null ? 2 : 1);
        });
        g.visibleProperty().bind(vm.runProperty().isNotNull());
        return g;
    }

    private Node emptyState() {
        Label l = new Label("Open a finished run directory with File ▸ Open Run… (Ctrl+R)");
        l.getStyleClass().add("empty-state");
        l.visibleProperty().bind(vm.runProperty().isNull().and(vm.busyProperty().not()));
        return l;
    }

    private Node busyOverlay() {
        ProgressIndicator p = new ProgressIndicator();
        p.setMaxSize(64, 64);
        VBox box = new VBox(10, p, new Label("Reading the run …"));
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("busy-overlay");
        box.visibleProperty().bind(vm.busyProperty());
        return box;
    }
}
