package org.latentlab.ui.data;

import static org.latentlab.ui.Forms.hint;
import static org.latentlab.ui.Forms.mnemonic;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;
import org.latentlab.core.data.Split;
import org.latentlab.ui.Forms;
import org.latentlab.ui.IntSpinners;

/**
 * The Data screen: summary and the split/trial/channel choosers on the left, the raster of the chosen trial
 * above the PSTH of the chosen channel and the histogram of mean rates on the right. It only binds to
 * {@link DataViewModel}; it never reads files itself.
 */
public final class DataView extends BorderPane {
    private final DataViewModel vm;
    private final GridPane summaryGrid = new GridPane();
    private final ChartViewer rasterChart = new ChartViewer(null);
    private final ChartViewer psthChart = new ChartViewer(null);
    private final ChartViewer rateChart = new ChartViewer(null);

    public DataView(DataViewModel vm) {
        this.vm = vm;
        getStyleClass().add("data-view");
        ScrollPane side = new ScrollPane(sidePanel());
        side.setFitToWidth(true);
        side.setPrefWidth(330);
        side.getStyleClass().add("side-panel");
        setLeft(side);
        setCenter(new StackPane(charts(), emptyState(), busyOverlay()));
        DataSelection sel = vm.selection();
        sel.rasterProperty().addListener((obs, was, r) -> rasterChart.setChart(r == null ? null
                : DataCharts.raster(r, "Raster · " + r.split().key() + " trial " + r.trial())));
        sel.psthProperty().addListener((obs, was, p) -> psthChart.setChart(p == null ? null
                : DataCharts.psth(p, "PSTH · " + sel.channelName(p.channel()) + " · " + p.split().key()
                        + (p.smoothingMs() > 0 ? " · σ " + SummaryRows.num(p.smoothingMs()) + " ms" : ""))));
        vm.channelRatesProperty().addListener((obs, was, r) -> rateChart.setChart(r == null ? null
                : DataCharts.rateHistogram(r, DataStats.rateUnit(vm.sessionProperty().get()))));
        vm.summary().addListener((ListChangeListener<SummaryRows.Row>) c -> fillSummary());
    }

    private Node sidePanel() {
        Label heading = new Label("Summary");
        heading.getStyleClass().add("heading");
        Label file = new Label();
        file.setId("summary-file");
        file.getStyleClass().add("file-name");
        file.setWrapText(true);
        file.textProperty().bind(Bindings.createStringBinding(() -> vm.fileProperty().get() == null ? ""
                : String.valueOf(vm.fileProperty().get().getFileName()), vm.fileProperty()));
        summaryGrid.getStyleClass().add("summary");
        summaryGrid.getColumnConstraints().addAll(new ColumnConstraints(96), new ColumnConstraints());
        summaryGrid.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        Label showHeading = new Label("Show");
        showHeading.getStyleClass().add("heading");
        VBox box = new VBox(8, heading, file, summaryGrid, new Separator(), showHeading, choosers(), new Separator(),
                sessions());
        box.setPadding(new Insets(12));
        return box;
    }

    private void fillSummary() {
        summaryGrid.getChildren().clear();
        int row = 0;
        for (SummaryRows.Row r : vm.summary()) {
            Label name = new Label(r.label());
            name.getStyleClass().add("summary-label");
            Label value = new Label(r.value());
            value.setId("summary-" + r.id());
            value.setWrapText(true);
            summaryGrid.addRow(row++, name, value);
        }
    }

    private Node choosers() {
        DataSelection sel = vm.selection();
        ComboBox<Split> split = new ComboBox<>(sel.splits());
        split.setId("split-choice");
        split.valueProperty().bindBidirectional(sel.splitProperty());
        split.setConverter(new StringConverter<>() {
            @Override
            public String toString(Split s) {
                return s == null ? "" : s.key();
            }

            @Override
            public Split fromString(String s) {
                return s == null || s.isBlank() ? null : Split.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
            }
        });
        Spinner<Integer> trial = IntSpinners.of(sel.trialProperty(), sel.trialCountProperty());
        trial.setId("trial-spinner");
        Spinner<Integer> channel = IntSpinners.of(sel.channelProperty(), sel.channelCountProperty());
        channel.setId("channel-spinner");
        Label trialInfo = hint(sel.trialInfoProperty().getValue());
        trialInfo.setId("trial-info");
        trialInfo.textProperty().bind(sel.trialInfoProperty());
        Label channelInfo = hint("");
        channelInfo.textProperty().bind(sel.channelInfoProperty());
        ComboBox<Integer> smoothing = new ComboBox<>(sel.smoothingChoices());
        smoothing.setId("smoothing-choice");
        smoothing.valueProperty().bindBidirectional(sel.smoothingMsProperty());
        smoothing.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer ms) {
                return ms == null || ms == 0 ? "none" : "Gaussian σ " + ms + " ms";
            }

