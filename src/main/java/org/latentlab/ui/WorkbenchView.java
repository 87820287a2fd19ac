package org.latentlab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.latentlab.ui.data.DataView;
import org.latentlab.ui.data.NwbImportDialog;
import org.latentlab.ui.inspect.InspectView;
import org.latentlab.ui.run.RunView;
import org.latentlab.ui.config.ModelView;
import org.latentlab.ui.evaluate.EvaluateView;
import org.latentlab.ui.config.PopulationView;

/**
 * The main window's content: the menu bar, the screens as tabs (Data, Model, Population, Run, Inspect, Evaluate) and the status bar (current file, progress,
 * compute device). Files arrive from the menus, the recent files or a drop anywhere on the window.
 */
public final class WorkbenchView extends BorderPane {
    private final WorkbenchViewModel vm;
    private final Menu recent = new Menu("Open _Recent");
    private final TabPane screens = new TabPane();
    private final Tab dataTab = new Tab("Data");
    private final Tab modelTab = new Tab("Model");
    private final Tab populationTab = new Tab("Population");
    private final Tab runTab = new Tab("Run");
    private final Tab inspectTab = new Tab("Inspect");
    private final Tab evaluateTab = new Tab("Evaluate");
    private final RunView runView;
    private Dialog<?> importDialog;

