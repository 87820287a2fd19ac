package org.latentlab.ui.inspect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.ui.Forms;
import org.latentlab.ui.UiExecutors;
import org.latentlab.ui.data.DataViewModel;

/**
 * The Inspect screen: opens a finished run directory and exposes, for the chosen split, trial and channel,
 * the observed spikes against the inferred (and true) rate, the trial's factors, its inferred (and true)
 * inputs, the split's factor trajectories on two principal components, and the scores table. Reading and
 * PCA run in the background; the per-trial series are cheap and follow the choosers at once.
 */
public final class InspectViewModel {
    /** A table row: a split's value of each metric in {@link #scoreMetrics()}, NaN where it has none. */
    public record ScoreRow(String split, List<Double> values) {
    }

    /** A run with what is computed once per run: the PCA trajectories of every split. */
    record Loaded(InspectRun run, Map<Split, InspectSeries.Trajectories> pca, List<String> sessions, int session) {
        static Loaded of(Path dir, int session) {
            InspectRun run = InspectRun.load(dir, session);
            Map<Split, InspectSeries.Trajectories> pca = new EnumMap<>(Split.class);
            run.outputs().forEach((s, o) -> pca.put(s, InspectSeries.pca(o.factors(),
                    run.session().split(s).conditionIds())));
            return new Loaded(run, pca, InspectRun.sessionNames(dir), session);
        }
    }

    private final UiExecutors exec;
    private final ReadOnlyObjectWrapper<InspectRun> run = new ReadOnlyObjectWrapper<>(this, "run");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper exported = new ReadOnlyStringWrapper(this, "exported", "");
    private final ObservableList<Split> splits = FXCollections.observableArrayList();
    private final ObservableList<Split> splitsView = FXCollections.unmodifiableObservableList(splits);
    private final ObjectProperty<Split> split = new SimpleObjectProperty<>(this, "split");
    private final ReadOnlyIntegerWrapper trialCount = new ReadOnlyIntegerWrapper(this, "trialCount");
    private final ReadOnlyIntegerWrapper channelCount = new ReadOnlyIntegerWrapper(this, "channelCount");
    private final IntegerProperty trial = new SimpleIntegerProperty(this, "trial");
    private final IntegerProperty channel = new SimpleIntegerProperty(this, "channel");
    private final ReadOnlyStringWrapper trialInfo = new ReadOnlyStringWrapper(this, "trialInfo", "");
    private final ReadOnlyObjectWrapper<InspectSeries.Rates> rates = new ReadOnlyObjectWrapper<>(this, "rates");
    private final ReadOnlyObjectWrapper<InspectSeries.Lines> factors = new ReadOnlyObjectWrapper<>(this, "factors");
    private final ReadOnlyObjectWrapper<InspectSeries.Inputs> inputs = new ReadOnlyObjectWrapper<>(this, "inputs");
    private final ReadOnlyObjectWrapper<InspectSeries.Inputs> behavior = new ReadOnlyObjectWrapper<>(this, "behavior");
    private final ReadOnlyObjectWrapper<InspectSeries.Trajectories> trajectories =
            new ReadOnlyObjectWrapper<>(this, "trajectories");
    private final javafx.beans.property.BooleanProperty showBehavior =
            new javafx.beans.property.SimpleBooleanProperty(this, "showBehavior");
    private final javafx.beans.property.BooleanProperty threeD =
            new javafx.beans.property.SimpleBooleanProperty(this, "threeD");
    private final javafx.beans.property.DoubleProperty azimuth =
            new javafx.beans.property.SimpleDoubleProperty(this, "azimuth", 30);
    private final javafx.beans.property.DoubleProperty elevation =
            new javafx.beans.property.SimpleDoubleProperty(this, "elevation", 30);
    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final ObservableList<String> metricsView = FXCollections.unmodifiableObservableList(metrics);
    private final ObservableList<ScoreRow> scores = FXCollections.observableArrayList();
    private final ObservableList<ScoreRow> scoresView = FXCollections.unmodifiableObservableList(scores);
    private final ObservableList<String> sessions = FXCollections.observableArrayList();
    private final ObservableList<String> sessionsView = FXCollections.unmodifiableObservableList(sessions);
    private final ReadOnlyIntegerWrapper sessionIndex = new ReadOnlyIntegerWrapper(this, "sessionIndex");
    private Loaded loaded;
    private long openRequest;

    public InspectViewModel(UiExecutors exec) {
        this.exec = exec;
        split.addListener((obs, was, now) -> splitChanged());
        threeD.addListener((obs, was, now) -> showTrajectories());
        azimuth.addListener((obs, was, now) -> showTrajectories());
        elevation.addListener((obs, was, now) -> showTrajectories());
        trial.addListener((obs, was, now) -> selectionChanged());
        channel.addListener((obs, was, now) -> selectionChanged());
    }

