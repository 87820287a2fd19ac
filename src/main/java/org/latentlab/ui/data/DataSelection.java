package org.latentlab.ui.data;

import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
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
import org.latentlab.core.data.Session;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.ui.Forms;
import org.latentlab.ui.UiExecutors;

/**
 * The Data screen's choice of split, trial and channel, and what follows from it: the trial's raster (cheap,
 * computed at once so stepping through trials feels immediate) and the channel's PSTHs (a pass over every
 * trial, computed in the background). Out-of-range choices are clamped, so a spinner cannot select a trial
 * the split does not have.
 */
public final class DataSelection {
    /** The chosen trial's data for the raster: {@code counts} is {@code [time][channels]}. */
    public record Raster(Split split, int trial, DataStats.TimeAxis axis, float[][] counts, int heldInChannels,
                         int encodBins) {
    }

    private final UiExecutors exec;
    private final Consumer<Throwable> onError;
    private final ObservableList<Split> splits = FXCollections.observableArrayList();
    // One read-only view, kept: a fresh wrapper per call would hold its listeners only weakly.
    private final ObservableList<Split> splitsView = FXCollections.unmodifiableObservableList(splits);
    private final ObjectProperty<Split> split = new SimpleObjectProperty<>(this, "split");
    private final ReadOnlyIntegerWrapper trialCount = new ReadOnlyIntegerWrapper(this, "trialCount");
    private final ReadOnlyIntegerWrapper channelCount = new ReadOnlyIntegerWrapper(this, "channelCount");
    private final IntegerProperty trial = new SimpleIntegerProperty(this, "trial");
    private final IntegerProperty channel = new SimpleIntegerProperty(this, "channel");
    private final ObservableList<Integer> smoothingChoices = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(0, 10, 20, 50));
    private final ObjectProperty<Integer> smoothingMs = new SimpleObjectProperty<>(this, "smoothingMs", 20);
    private final ReadOnlyStringWrapper channelInfo = new ReadOnlyStringWrapper(this, "channelInfo", "");
    private final ReadOnlyStringWrapper trialInfo = new ReadOnlyStringWrapper(this, "trialInfo", "");
    private final ReadOnlyObjectWrapper<Raster> raster = new ReadOnlyObjectWrapper<>(this, "raster");
    private final ReadOnlyObjectWrapper<DataStats.Psth> psth = new ReadOnlyObjectWrapper<>(this, "psth");
    private Session session;
    private long psthRequest;

    DataSelection(UiExecutors exec, Consumer<Throwable> onError) {
        this.exec = exec;
        this.onError = onError;
        split.addListener((obs, was, now) -> splitChanged());
        trial.addListener((obs, was, now) -> trialChanged());
        channel.addListener((obs, was, now) -> channelChanged());
        smoothingMs.addListener((obs, was, now) -> channelChanged());
    }

    /** Shows a new session from its first trial of the train split. */
    void show(Session s) {
        session = s;
        splits.setAll(s.splits().keySet());
        // Fire the split listener even when the new session's split equals the old session's.
        split.set(null);
        split.set(Split.TRAIN);
    }

    private SplitData data() {
        return session == null || split.get() == null ? null : session.split(split.get());
    }

    private void splitChanged() {
        SplitData d = data();
        if (d == null) {
            return;
        }
        trialCount.set(d.trials());
        channelCount.set(d.reconOrEncod().channels());
        refresh(trial, d.trials(), this::trialChanged);
        refresh(channel, d.reconOrEncod().channels(), this::channelChanged);
    }

    /** Moves {@code p} back to 0 when it is out of range (its listener redraws), else redraws directly. */
    private static void refresh(IntegerProperty p, int size, Runnable redraw) {
        if (p.get() >= size) {
            p.set(0);
        } else {
            redraw.run();
        }
    }

    private void trialChanged() {
        SplitData d = data();
        if (d == null) {
            return;
        }
        int n = d.trials();
        int i = Math.max(0, Math.min(n - 1, trial.get()));
        if (i != trial.get()) {
            trial.set(i);
            return;
        }
        Split sp = split.get();
        raster.set(new Raster(sp, i, DataStats.timeAxis(session), DataStats.trialCounts(d, i),
                session.heldInChannels(), session.bins()));
        int[] cond = d.conditionIds();
        int[] ids = d.trialIds();
        trialInfo.set("trial " + i + " of " + n + " in " + sp.key()
                + (cond != null ? " · condition " + cond[i] : "")
                + (ids != null && ids[i] != i ? " · recording trial " + ids[i] : ""));
    }

    private void channelChanged() {
        SplitData d = data();
        if (d == null) {
            return;
        }
        int c = Math.max(0, Math.min(d.reconOrEncod().channels() - 1, channel.get()));
        if (c != channel.get()) {
            channel.set(c);
            return;
        }
        channelInfo.set(channelName(c) + " in the PSTH");
        Session s = session;
        Split sp = split.get();
        double sigma = smoothingMs.get() == null ? 0 : smoothingMs.get();
        long request = ++psthRequest;
        exec.run(() -> DataStats.smooth(DataStats.psth(s, sp, c), sigma), p -> {
            if (request == psthRequest) {
                psth.set(p);
            }
        }, onError);
    }

    /** A channel's name: the file's (e.g. an NWB unit id) when it has names, else its index; and its role. */
    public String channelName(int c) {
        String name = Forms.channelName(session, c);
        return name == null ? String.valueOf(c) : name;
    }

    public ObservableList<Split> splits() {
        return splitsView;
    }

    public ObjectProperty<Split> splitProperty() {
        return split;
    }

    public ReadOnlyIntegerProperty trialCountProperty() {
        return trialCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty channelCountProperty() {
        return channelCount.getReadOnlyProperty();
    }

    public IntegerProperty trialProperty() {
        return trial;
    }

    public IntegerProperty channelProperty() {
        return channel;
    }

    /** "trial 3 of 320 in train · condition 7". */
    public ReadOnlyStringProperty trialInfoProperty() {
        return trialInfo.getReadOnlyProperty();
    }

    /** "channel 3 (held-in) in the PSTH". */
    public ReadOnlyStringProperty channelInfoProperty() {
        return channelInfo.getReadOnlyProperty();
    }

    /** Standard deviations (ms) the PSTH can be smoothed with; 0 shows the raw means per bin. */
    public ObservableList<Integer> smoothingChoices() {
        return smoothingChoices;
    }

    /** The PSTH's Gaussian smoothing in ms (20 by default: 10 ms bins of a few trials per condition are noisy). */
    public ObjectProperty<Integer> smoothingMsProperty() {
        return smoothingMs;
    }

    public ReadOnlyObjectProperty<Raster> rasterProperty() {
        return raster.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DataStats.Psth> psthProperty() {
        return psth.getReadOnlyProperty();
    }
}
