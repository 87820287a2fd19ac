package org.latentlab.ui;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.ui.data.DataViewModel;
import org.latentlab.ui.inspect.InspectViewModel;
import org.latentlab.ui.config.ConfigViewModel;
import org.latentlab.ui.evaluate.EvaluateViewModel;
import org.latentlab.ui.run.RunViewModel;

/**
 * The main window: owns the screens' ViewModels, the settings (recent files, last directory, window bounds)
 * and the status line (current file and compute device). Settings are saved as soon as they change, so a
 * crash loses nothing.
 */
public final class WorkbenchViewModel {
    private final Path settingsFile;
    private final DataViewModel data;
    private final InspectViewModel inspect;
    private final RunViewModel run;
    private final ConfigViewModel config;
    private final EvaluateViewModel evaluate;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recentFiles);
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper(this, "device", "device: detecting…");
    private final StringBinding fileText;
    private Settings settings;

    /**
     * @param settingsFile where settings live, or null to neither read nor write any (screenshots)
     * @param deviceText   describes the compute device; it may be slow (it loads the tensor engine), so it runs
     *                     in the background, and the UI never names the engine's classes itself
     */
    public WorkbenchViewModel(UiExecutors exec, Path settingsFile, Supplier<String> deviceText) {
        this.settingsFile = settingsFile;
        this.settings = settingsFile == null ? Settings.empty() : Settings.load(settingsFile);
        this.data = new DataViewModel(exec);
        this.inspect = new InspectViewModel(exec);
        this.config = new ConfigViewModel();
        this.evaluate = new EvaluateViewModel(inspect);
        this.run = new RunViewModel(data, config);
        run.setOnFinished(inspect::open);
        run.setOnLive(inspect::open); // Inspect follows a training population's current best member
        settings.recentFiles().forEach(p -> recentFiles.add(Path.of(p)));
        data.setOnLoaded(this::remember);
        fileText = Bindings.createStringBinding(() -> data.fileProperty().get() == null ? "No file open"
                : data.fileProperty().get().toAbsolutePath().normalize().toString(), data.fileProperty());
        exec.run(deviceText::get, d -> device.set("device: " + d),
                t -> device.set("device: unknown (" + t.getClass().getSimpleName() + ")"));
    }

    public DataViewModel data() {
        return data;
    }

    public InspectViewModel inspect() {
        return inspect;
    }

    public EvaluateViewModel evaluate() {
        return evaluate;
    }

    public ConfigViewModel config() {
        return config;
    }

    public RunViewModel run() {
        return run;
    }

    /** Opens a finished run directory on the Inspect screen. */
    public void openRun(Path dir) {
        inspect.open(dir);
    }

    /** Opens a file on the Data screen (from a menu, a recent file or a drop). */
    public void open(Path file) {
        data.open(file);
    }

    private void remember(Path file) {
        update(settings.withRecent(file));
        recentFiles.setAll(settings.recentFiles().stream().map(Path::of).toList());
    }

    public void clearRecent() {
        update(settings.withoutRecent());
        recentFiles.clear();
    }

    /** Newest first, at most {@link Settings#MAX_RECENT}. */
    public ObservableList<Path> recentFiles() {
        return recentView;
    }

    /** Where file choosers start: the directory of the last file opened, when it still exists. */
    public Path lastDirectory() {
        String d = settings.lastDirectory();
        return d != null && Files.isDirectory(Path.of(d)) ? Path.of(d) : null;
    }

    public Settings.WindowBounds windowBounds() {
        return settings.window();
    }

    public void rememberWindow(Settings.WindowBounds bounds) {
        update(settings.withWindow(bounds));
    }

    private void update(Settings s) {
        settings = s;
        if (settingsFile == null) {
            return;
        }
        try {
            s.save(settingsFile);
        } catch (UncheckedIOException e) {
            // A read-only home must not stop anyone working; the settings just do not persist.
            System.err.println("latentlab: " + e.getMessage());
        }
    }

    /** The open file's full path, or "No file open". */
    public StringBinding fileText() {
        return fileText;
    }

    /** "device: PyTorch 2.5.1 on cpu()" once known. */
    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }
}