    public WorkbenchView(WorkbenchViewModel vm) {
        this.vm = vm;
        getStyleClass().add("workbench");
        setTop(menuBar());
        dataTab.setContent(new DataView(vm.data()));
        dataTab.setId("data-tab");
        runView = new RunView(vm.run());
        runTab.setContent(runView);
        runTab.setId("run-tab");
        inspectTab.setContent(new InspectView(vm.inspect()));
        inspectTab.setId("inspect-tab");
        modelTab.setContent(new ModelView(vm.config()));
        modelTab.setId("model-tab");
        populationTab.setContent(new PopulationView(vm.config()));
        populationTab.setId("population-tab");
        evaluateTab.setContent(new EvaluateView(vm.evaluate()));
        evaluateTab.setId("evaluate-tab");
        screens.getTabs().addAll(dataTab, modelTab, populationTab, runTab, inspectTab, evaluateTab);
        screens.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        screens.setId("screens");
        setCenter(screens);
        setBottom(statusBar());
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                vm.open(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        vm.data().errorProperty().addListener((obs, was, message) -> {
            if (message != null) {
                showError("Cannot open the file", message, vm.data()::clearError);
            }
        });
        vm.inspect().errorProperty().addListener((obs, was, message) -> {
            if (message != null) {
                showError("Cannot open the run", message, vm.inspect()::clearError);
            }
        });
        // A run that has just been opened is what the user wants to see.
        vm.inspect().runProperty().addListener((obs, was, run) -> {
            // A live update during training refreshes Inspect without taking the user away from the screen.
            if (run != null && !vm.run().runningProperty().get()) {
                screens.getSelectionModel().select(inspectTab);
            }
        });
        vm.data().sessionProperty().addListener((obs, was, s) -> {
            if (s != null) {
                screens.getSelectionModel().select(dataTab);
            }
        });
        vm.data().nwbImportProperty().addListener((obs, was, form) -> {
            // A form left open while another file is opened would import into nothing: close it.
            if (importDialog != null && importDialog.isShowing()) {
                importDialog.close();
            }
            importDialog = form == null ? null
                    : NwbImportDialog.show(window(), form, vm.data()::importNwb, vm.data()::cancelImport);
        });
    }

    private MenuBar menuBar() {
        MenuItem open = item("_Open…", "Shortcut+O", () -> choose("Open data file", false));
        MenuItem importNwb = item("_Import NWB…", "Shortcut+I", () -> choose("Import NWB recording", true));
        MenuItem openRun = item("Open R_un…", "Shortcut+R", this::chooseRun);
        MenuItem quit = item("_Quit", "Shortcut+Q", () -> window().hide());
        Menu file = new Menu("_File", null, open, recent, importNwb, openRun, new SeparatorMenuItem(), quit);
        Menu help = new Menu("_Help", null, item("_About LatentLab", null, this::about));
        MenuBar bar = new MenuBar(file, help);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setMnemonicParsing(true);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void fillRecent() {
        recent.getItems().clear();
        int k = 1;
        for (Path p : vm.recentFiles()) {
            // Numbered mnemonics (_1 .. _9, then _0) make the list keyboard-reachable: Alt+F, R, 1.
            String key = k <= 9 ? "_" + k : k == 10 ? "_0" : "";
            recent.getItems().add(item(key + " " + p.getFileName() + "   " + shorten(p.getParent()), null,
                    () -> vm.open(p)));
            k++;
        }
        if (!vm.recentFiles().isEmpty()) {
            recent.getItems().addAll(new SeparatorMenuItem(), item("_Clear Recent Files", null, vm::clearRecent));
        }
        recent.setDisable(vm.recentFiles().isEmpty());
    }

    private static String shorten(Path dir) {
        String s = dir == null ? "" : dir.toString();
        String home = System.getProperty("user.home");
        return home != null && s.startsWith(home) ? "~" + s.substring(home.length()) : s;
    }

    private void choose(String title, boolean nwbOnly) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        if (nwbOnly) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("NWB files (*.nwb)", "*.nwb"));
        } else {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Data files (*.h5, *.hdf5, *.nwb)",
                    "*.h5", "*.hdf5", "*.nwb"));
        }
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        Path dir = vm.lastDirectory();
        if (dir != null) {
            fc.setInitialDirectory(dir.toFile());
        }
        File f = fc.showOpenDialog(window());
        if (f != null) {
            vm.open(f.toPath());
        }
    }

    private void chooseRun() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open run directory");
        Path dir = vm.lastDirectory();
        if (dir != null) {
            dc.setInitialDirectory(dir.toFile());
        }
        File f = dc.showDialog(window());
        if (f != null) {
            vm.openRun(f.toPath());
        }
    }

    private void showError(String header, String message, Runnable clear) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.initOwner(window());
        a.setTitle("LatentLab");
        a.setHeaderText(header);
        a.getDialogPane().setId("error-dialog");
        a.getDialogPane().setMinWidth(520);
        a.setOnHidden(e -> clear.run());
        a.show();
    }

    private void about() {
        String version = WorkbenchView.class.getPackage().getImplementationVersion();
        Alert a = new Alert(Alert.AlertType.INFORMATION, String.join("\n",
                "Latent dynamical models of neural populations: LFADS, AutoLFADS, iLQR-VAE.",
                "",
                vm.deviceProperty().get(),
                "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version", "21"),
                "Licence: Apache-2.0"));
        a.initOwner(window());
        a.setTitle("About LatentLab");
        a.setHeaderText("LatentLab " + (version == null ? "(development build)" : version));
        a.show();
    }

    private HBox statusBar() {
        Label file = new Label();
        file.setId("status-file");
        file.textProperty().bind(vm.fileText());
        Label progressText = new Label();
        progressText.textProperty().bind(vm.data().progressTextProperty());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(140);
        progress.progressProperty().bind(vm.data().progressProperty());
        progress.visibleProperty().bind(vm.data().busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label device = new Label();
        device.setId("status-device");
        device.textProperty().bind(vm.deviceProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        file.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(12, file, progressText, progress, device);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** The Run screen (the window asks it whether training is going before closing). */
    public RunView runView() {
        return runView;
    }

    /** Selects a screen by its tab title (Data, Run, Inspect); false when there is none. */
    public boolean select(String title) {
        for (Tab t : screens.getTabs()) {
            if (t.getText().equalsIgnoreCase(title)) {
                screens.getSelectionModel().select(t);
                return true;
            }
        }
        return false;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
