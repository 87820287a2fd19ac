package org.latentlab.ui.data;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.DataFiles;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.data.DatasetSummary;
import org.latentlab.core.data.LfadsH5Reader;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.nwb.NwbImportOptions;
import org.latentlab.core.data.nwb.NwbImporter;
import org.latentlab.core.data.nwb.NwbReader;
import org.latentlab.core.data.nwb.NwbSummary;
import org.latentlab.ui.UiExecutors;

/**
 * The Data screen: opens an LFADS-style HDF5 file, or an NWB file through an import form, and exposes what
 * the view draws (summary rows, the chosen trial's raster, PSTHs of the chosen channel, mean rates per
 * channel). Reading, importing and PSTHs run in the background; a result that arrives after a newer request
 * is dropped, so a slow file opened first can never replace the one opened last.
 */
public final class DataViewModel {
    private final UiExecutors exec;
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    /** How the shown session was imported from NWB (null for an LFADS-style file): runs record it. */
    private NwbImportOptions importOptions;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<NwbImportViewModel> nwbImport = new ReadOnlyObjectWrapper<>(this, "nwbImport");
    private final ObservableList<SummaryRows.Row> summary = FXCollections.observableArrayList();
    // One read-only view, kept: a fresh wrapper per call would hold its listeners only weakly.
    private final ObservableList<SummaryRows.Row> summaryView = FXCollections.unmodifiableObservableList(summary);
    private final ReadOnlyObjectWrapper<double[]> channelRates = new ReadOnlyObjectWrapper<>(this, "channelRates");
    private final DataSelection selection;
    /** Sessions added beside the one shown (several recordings fitted by one LFADS model), with their files. */
    private final List<Session> moreSessions = new ArrayList<>();
    private final ObservableList<Path> moreFiles = FXCollections.observableArrayList();
    private final ObservableList<Path> moreFilesView = FXCollections.unmodifiableObservableList(moreFiles);
    private Consumer<Path> onLoaded = p -> { };
    private long openRequest;

    public DataViewModel(UiExecutors exec) {
        this.exec = exec;
        this.selection = new DataSelection(exec, t -> error.set(oneLine(file.get(), t)));
    }

    /** Called with the file each time a file has been loaded (the shell adds it to the recent files). */
    public void setOnLoaded(Consumer<Path> onLoaded) {
        this.onLoaded = onLoaded;
    }

    /** Opens a file: an LFADS-style file is read; an NWB file is read far enough to fill the import form. */
    public void open(Path path) {
        long request = ++openRequest;
        nwbImport.set(null);
        start("Opening " + path.getFileName() + " …");
        exec.run(() -> read(path), result -> {
            if (request != openRequest) {
                return;
            }
            if (result instanceof NwbSummary n) {
                finish();
                nwbImport.set(new NwbImportViewModel(path, n));
            } else {
                show(path, (Loaded) result, null);
            }
        }, t -> failed(request, path, t));
    }

    private static Object read(Path path) {
        if (DataFiles.isNwb(path)) {
            return NwbSummary.of(path.toString(), NwbReader.read(path));
        }
        return Loaded.of(path, LfadsH5Reader.read(path));
    }

    /** Bins the NWB file of the pending import form with {@code options}, reporting progress as it goes. */
    public void importNwb(NwbImportOptions options) {
        NwbImportViewModel form = nwbImport.get();
        if (form == null || options == null) {
            return;
        }
        Path path = form.file();
        nwbImport.set(null);
        long request = ++openRequest;
        start("Importing " + path.getFileName() + " …");
        var sink = exec.progressTo(u -> {
            if (request == openRequest && busy.get()) {
                progress.set(u.fraction());
                progressText.set(path.getFileName() + ": " + u.what());
            }
        });
        exec.run(() -> Loaded.of(path, NwbImporter.importSession(path, options, sink)), loaded -> {
            if (request == openRequest) {
                show(path, loaded, options);
            }
        }, t -> failed(request, path, t));
    }

