package org.latentlab.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.latentlab.core.data.AtomicFiles;
import org.latentlab.core.data.DataException;
import org.latentlab.core.pbt.Generation;
import org.latentlab.core.train.EpochMetrics;

/**
 * One self-contained HTML page about a finished run (train or pbt): what was run (config, data, seed,
 * versions), why it stopped, its scores per split, its training curves and, for a population, the best
 * member's hyperparameters and every member's trajectories. Plots are embedded PNGs, so the page can be
 * mailed or attached to a lab notebook as one file.
 */
public final class RunReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The hyperparameters whose trajectories a population's report charts when they were searched: AutoLFADS's
     * learning rate, controller KL and generator L2, and an iLQR-VAE population's three. Any other population
     * gets every searched one.
     */
    private static final List<String> TRAJECTORIES = List.of("lr_init", "kl_co_scale", "l2_gen_scale", "l2_scale",
            "prior.scale_init");

    private RunReport() {
    }

    /** Writes the report of {@code run} to {@code out} (atomically). */
    public static void write(Path run, Path out) {
        JsonNode summary = read(run.resolve("summary.json"));
        boolean pbt = Files.exists(run.resolve("pbt.csv"));
        StringBuilder h = new StringBuilder();
        String name = String.valueOf(run.toAbsolutePath().normalize().getFileName());
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(name))
                .append(" · LatentLab run report</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                        + "th{background:#f3f3f3}td:first-child{text-align:left}pre{background:#f7f7f7;padding:8px;"
                        + "overflow:auto;max-height:30em}img{max-width:100%}</style></head><body>\n");
        boolean ilqr = summary.path("model").asText().equals("ilqr-vae");
        String model = ilqr ? (pbt ? "iLQR-VAE population (population-based training)" : "iLQR-VAE")
                : pbt ? "AutoLFADS (population-based training)" : "LFADS";
        h.append("<h1>").append(esc(name)).append("</h1>\n<p>").append(model).append(" · stopped: ").append(esc(summary.path("stop_reason").asText())).append(" · ")
                .append(summary.path("epochs").asInt()).append(" epochs");
        if (pbt) {
            h.append(" · ").append(summary.path("generations").asInt()).append(" generations · best member ")
                    .append(summary.path("best_member").asInt());
            if (summary.has("executor")) { // runs before executors were recorded have none
                h.append(" · ").append(esc(summary.path("executor").asText()));
            }
        }
        h.append("</p>\n");
        JsonNode prov = summary.path("provenance");
        JsonNode files = prov.path("data_file");
        List<String> names = new ArrayList<>();
        if (files.isArray()) {
            files.forEach(f -> names.add(f.asText()));
        } else {
            names.add(files.asText());
        }
        h.append("<p>data ").append(esc(String.join(", ", names))).append(" (sha256 ")
                .append(esc(prov.path("data_sha256").asText())).append("), seed ").append(prov.path("seed").asLong())
                .append(", ").append(esc(prov.path("versions").path("engine").asText())).append(", LatentLab ")
                .append(esc(prov.path("versions").path("latentlab").asText())).append("</p>\n");
        if (summary.has("sessions")) {
            h.append("<h2>Scores averaged over the sessions (weighted by their trials)</h2>\n")
                    .append(scores(summary.path("scores")));
            for (JsonNode session : summary.path("sessions")) {
                h.append("<h3>Session ").append(esc(session.path("name").asText())).append("</h3>\n")
                        .append(scores(session.path("scores")));
            }
        } else {
            h.append("<h2>Scores</h2>\n").append(scores(summary.path("scores")));
        }
        h.append("<h2>Training</h2>\n");
        List<List<EpochMetrics>> members = new ArrayList<>();
        if (pbt) {
            for (int m = 0; Files.isDirectory(run.resolve(String.format(Locale.ROOT, "members/m%02d", m))); m++) {
                members.add(EpochMetrics.read(run.resolve(String.format(Locale.ROOT, "members/m%02d/metrics.csv", m))));
            }
        } else {
            members.add(EpochMetrics.read(run.resolve("metrics.csv")));
        }
        // The smoothed validation metric: LFADS's recon, an iLQR-VAE's -ELBO (what early stopping and PBT use).
        h.append(img(curves(members, ilqr ? "Validation loss, -ELBO (smoothed)" : "Validation recon (smoothed)",
                EpochMetrics::validSmooth)));
        h.append(img(curves(members, "Validation rate R² (NaN without truth)", EpochMetrics::validR2)));
        h.append(img(curves(members, "Training loss", EpochMetrics::loss)));
        if (pbt) {
            h.append("<h2>Best member's hyperparameters</h2>\n<table>");
            summary.path("best_hyperparameters").fields().forEachRemaining(e -> h.append("<tr><td>")
                    .append(esc(e.getKey())).append("</td><td>").append(num(e.getValue().asDouble())).append("</td></tr>"));
            h.append("</table>\n");
            List<Generation> gens = Generation.read(run.resolve("pbt.csv"));
            List<String> searched = Generation.varying(gens);
            List<String> shown = searched.stream().filter(TRAJECTORIES::contains).toList();
            for (String column : shown.isEmpty() ? searched : shown) {
                h.append(img(trajectory(gens, column, members.size())));
            }
        }
        h.append("<h2>Config</h2>\n<pre>").append(esc(text(run.resolve(pbt ? "pbt-config.yaml" : "config.yaml"))))
                .append("</pre>\n</body></html>\n");
        AtomicFiles.writeString(out, h.toString());
    }

    private static String scores(JsonNode scores) {
        Set<String> metrics = new LinkedHashSet<>();
        scores.fields().forEachRemaining(s -> s.getValue().fieldNames().forEachRemaining(metrics::add));
        StringBuilder t = new StringBuilder("<table><tr><th>split</th>");
        metrics.forEach(m -> t.append("<th>").append(esc(m)).append("</th>"));
        t.append("</tr>\n");
        scores.fields().forEachRemaining(s -> {
            t.append("<tr><td>").append(esc(s.getKey())).append("</td>");
            for (String m : metrics) {
                JsonNode v = s.getValue().get(m);
                t.append("<td>").append(v == null || !v.isNumber() ? "—" : num(v.asDouble())).append("</td>");
            }
            t.append("</tr>\n");
        });
        return t.append("</table>\n").toString();
    }

    private static JFreeChart curves(List<List<EpochMetrics>> members, String title, ToDoubleFunction<EpochMetrics> y) {
        int n = members.stream().mapToInt(List::size).max().orElse(0);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        double[][] ys = new double[members.size()][n];
        List<String> names = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            java.util.Arrays.fill(ys[m], Double.NaN);
            for (EpochMetrics e : members.get(m)) {
                if (e.epoch() < n) {
                    ys[m][e.epoch()] = y.applyAsDouble(e);
                }
            }
            names.add(members.size() == 1 ? "run" : "member " + m);
        }
        JFreeChart c = Charts.lines(title, "epoch", "", x, ys, names);
        ((org.jfree.chart.axis.NumberAxis) c.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        if (title.contains("R²")) {
            Charts.floorR2Axis(c);
        }
        return c;
    }

    private static JFreeChart trajectory(List<Generation> gens, String hp, int members) {
        double[] x = new double[gens.size()];
        double[][] ys = new double[members][gens.size()];
        for (int g = 0; g < gens.size(); g++) {
            x[g] = gens.get(g).epoch();
            double[] values = gens.get(g).valuesAfter(hp, members);
            for (int m = 0; m < members; m++) {
                ys[m][g] = values[m];
            }
        }
        List<String> names = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            names.add("member " + m);
        }
        return Charts.lines(hp + " after each generation", "epoch", hp, x, ys, names);
    }

    private static String img(JFreeChart chart) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, 900, 320);
            return "<p><img alt=\"" + esc(chart.getTitle() == null ? "chart" : chart.getTitle().getText())
                    + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray())
                    + "\"></p>\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path f) {
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw DataException.inFile(f.getParent(), "has no readable summary.json (the run has not finished)");
        }
    }

    private static String text(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + f.getFileName() + " is missing)";
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
