package org.latentlab.ui.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.core.Progress;
import org.latentlab.core.config.AutoLfadsConfig;
import org.latentlab.core.config.ConfigIO;
import org.latentlab.core.config.IlqrVaeConfig;
import org.latentlab.core.config.IlqrVaePbtConfig;
import org.latentlab.core.config.LfadsConfig;
import org.latentlab.core.config.ModelFamily;
import org.latentlab.core.data.Checksums;
import org.latentlab.core.data.DataException;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.data.Session;
import org.latentlab.core.data.nwb.NwbImportOptions;
import org.latentlab.core.pbt.Generation;
import org.latentlab.core.pbt.PbtRun;
import org.latentlab.core.train.EpochMetrics;
import org.latentlab.core.train.IlqrVaeRun;
import org.latentlab.core.train.LfadsRun;
import org.latentlab.core.train.TrainingStoppedException;
import org.latentlab.ui.UiExecutors;
import org.latentlab.ui.config.ConfigViewModel;
import org.latentlab.ui.config.ConfigViewModel.ModelKind;
import org.latentlab.ui.data.DataViewModel;

/**
 * The Run screen: trains the config of the Model and Population screens on the open recording into a run
 * directory, and holds the live state of the run: every member's curves, the generations with their
 * exploits, progress and time remaining. Training runs in a background service that the view owns; events
 * reach this model through a queue that the FX thread drains once per pulse ({@link #drain()}), never
 * through the service's value.
 */