    /** Opens a run directory in the background; a failure sets {@link #errorProperty()} to one line. */
    public void open(Path dir) {
        open(dir, 0);
    }

    /** Shows session {@code index} (of {@link #sessions()}) of the open multi-session run. */
    public void showSession(int index) {
        if (loaded != null && index >= 0 && index < sessions.size() && index != sessionIndex.get()) {
            open(loaded.run().dir(), index);
        }
    }

    private void open(Path dir, int session) {
        long request = ++openRequest;
        busy.set(true);
        exec.run(() -> Loaded.of(dir, session), l -> {
            if (request == openRequest) {
                busy.set(false);
                show(l);
            }
        }, t -> {
            if (request == openRequest) {
                busy.set(false);
                error.set(DataViewModel.oneLine(dir, t));
            }
        });
    }

    public void clearError() {
        error.set(null);
    }

    /**
     * Writes the open run's inferred rates (expected counts per bin), factors and inputs of every split as
     * CSV tables ({@code split,trial,condition,bin,...}) into {@code dir}; the message says what was written.
     */
    public void exportCsv(Path dir) {
        InspectRun r = run.get();
        if (r == null) {
            return;
        }
        busy.set(true);
        exec.run(() -> writeCsv(r, dir), written -> {
            busy.set(false);
            exported.set("Wrote " + String.join(", ", written) + " in " + dir);
        }, t -> {
            busy.set(false);
            error.set(DataViewModel.oneLine(dir, t));
        });
    }

    /**
     * Copies the open run's output file (every split's rates, factors, inputs and posterior statistics under
     * lfads-torch's keys, beside a copy of the data) to {@code target}, atomically.
     */
    public void exportHdf5(Path target) {
        InspectRun r = run.get();
        if (r == null) {
            return;
        }
        busy.set(true);
        exec.run(() -> {
            org.latentlab.core.data.AtomicFiles.write(target, tmp -> java.nio.file.Files.copy(r.outputFile(), tmp,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING));
            return target;
        }, t -> {
            busy.set(false);
            exported.set("Wrote " + t);
        }, t -> {
            busy.set(false);
            error.set(DataViewModel.oneLine(target, t));
        });
    }

    static List<String> writeCsv(InspectRun r, Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        String stem = String.valueOf(r.dir().getFileName());
        Map<Split, org.latentlab.core.data.Tensor3> rates = new EnumMap<>(Split.class);
        Map<Split, org.latentlab.core.data.Tensor3> factors = new EnumMap<>(Split.class);
        Map<Split, org.latentlab.core.data.Tensor3> inputs = new EnumMap<>(Split.class);
        r.outputs().forEach((s, o) -> {
            rates.put(s, o.rates());
            factors.put(s, o.factors());
            if (o.genInputs() != null) {
                inputs.put(s, o.genInputs());
            }
        });
        List<String> written = new ArrayList<>();
        org.latentlab.core.data.CsvWriter.write(r.session(), rates, r.session().channelNames(),
                dir.resolve(stem + "_rates.csv"));
        written.add(stem + "_rates.csv");
        org.latentlab.core.data.CsvWriter.write(r.session(), factors, List.of(), dir.resolve(stem + "_factors.csv"));
        written.add(stem + "_factors.csv");
        if (!inputs.isEmpty()) {
            org.latentlab.core.data.CsvWriter.write(r.session(), inputs, List.of(), dir.resolve(stem + "_inputs.csv"));
            written.add(stem + "_inputs.csv");
        }
        return written;
    }

    /** What the last export wrote. */
    public ReadOnlyStringProperty exportedProperty() {
        return exported.getReadOnlyProperty();
    }

    private void show(Loaded l) {
        loaded = l;
        sessions.setAll(l.sessions());
        sessionIndex.set(l.session());
        Set<String> names = new LinkedHashSet<>();
        l.run().scores().values().forEach(m -> names.addAll(m.keySet()));
        metrics.setAll(names);
        List<ScoreRow> rows = new ArrayList<>();
        l.run().scores().forEach((s, m) -> rows.add(new ScoreRow(s,
                names.stream().map(n -> m.getOrDefault(n, Double.NaN)).toList())));
        scores.setAll(rows);
        splits.setAll(l.run().outputs().keySet());
        run.set(l.run());
        // Fire the split listener even when the new run's first split equals the old run's.
        split.set(null);
        split.set(splits.contains(Split.VALID) ? Split.VALID : splits.get(0));
    }

    private SplitData data() {
        return loaded == null || split.get() == null ? null : loaded.run().session().split(split.get());
    }

