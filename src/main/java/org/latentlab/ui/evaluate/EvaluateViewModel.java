package org.latentlab.ui.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.core.data.Split;
import org.latentlab.core.data.SplitData;
import org.latentlab.core.data.Tensor3;
import org.latentlab.core.eval.RateR2;
import org.latentlab.ui.inspect.InspectRun;
import org.latentlab.ui.inspect.InspectViewModel;

/**
 * The Evaluate screen: every run opened in this session, side by side, one row per run and split with its
 * scores from {@code summary.json} (recon, bits per spike, co-bps, fp-bps, rate R², input and latent
 * recovery, whatever the run scored), and for the run shown in Inspect its predicted against true rates.
 */
public final class EvaluateViewModel {
    /** One run and split; {@code values} line up with {@link #metrics()} (NaN where the run has none). */
    public record Row(String run, String split, List<Double> values) {
    }

    /**
     * Predicted against true expected counts per bin of one split, subsampled to at most
     * {@value #MAX_POINTS} points, with the R² of all of them.
     */
    public record Scatter(String run, String split, double[] truth, double[] predicted, double r2) {
    }

    static final int MAX_POINTS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Path> runs = new ArrayList<>();
    private final List<JsonNode> summaries = new ArrayList<>();
    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> metricsView = FXCollections.unmodifiableObservableList(metrics);
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Scatter> scatter = new ReadOnlyObjectWrapper<>(this, "scatter");

    public EvaluateViewModel(InspectViewModel inspect) {
        inspect.runProperty().addListener((obs, was, run) -> {
            if (run != null) {
                add(run.dir());
                scatter.set(scatterOf(run));
            }
        });
    }

    /** Adds a finished run (its summary.json); a run already listed is read again. */
    public void add(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        JsonNode summary;
        try {
            summary = JSON.readTree(d.resolve("summary.json").toFile());
        } catch (IOException e) {
            return; // not finished: nothing to compare yet
        }
        int i = runs.indexOf(d);
        if (i >= 0) {
            summaries.set(i, summary);
        } else {
            runs.add(d);
            summaries.add(summary);
        }
        refresh();
    }

    private static void addRows(List<Row> out, String name, JsonNode scores, Set<String> names) {
        for (Map.Entry<String, JsonNode> split : iterable(scores)) {
            List<Double> values = new ArrayList<>();
            for (String m : names) {
                JsonNode v = split.getValue().get(m);
                values.add(v == null || !v.isNumber() ? Double.NaN : v.asDouble());
            }
            out.add(new Row(name, split.getKey(), values));
        }
    }

    private void refresh() {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode s : summaries) {
            s.path("scores").fields().forEachRemaining(split -> split.getValue().fieldNames().forEachRemaining(names::add));
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String name = label(runs.get(i), summaries.get(i));
            JsonNode sessions = summaries.get(i).path("sessions");
            if (sessions.isArray() && sessions.size() > 0) {
                // A multi-session run: a row per session and split (the summary's own scores average them).
                for (JsonNode session : sessions) {
                    addRows(out, name + " · " + session.path("name").asText(), session.path("scores"), names);
                }
            } else {
                addRows(out, name, summaries.get(i).path("scores"), names);
            }
        }
        metrics.setAll(names);
        rows.setAll(out);
    }

    /** The run's directory name, with "(PBT, best member k)" for a population. */
    private static String label(Path dir, JsonNode summary) {
        String name = String.valueOf(dir.getFileName());
        return summary.has("best_member") ? name + " (PBT, member " + summary.get("best_member").asInt() + ")" : name;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        n.fields().forEachRemaining(out::add);
        return out;
    }

    /** Valid (else train) rates against truth, or null when the data carry no true rates. */
    static Scatter scatterOf(InspectRun run) {
        Split split = run.outputs().containsKey(Split.VALID) ? Split.VALID : Split.TRAIN;
        SplitData d = run.session().split(split);
        InspectRun.Outputs o = run.outputs().get(split);
        if (d == null || o == null || d.truth() == null) {
            return null;
        }
        Tensor3 truth = d.truth();
        Tensor3 pred = o.rates();
        double cf = run.session().conversionFactor();
        int n = truth.trials() * truth.time() * truth.channels();
        int keep = Math.min(n, MAX_POINTS);
        double[] x = new double[keep];
        double[] y = new double[keep];
        SplittableRandom rng = new SplittableRandom(1);
        for (int k = 0; k < keep; k++) {
            int idx = keep == n ? k : rng.nextInt(n);
            int c = idx % truth.channels();
            int t = (idx / truth.channels()) % truth.time();
            int i = idx / (truth.channels() * truth.time());
            x[k] = truth.get(i, t, c) / cf;
            y[k] = pred.get(i, t, c);
        }
        return new Scatter(String.valueOf(run.dir().getFileName()), split.key(), x, y, RateR2.score(truth, cf, pred));
    }

    public ObservableList<String> metrics() {
        return metricsView;
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<Scatter> scatterProperty() {
        return scatter.getReadOnlyProperty();
    }
}