public final class RunViewModel {
    private final DataViewModel data;
    private final ConfigViewModel config;
    private final StringProperty outDir = new SimpleStringProperty(this, "outDir", "");
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 0);
    private final BooleanProperty outDirEdited = new SimpleBooleanProperty(this, "outDirEdited");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Open a recording, then Start.");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper remaining = new ReadOnlyStringWrapper(this, "remaining", "");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyIntegerWrapper best = new ReadOnlyIntegerWrapper(this, "best", -1);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final ObservableList<Generation> generations = FXCollections.observableArrayList();
    private final ObservableList<Generation> generationsView = FXCollections.unmodifiableObservableList(generations);
    private final RunCurves curves = new RunCurves();
    private Consumer<Path> onFinished = p -> { };
    private Consumer<Path> onLive = p -> { };
    private Job job;
    private long startedNanos;

    /** @param config the Model and Population screens' config, which a run trains with */
    public RunViewModel(DataViewModel data, ConfigViewModel config) {
        this.data = data;
        this.config = config;
        data.fileProperty().addListener((obs, was, now) -> suggestOutDir());
        config.kindProperty().addListener((obs, was, now) -> suggestOutDir());
        outDir.addListener((obs, was, now) -> outDirEdited.set(!now.equals(defaultOutDir())));
    }

    /** Called with the run directory when a run finishes (the workbench opens it in Inspect). */
    public void setOnFinished(Consumer<Path> onFinished) {
        this.onFinished = onFinished;
    }

    /** Called with {@code DIR/live} after each generation that wrote the current best member there. */
    public void setOnLive(Consumer<Path> onLive) {
        this.onLive = onLive;
    }

    private void suggestOutDir() {
        if (!outDirEdited.get()) {
            outDir.set(defaultOutDir());
            outDirEdited.set(false);
        }
    }

    /** {@code ~/latentlab-runs/<data stem>-lfads} or {@code -autolfads}: the same settings resume there. */
    String defaultOutDir() {
        Path f = data.fileProperty().get();
        if (f == null) {
            return "";
        }
        String stem = f.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String kind = config.kindProperty().get().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return Path.of(System.getProperty("user.home"), "latentlab-runs", stem + "-" + kind).toString();
    }

    /**
     * Checks the form and returns the work for the background service, or null with the reason in
     * {@link #statusProperty()}.
     */
    public Job newJob() {
        if (running.get()) {
            return null;
        }
        Session session = data.sessionProperty().get();
        Path file = data.fileProperty().get();
        if (session == null || file == null) {
            status.set("Open a recording first (File > Open).");
            return null;
        }
        if (outDir.get() == null || outDir.get().isBlank()) {
            status.set("Choose a run directory.");
            return null;
        }
        Path out = Path.of(outDir.get().trim());
        if (config.hasErrors()) {
            status.set("Fix the fields marked on the Model and Population screens first.");
            return null;
        }
        ModelKind kind = config.kindProperty().get();
        Record cfg;
        try { // the form's values, validated together (one field alone cannot check, e.g., min < max)
            cfg = switch (kind) {
                case AUTOLFADS -> ConfigIO.load(AutoLfadsConfig.class, null, config.overrides());
                case ILQR_VAE -> ConfigIO.load(IlqrVaeConfig.class, null, config.overrides());
                case ILQR_VAE_PBT -> ConfigIO.load(IlqrVaePbtConfig.class, null, config.overrides());
                case LFADS -> ConfigIO.load(LfadsConfig.class, null, config.overrides());
            };
        } catch (DataException e) {
            status.set(e.getMessage());
            return null;
        }
        Dataset dataset = data.dataset();
        if (kind.ilqrVae() && dataset.sessions().size() > 1) {
            status.set("The iLQR-VAE fits one session: remove the added sessions on the Data screen, or choose LFADS.");
            return null;
        }
        NwbImportOptions nwb = data.importOptions();
        job = new Job(dataset, data.dataFiles(), nwb, cfg, seed.get(), out,
                new RunEvents(kind.population()));
        return job;
    }

    /**
     * The service started {@code j}: the charts show what its run directory already holds (a resumed run
     * continues its curves; epochs it redoes replace their old points), then live events.
     */
    public void started(Job j) {
        job = j;
        showHistory(j.out);
        log.clear();
        progress.set(0);
        remaining.set("");
        running.set(true);
        startedNanos = System.nanoTime();
        status.set("Training " + j.what() + " on " + j.files.get(0).getFileName()
                + (j.files.size() > 1 ? " and " + (j.files.size() - 1) + " more sessions" : "")
                + " into " + j.out + " …");
        revision.set(revision.get() + 1);
    }

    /**
     * Shows a run directory's curves and generations (a finished, stopped or running run made by
     * {@code train}, {@code pbt} or this screen) and points the form at it, so Start resumes it.
     */
    public void openRun(Path dir) {
        if (running.get()) {
            return;
        }
        boolean pbt = Files.exists(dir.resolve("pbt-config.yaml"));
        if (!pbt && !Files.exists(dir.resolve("config.yaml"))) {
            status.set(dir + ": not a run directory (no config.yaml or pbt-config.yaml)");
            return;
        }
        try {
            // The form takes the run's config, so Start resumes it (same config, same directory).
            boolean ilqr = ModelFamily.of(dir.resolve(pbt ? "pbt-config.yaml" : "config.yaml"), List.of())
                    == ModelFamily.ILQR_VAE;
            config.kindProperty().set(pbt ? (ilqr ? ModelKind.ILQR_VAE_PBT : ModelKind.AUTOLFADS)
                    : ilqr ? ModelKind.ILQR_VAE : ModelKind.LFADS);
            config.load(dir.resolve(pbt ? "pbt-config.yaml" : "config.yaml"));
            outDir.set(dir.toString());
            seed.set(runSeed(dir));
            showHistory(dir);
            status.set("Showing " + dir + (Files.exists(dir.resolve("summary.json")) ? " (finished)"
                    : " (not finished: Start resumes it with the same recording and settings)"));
        } catch (DataException e) {
            status.set(e.getMessage());
        }
    }

    /** The seed recorded in a run directory's run.json, 0 when there is none. */
    private static int runSeed(Path dir) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("run.json").toFile());
            return node.path("seed").asInt(0);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private void showHistory(Path dir) {
        curves.clear();
        generations.clear();
        if (Files.exists(dir.resolve("pbt.csv"))) {
            for (int m = 0; Files.isDirectory(dir.resolve(String.format(Locale.ROOT, "members/m%02d", m))); m++) {
                int member = m;
                EpochMetrics.read(dir.resolve(String.format(Locale.ROOT, "members/m%02d/metrics.csv", m)))
                        .forEach(e -> curves.add(member, e));
            }
            generations.setAll(Generation.read(dir.resolve("pbt.csv")));
        } else {
            EpochMetrics.read(dir.resolve("metrics.csv")).forEach(e -> curves.add(0, e));
        }
        best.set(curves.best());
        revision.set(revision.get() + 1);
    }

    /** Asks the running job to stop after its current step; the last checkpoint is kept. */
    public void stop() {
        if (job != null && running.get()) {
            job.events.requestStop();
            status.set("Stopping after the current step …");
        }
    }

    /** Applies the events queued by the training thread; called on the FX thread once per pulse. */
    public void drain() {
        if (job == null) {
            return;
        }
        boolean changed = false;
        for (Object e : job.events.drain()) {
            changed = true;
            if (e instanceof RunEvents.MemberEpoch m) {
                curves.add(m.member(), m.metrics());
            } else if (e instanceof Generation g) {
                generations.add(g);
                Path live = job.out.resolve("live");
                if (Files.exists(live.resolve("summary.json"))) {
                    onLive.accept(live);
                }
            } else if (e instanceof RunEvents.Message m) {
                log.add(m.text());
            }
        }
        UiExecutors.Update u = job.events.takeProgress();
        if (u != null) {
            double f = u.fraction();
            progress.set(f);
            remaining.set(remainingText(f));
        }
        if (changed) {
            best.set(curves.best());
            revision.set(revision.get() + 1);
        }
    }

    private String remainingText(double f) {
        if (f <= 0) {
            return "";
        }
        double elapsed = (System.nanoTime() - startedNanos) / 1e9;
        double left = elapsed * (1 - f) / f;
        left = Math.min(left, Math.max(0, budgetMinutes() * 60 - elapsed)); // the time budget ends it sooner
        return String.format(Locale.ROOT, "%.0f%% · about %s left", 100 * f, minutes(left));
    }

    /** The running config's time budget in minutes (train.max_minutes or pbt.max_minutes; 0 = none). */
    private double budgetMinutes() {
        double m = job.config instanceof AutoLfadsConfig c ? c.pbt().maxMinutes()
                : job.config instanceof IlqrVaePbtConfig c ? c.pbt().maxMinutes()
                : job.config instanceof IlqrVaeConfig c ? c.train().maxMinutes()
                : ((LfadsConfig) job.config).train().maxMinutes();
        return m > 0 ? m : Double.POSITIVE_INFINITY;
    }

    private static String minutes(double seconds) {
        return seconds < 90 ? String.format(Locale.ROOT, "%.0f s", seconds)
                : String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }

    /** The service finished: the run directory holds its summary and outputs. */
    public void succeeded(Path runDir) {
        drain();
        progress.set(1);
        remaining.set("");
        status.set("Finished: " + runDir + (log.isEmpty() ? "" : " (" + log.get(log.size() - 1) + ")"));
        running.set(false);
        onFinished.accept(runDir);
    }

    /** The service failed, or stopped on request. */
    public void failed(Throwable t) {
        drain();
        remaining.set("");
        if (t instanceof TrainingStoppedException) {
            status.set("Stopped: " + t.getMessage());
        } else if (t instanceof DataException || t instanceof IllegalArgumentException) {
            status.set("Cannot train: " + t.getMessage());
        } else {
            status.set("Training failed: " + t);
        }
        running.set(false);
    }

    /** One run to do: built on the FX thread from the form, executed by the background service. */
    public static final class Job implements Callable<Path> {
        private final Dataset data;
        private final List<Path> files;
        private final NwbImportOptions nwb;
        private final Record config;
        private final long seed;
        private final Path out;
        private final RunEvents events;

        Job(Dataset data, List<Path> files, NwbImportOptions nwb, Record config, long seed, Path out,
            RunEvents events) {
            this.data = data;
            this.files = List.copyOf(files);
            this.nwb = nwb;
            this.config = config;
            this.seed = seed;
            this.out = out;
            this.events = events;
        }

        /** What is trained, for the status line. */
        String what() {
            return config instanceof AutoLfadsConfig ? "a population"
                    : config instanceof IlqrVaePbtConfig ? "a population of iLQR-VAEs"
                    : config instanceof IlqrVaeConfig ? "an iLQR-VAE" : "LFADS";
        }

        /** Trains, or resumes, and writes the outputs; returns the run directory. */
        @Override
        public Path call() throws Exception {
            String sha = Checksums.sha256(files);
            Map<String, String> options = new LinkedHashMap<>();
            if (nwb != null) {
                options.put("nwb_import", nwb.toString());
            }
            if (files.size() > 1) { // as the command line records several files
                List<String> each = new ArrayList<>();
                for (Path f : files) {
                    each.add(f.getFileName() + " " + Checksums.sha256(f));
                }
                options.put("sessions", String.join(", ", each));
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            String version = version();
            if (config instanceof AutoLfadsConfig || config instanceof IlqrVaePbtConfig) {
                PbtRun.run(new PbtRun.Spec(files, sha, options, data, config, seed, out, 50, version), events,
                        Progress.NONE);
            } else if (config instanceof IlqrVaeConfig c) {
                IlqrVaeRun.run(new IlqrVaeRun.Spec(files.get(0), sha, options, data.first(), c, seed, out, version),
                        events, Progress.NONE);
            } else {
                LfadsRun.run(new LfadsRun.Spec(files, sha, options, data, (LfadsConfig) config, seed, out, 50,
                        version), events, Progress.NONE);
            }
            return out;
        }

        private static String version() {
            String v = RunViewModel.class.getPackage().getImplementationVersion();
            return v == null ? "development" : v;
        }
    }

    public ConfigViewModel config() {
        return config;
    }

    public StringProperty outDirProperty() {
        return outDir;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    /** Increases whenever curves or generations changed: the view redraws then. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty bestProperty() {
        return best.getReadOnlyProperty();
    }

    public RunCurves curves() {
        return curves;
    }

    public ObservableList<Generation> generations() {
        return generationsView;
    }

    public ObservableList<String> log() {
        return logView;
    }
}
