package org.latentlab.ui.run;

import static org.latentlab.ui.Forms.hint;
import static org.latentlab.ui.Forms.mnemonic;

import java.io.File;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.jfree.chart.fx.ChartViewer;
import org.latentlab.core.pbt.Hyperparameter;
import org.latentlab.ui.Forms;
import org.latentlab.ui.config.ConfigViewModel;

/**
 * The Run screen: model, run directory and seed on the left, with Start, Stop, Open run and Report; live
 * charts on the right (every member's smoothed validation recon and score, the best member highlighted;
 * hyperparameter trajectories and the family tree for a population). An animation timer drains the
 * model's event queue once per pulse while a run is going.
 */
public final class RunView extends BorderPane {
    private final RunViewModel vm;
    private final TrainingService service = new TrainingService();
    private final ChartViewer lossChart = new ChartViewer(null);
    private final ChartViewer scoreChart = new ChartViewer(null);
    private final ChartViewer hyperChart = new ChartViewer(null);
    private final ChartViewer treeChart = new ChartViewer(null);
    private final ComboBox<String> hyper = new ComboBox<>();
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.drain();
        }
    };

    public RunView(RunViewModel vm) {
        this.vm = vm;
        getStyleClass().add("run-view");
        ScrollPane side = new ScrollPane(sidePanel());
        side.setFitToWidth(true);
        side.setPrefWidth(330);
        side.getStyleClass().add("side-panel");
        setLeft(side);
        setCenter(charts());
        service.setOnSucceeded(e -> {
            pump.stop();
            vm.succeeded(service.getValue());
        });
        service.setOnFailed(e -> {
            pump.stop();
            vm.failed(service.getException());
        });
        vm.revisionProperty().addListener((obs, was, now) -> redraw());
        vm.generations().addListener((ListChangeListener<Object>) c -> redrawPopulation());
        hyper.valueProperty().addListener((obs, was, now) -> redrawPopulation());
    }

    /** Starts (or resumes) the run the form describes. */
    public void start() {
        RunViewModel.Job job = vm.newJob();
        if (job == null) {
            return;
        }
        service.setJob(job);
        vm.started(job);
        pump.start();
        service.restart();
    }

    private Node sidePanel() {
        Label heading = new Label("Train");
        heading.getStyleClass().add("heading");
        ComboBox<ConfigViewModel.ModelKind> model = new ComboBox<>();
        model.getItems().setAll(ConfigViewModel.ModelKind.values());
        model.valueProperty().bindBidirectional(vm.config().kindProperty());
        model.setId("run-model");
        TextField out = new TextField();
        out.setId("run-out");
        out.textProperty().bindBidirectional(vm.outDirProperty());
        Button browse = new Button("…");
        browse.setOnAction(e -> browse());
        HBox outRow = new HBox(4, out, browse);
        HBox.setHgrow(out, Priority.ALWAYS);
        Spinner<Integer> seed = intSpinner(0, Integer.MAX_VALUE, vm.seedProperty());
        Label summary = hint("");
        summary.setId("run-config-summary");
        summary.textProperty().bind(vm.config().configProperty().map(RunView::describe));

        GridPane g = Forms.grid();
        int row = 0;
        g.addRow(row++, mnemonic("_Model", model), model);
        g.addRow(row++, mnemonic("_Run directory", out), outRow);
        g.addRow(row++, mnemonic("_Seed", seed), seed);
        g.add(summary, 0, row++, 2, 1);
        g.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(120, 180, Double.MAX_VALUE));
        g.disableProperty().bind(vm.runningProperty());

        Button start = new Button("_Start");
        start.setId("run-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> start());
        start.disableProperty().bind(vm.runningProperty());
        Button stop = new Button("S_top");
        stop.setId("run-stop");
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.runningProperty().not());
        Button open = new Button("_Open run…");
        open.setId("run-open");
        open.setOnAction(e -> openRun());
        open.disableProperty().bind(vm.runningProperty());
        Button report = new Button("Re_port");
        report.setId("run-report");
        report.setOnAction(e -> report());
        report.disableProperty().bind(vm.runningProperty());
        HBox buttons = new HBox(8, start, stop, open, report);

        ProgressBar bar = new ProgressBar();
        bar.setId("run-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label remaining = hint("");
        remaining.textProperty().bind(vm.remainingProperty());
        Label status = hint("");
        status.setId("run-status");
        status.textProperty().bind(vm.statusProperty());
        Label logHeading = new Label("Messages");
        logHeading.getStyleClass().add("heading");
        ListView<String> log = new ListView<>(vm.log());
        log.setPrefHeight(140);
        Label help = hint("Starting again with the same run directory and settings resumes a stopped run. "
                + "A finished run opens in Inspect.");
        VBox box = new VBox(8, heading, g, buttons, bar, remaining, status, help, new Separator(), logHeading, log);
        box.setPadding(new Insets(12));
        return box;
    }

    /** One line about what will be trained; the Model and Population screens hold every setting. */
    private static String describe(Record c) {
        if (c instanceof org.latentlab.core.config.AutoLfadsConfig a) {
            return String.format(java.util.Locale.ROOT, "%d members, generations of %d epochs, at most %d "
                    + "generations or %.0f minutes; generator %d, factors %d (Model and Population screens)",
                    a.pbt().population(), a.pbt().epochsPerGeneration(), a.pbt().maxGenerations(),
                    a.pbt().maxMinutes(), a.model().genDim(), a.model().facDim());
        }
        if (c instanceof org.latentlab.core.config.IlqrVaePbtConfig a) {
            return String.format(java.util.Locale.ROOT, "%d iLQR-VAEs, generations of %d epochs, at most %d "
                    + "generations or %.0f minutes; %d latents, %d inputs (Model and Population screens)",
                    a.pbt().population(), a.pbt().epochsPerGeneration(), a.pbt().maxGenerations(),
                    a.pbt().maxMinutes(), a.ilqrVae().modelConfig().latentDim(), a.ilqrVae().modelConfig().inputDim());
        }
        if (c instanceof org.latentlab.core.config.IlqrVaeConfig v) {
            return String.format(java.util.Locale.ROOT, "at most %d epochs or %.0f minutes on chunks of %d bins "
                    + "(0: whole trials); %d latents, %d inputs (Model screen)", v.train().maxEpochs(), v.train().maxMinutes(),
                    v.train().chunkBins(), v.modelConfig().latentDim(), v.modelConfig().inputDim());
        }
        org.latentlab.core.config.LfadsConfig l = (org.latentlab.core.config.LfadsConfig) c;
        return String.format(java.util.Locale.ROOT, "at most %d epochs or %.0f minutes; generator %d, factors %d "
                + "(Model screen)", l.train().maxEpochs(), l.train().maxMinutes(), l.model().genDim(), l.model().facDim());
    }

    private static Spinner<Integer> intSpinner(int min, int max, javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>(min, max, value.get());
        s.setEditable(true);
        s.getValueFactory().valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                value.set(now);
            }
        });
        value.addListener((obs, was, now) -> s.getValueFactory().setValue(now.intValue()));
        return s;
    }

    /** Writes the run directory's HTML report (a finished run) and says where. */
    private void report() {
        java.nio.file.Path dir = java.nio.file.Path.of(vm.outDirProperty().get().trim());
        javafx.scene.control.Alert a;
        try {
            java.nio.file.Path out = dir.resolve("report.html");
            org.latentlab.plot.RunReport.write(dir, out);
            a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION, "Wrote " + out);
        } catch (RuntimeException ex) {
            a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, ex.getMessage());
        }
        a.setHeaderText("Run report");
        a.show();
    }

    private void openRun() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open run directory");
        File f = dc.showDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            vm.openRun(f.toPath());
        }
    }

    private void browse() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Run directory");
        File f = dc.showDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            vm.outDirProperty().set(f.getAbsolutePath());
        }
    }

    private Node charts() {
        lossChart.setId("run-loss-chart");
        scoreChart.setId("run-score-chart");
        hyperChart.setId("run-hyper-chart");
        treeChart.setId("run-tree-chart");
        org.latentlab.ui.ChartViewers.prepare(lossChart, scoreChart, hyperChart, treeChart);
        // The choices are the population log's hyperparameter columns (they depend on the model), filled in
        // when the first generation ends.
        hyper.setValue(Hyperparameter.LR_INIT.column());
        hyper.setId("run-hyper-choice");
        BorderPane hyperPane = new BorderPane(hyperChart);
        HBox chooser = new HBox(6, new Label("Hyperparameter"), hyper);
        chooser.setPadding(new Insets(2, 4, 2, 4));
        hyperPane.setTop(chooser);
        GridPane grid = new GridPane();
        grid.add(lossChart, 0, 0);
        grid.add(scoreChart, 1, 0);
        grid.add(hyperPane, 0, 1);
        grid.add(treeChart, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            grid.getRowConstraints().add(r);
        }
        hyperPane.visibleProperty().bind(Bindings.isNotEmpty(vm.generations()));
        treeChart.visibleProperty().bind(Bindings.isNotEmpty(vm.generations()));
        return grid;
    }

    private void redraw() {
        RunCurves c = vm.curves();
        int best = vm.bestProperty().get();
        String who = c.members() > 1 ? " · best member " + best : "";
        // The smoothed validation metric that early stopping and PBT use: LFADS's recon, an iLQR-VAE's -ELBO.
        boolean ilqr = vm.config().kindProperty().get().ilqrVae();
        lossChart.setChart(RunCharts.curves(c, best, (ilqr ? "Validation -ELBO (smoothed)" : "Validation recon (smoothed)")
                + who, ilqr ? "valid_loss_smth" : "valid_recon_smth", RunCurves.Point::validSmooth));
        scoreChart.setChart(RunCharts.curves(c, best, c.scoreName() + who, c.scoreName(), RunCurves.Point::score));
    }

    private void redrawPopulation() {
        int members = vm.curves().members();
        if (vm.generations().isEmpty()) {
            return; // the two panes are hidden until the first generation ends
        }
        List<String> columns = vm.generations().get(vm.generations().size() - 1).columns();
        if (!hyper.getItems().equals(columns)) {
            String chosen = hyper.getValue();
            hyper.getItems().setAll(columns);
            hyper.setValue(columns.contains(chosen) ? chosen : columns.isEmpty() ? null : columns.get(0));
        }
        if (hyper.getValue() != null) {
            hyperChart.setChart(RunCharts.trajectories(vm.generations(), hyper.getValue(), members));
        }
        treeChart.setChart(RunCharts.familyTree(vm.generations(), members));
    }

    /** Whether a run is going (the window asks before closing). */
    public boolean isRunning() {
        return vm.runningProperty().get();
    }
}