            @Override
            public Integer fromString(String s) {
                return sel.smoothingMsProperty().get();
            }
        });
        // Smoothing is defined in ms; without a bin size there is nothing to convert it with.
        smoothing.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.sessionProperty().get() == null
                || Double.isNaN(vm.sessionProperty().get().binSizeMs()), vm.sessionProperty()));
        GridPane g = Forms.grid();
        g.addRow(0, mnemonic("_Split", split), split);
        g.addRow(1, mnemonic("_Trial", trial), trial);
        g.add(trialInfo, 0, 2, 2, 1);
        g.addRow(3, mnemonic("Cha_nnel", channel), channel);
        g.add(channelInfo, 0, 4, 2, 1);
        g.addRow(5, mnemonic("S_moothing", smoothing), smoothing);
        g.disableProperty().bind(vm.sessionProperty().isNull());
        return g;
    }



    /**
     * More recordings of the same experiment beside the shown one: LFADS and AutoLFADS fit them together,
     * each through its own read-in and readout.
     */
    private Node sessions() {
        Label heading = new Label("More sessions");
        heading.getStyleClass().add("heading");
        Label about = hint("Recordings of the same experiment through other neurons (same bins): LFADS and "
                + "AutoLFADS fit them with the shown file, a read-in and readout each.");
        about.setWrapText(true);
        ListView<Path> list = new ListView<>(vm.moreFiles());
        list.setId("more-sessions");
        list.setPrefHeight(90);
        list.setPlaceholder(hint("none: one session"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : String.valueOf(p.getFileName()));
            }
        });
        Button add = new Button("Add session…");
        add.setId("add-session");
        add.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Add a session (LFADS-style HDF5)");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("LFADS-style HDF5 (*.h5, *.hdf5)", "*.h5",
                    "*.hdf5"));
            java.io.File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.addSession(f.toPath());
            }
        });
        Button remove = new Button("Remove");
        remove.setId("remove-session");
        remove.disableProperty().bind(list.getSelectionModel().selectedIndexProperty().lessThan(0));
        remove.setOnAction(e -> vm.removeSession(list.getSelectionModel().getSelectedIndex()));
        HBox buttons = new HBox(8, add, remove);
        VBox box = new VBox(6, heading, about, list, buttons);
        box.disableProperty().bind(vm.sessionProperty().isNull().or(vm.busyProperty()));
        return box;
    }

    private Node charts() {
        GridPane g = new GridPane();
        g.getStyleClass().add("charts");
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        g.getColumnConstraints().addAll(half, half);
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(55);
        RowConstraints bottom = new RowConstraints();
        bottom.setPercentHeight(45);
        g.getRowConstraints().addAll(top, bottom);
        rasterChart.setId("raster-chart");
        psthChart.setId("psth-chart");
        rateChart.setId("rate-chart");
        g.add(rasterChart, 0, 0, 2, 1);
        g.add(psthChart, 0, 1);
        g.add(rateChart, 1, 1);
        org.latentlab.ui.ChartViewers.prepare(rasterChart, psthChart, rateChart);
        g.visibleProperty().bind(vm.sessionProperty().isNotNull());
        return g;
    }

    private Node emptyState() {
        Label l = new Label("Drop an LFADS-style HDF5 or NWB file here, or use File ▸ Open… (Ctrl+O)");
        l.getStyleClass().add("empty-state");
        l.visibleProperty().bind(vm.sessionProperty().isNull().and(vm.busyProperty().not()));
        return l;
    }

    /** Shown over the charts while a file is read or imported; the menus stay usable. */
    private Node busyOverlay() {
        ProgressIndicator p = new ProgressIndicator();
        p.progressProperty().bind(vm.progressProperty());
        p.setMaxSize(64, 64);
        Label what = new Label();
        what.textProperty().bind(vm.progressTextProperty());
        VBox box = new VBox(10, p, what);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("busy-overlay");
        box.visibleProperty().bind(vm.busyProperty());
        return box;
    }
}