    private void splitChanged() {
        SplitData d = data();
        if (d == null) {
            return;
        }
        InspectRun.Outputs o = loaded.run().outputs().get(split.get());
        trialCount.set(o.rates().trials());
        channelCount.set(o.rates().channels());
        showTrajectories();
        selectionChanged();
    }

    /** The split's trajectories in 2-D, or the 3-D ones from the chosen angle. */
    private void showTrajectories() {
        InspectSeries.Trajectories t = loaded == null || split.get() == null ? null : loaded.pca().get(split.get());
        trajectories.set(t == null || !threeD.get() ? t : t.view(azimuth.get(), elevation.get()));
    }

    private void selectionChanged() {
        SplitData d = data();
        if (d == null) {
            return;
        }
        int i = clamp(trial.get(), trialCount.get());
        int c = clamp(channel.get(), channelCount.get());
        if (i != trial.get() || c != channel.get()) {
            // Setting them fires this listener again with values in range.
            trial.set(i);
            channel.set(c);
            return;
        }
        var session = loaded.run().session();
        InspectRun.Outputs o = loaded.run().outputs().get(split.get());
        rates.set(InspectSeries.rates(session, d, o, i, c));
        factors.set(InspectSeries.factors(session, o, i));
        inputs.set(InspectSeries.inputs(session, d, o, i));
        behavior.set(InspectSeries.behavior(session, d, o, i));
        int[] cond = d.conditionIds();
        trialInfo.set("trial " + i + " of " + trialCount.get() + " in " + split.get().key()
                + (cond != null ? " · condition " + cond[i] : ""));
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    /** "channel 3 (held-in)", or the file's unit name when it has names. */
    public String channelName(int c) {
        String name = Forms.channelName(loaded == null ? null : loaded.run().session(), c);
        return name == null ? "channel " + c : name;
    }

    /** The open run's sessions by name (empty for a single-session run). */
    public ObservableList<String> sessions() {
        return sessionsView;
    }

    /** Which of {@link #sessions()} is shown. */
    public ReadOnlyIntegerProperty sessionIndexProperty() {
        return sessionIndex.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InspectRun> runProperty() {
        return run.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The one-line reason the last open failed, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Splits with model outputs. */
    public ObservableList<Split> splits() {
        return splitsView;
    }

    public ObjectProperty<Split> splitProperty() {
        return split;
    }

    public ReadOnlyIntegerProperty trialCountProperty() {
        return trialCount.getReadOnlyProperty();
    }

    /** Recon channels (those the model predicts). */
    public ReadOnlyIntegerProperty channelCountProperty() {
        return channelCount.getReadOnlyProperty();
    }

    public IntegerProperty trialProperty() {
        return trial;
    }

    public IntegerProperty channelProperty() {
        return channel;
    }

    /** "trial 3 of 40 in valid · condition 1". */
    public ReadOnlyStringProperty trialInfoProperty() {
        return trialInfo.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InspectSeries.Rates> ratesProperty() {
        return rates.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InspectSeries.Lines> factorsProperty() {
        return factors.getReadOnlyProperty();
    }

    /** The trial's inferred inputs, or null when the model has no controller. */
    public ReadOnlyObjectProperty<InspectSeries.Inputs> inputsProperty() {
        return inputs.getReadOnlyProperty();
    }

    /** The trial's predicted and recorded behaviour, or null when the run predicts none. */
    public ReadOnlyObjectProperty<InspectSeries.Inputs> behaviorProperty() {
        return behavior.getReadOnlyProperty();
    }

    /** Whether the inputs chart shows the predicted behaviour instead (when the run predicts behaviour). */
    public javafx.beans.property.BooleanProperty showBehaviorProperty() {
        return showBehavior;
    }

    /** Whether the PCA plot shows three PCs from an angle instead of PC1 against PC2. */
    public javafx.beans.property.BooleanProperty threeDProperty() {
        return threeD;
    }

    /** The 3-D view's turn about the PC3 axis, in degrees. */
    public javafx.beans.property.DoubleProperty azimuthProperty() {
        return azimuth;
    }

    /** The 3-D view's height above the PC1-PC2 plane, in degrees (90 = from above, the 2-D view). */
    public javafx.beans.property.DoubleProperty elevationProperty() {
        return elevation;
    }

    public ReadOnlyObjectProperty<InspectSeries.Trajectories> trajectoriesProperty() {
        return trajectories.getReadOnlyProperty();
    }

    /** The scores table's columns (after the split), in {@code summary.json}'s order. */
    public ObservableList<String> scoreMetrics() {
        return metricsView;
    }

    public ObservableList<ScoreRow> scores() {
        return scoresView;
    }
}