    /**
     * Adds an LFADS-style file as another session beside the one shown: LFADS and AutoLFADS then fit them
     * together (a read-in and readout per session). The file must share the shown file's bins, forward
     * bins and external inputs, and its stem must differ from every session's.
     */
    public void addSession(Path path) {
        Session shown = session.get();
        if (shown == null) {
            error.set("Open a recording first: added sessions join the one shown.");
            return;
        }
        if (DataFiles.isNwb(path)) {
            error.set(path + ": import the NWB file into an LFADS-style file first (Open it, or latentlab import), "
                    + "then add that file as a session");
            return;
        }
        long request = openRequest; // opening another file drops this result
        List<Session> before = new ArrayList<>();
        before.add(shown);
        before.addAll(moreSessions);
        start("Adding " + path.getFileName() + " …");
        exec.run(() -> {
            Session added = LfadsH5Reader.read(path);
            try {
                List<Session> all = new ArrayList<>(before);
                all.add(added);
                new Dataset(all).checkSessionsAgree();
            } catch (DataException e) {
                throw new DataException(path + ": " + e.getMessage());
            }
            return added;
        }, added -> {
            if (request != openRequest) {
                return;
            }
            finish();
            moreSessions.add(added);
            moreFiles.add(path);
        }, t -> failed(request, path, t));
    }

    /** Removes the added session at {@code index} (of {@link #moreFiles()}). */
    public void removeSession(int index) {
        if (index >= 0 && index < moreFiles.size()) {
            moreSessions.remove(index);
            moreFiles.remove(index);
        }
    }

    /** The files of the sessions added beside the shown one, in order. */
    public ObservableList<Path> moreFiles() {
        return moreFilesView;
    }

    /** What a run fits: the shown session, then the added ones; null when nothing is open. */
    public Dataset dataset() {
        if (session.get() == null) {
            return null;
        }
        List<Session> all = new ArrayList<>();
        all.add(session.get());
        all.addAll(moreSessions);
        return new Dataset(all);
    }

    /** The files of {@link #dataset()}'s sessions, in order. */
    public List<Path> dataFiles() {
        List<Path> files = new ArrayList<>();
        files.add(file.get());
        files.addAll(moreFiles);
        return files;
    }

    /** Closes the import form without importing; the data shown before stays. */
    public void cancelImport() {
        nwbImport.set(null);
    }

    public void clearError() {
        error.set(null);
    }

    private void start(String what) {
        busy.set(true);
        progress.set(-1);
        progressText.set(what);
    }

    private void finish() {
        busy.set(false);
        progress.set(0);
        progressText.set("");
    }

    private void failed(long request, Path path, Throwable t) {
        if (request != openRequest) {
            return;
        }
        finish();
        error.set(oneLine(path, t));
    }

    /** The one-line reason a user sees: core's message for bad input, the exception otherwise. */
    public static String oneLine(Path path, Throwable t) {
        String m = t instanceof DataException || t instanceof UncheckedIOException ? t.getMessage()
                : path + ": cannot be opened (" + t + ")";
        m = m == null ? path + ": cannot be opened (" + t.getClass().getSimpleName() + ")" : m;
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }

    /** A session with what is computed once per file: its summary and its channels' mean rates. */
    record Loaded(Session session, DatasetSummary summary, double[] rates) {
        static Loaded of(Path path, Session s) {
            return new Loaded(s, DatasetSummary.of(path.toString(), s), DataStats.channelRates(s));
        }
    }

    private void show(Path path, Loaded loaded, NwbImportOptions options) {
        finish();
        importOptions = options;
        moreSessions.clear();
        moreFiles.clear();
        Session s = loaded.session();
        session.set(s);
        file.set(path);
        summary.setAll(SummaryRows.of(loaded.summary()));
        selection.show(s);
        channelRates.set(loaded.rates());
        onLoaded.accept(path);
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** The NWB import options of the shown session, or null when it came from an LFADS-style file. */
    public NwbImportOptions importOptions() {
        return importOptions;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The running job's progress in [0, 1], or -1 while it cannot say. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The one-line reason the last open or import failed, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The NWB import form waiting for the user, or null. */
    public ReadOnlyObjectProperty<NwbImportViewModel> nwbImportProperty() {
        return nwbImport.getReadOnlyProperty();
    }

    public ObservableList<SummaryRows.Row> summary() {
        return summaryView;
    }

    /** The chosen split, trial and channel, and the raster and PSTHs they select. */
    public DataSelection selection() {
        return selection;
    }

    /** Mean rate of each recon channel (spikes/s when the bin size is known). */
    public ReadOnlyObjectProperty<double[]> channelRatesProperty() {
        return channelRates.getReadOnlyProperty();
    }
}
