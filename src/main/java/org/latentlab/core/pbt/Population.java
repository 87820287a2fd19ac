package org.latentlab.core.pbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.core.config.HyperRange;
import org.latentlab.core.config.PbtConfig;

/**
 * The state of a PBT run between generations, saved with the population's tensors: every member's
 * hyperparameters, smoothed metric and parent, the population's best metric per generation after burn-in,
 * time used, and why the run stopped (once it has). Arrays are indexed by member.
 */
final class Population {
    private static final ObjectMapper JSON = new ObjectMapper();

    int generation;
    double elapsedSeconds;
    double lastGenerationSeconds;
    final double[][] hyper;
    final double[] smooth;
    final double[] metric;
    final double[] validR2;
    final int[] parent;
    final List<Double> bestHistory;
    String stopReason;

    private Population(int members, List<Double> bestHistory) {
        hyper = new double[members][];
        smooth = new double[members];
        metric = new double[members];
        validR2 = new double[members];
        parent = new int[members];
        this.bestHistory = bestHistory;
        Arrays.fill(smooth, Double.NaN);
        Arrays.fill(metric, Double.NaN);
        Arrays.fill(validR2, Double.NaN);
    }

    /**
     * Generation 0: searched hyperparameters drawn per member from their own generators, the rest as
     * configured ({@code configured} holds the run config's values in {@code space}'s order).
     */
    static Population initial(PbtConfig pbt, HyperSpace space, double[] configured, long seed) {
        Population p = new Population(pbt.population(), new ArrayList<>());
        for (int m = 0; m < pbt.population(); m++) {
            var rng = PbtRandom.init(seed, m);
            p.hyper[m] = configured.clone();
            for (int i = 0; i < space.size(); i++) {
                HyperRange r = space.get(i).range();
                if (r.search()) {
                    p.hyper[m][i] = Explore.initial(r, configured[i], rng);
                }
            }
            p.parent[m] = m;
        }
        return p;
    }

    /** The member with the lowest finite metric at the last boundary, or -1 when none is finite. */
    int best() {
        int best = -1;
        for (int m = 0; m < metric.length; m++) {
            if (Double.isFinite(metric[m]) && (best < 0 || metric[m] < metric[best])) {
                best = m;
            }
        }
        return best;
    }

    Map<String, Object> toFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("generation", generation);
        f.put("elapsed_seconds", elapsedSeconds);
        f.put("last_generation_seconds", lastGenerationSeconds);
        f.put("hyper", hyper);
        f.put("smooth", smooth);
        f.put("metric", metric);
        f.put("valid_r2", validR2);
        f.put("parent", parent);
        f.put("best_history", bestHistory);
        f.put("stop_reason", stopReason);
        return f;
    }

    static Population fromFields(JsonNode n) {
        try {
            double[][] hyper = JSON.treeToValue(n.get("hyper"), double[][].class);
            Population p = new Population(hyper.length,
                    new ArrayList<>(Arrays.asList(JSON.treeToValue(n.get("best_history"), Double[].class))));
            p.generation = n.get("generation").asInt();
            p.elapsedSeconds = n.get("elapsed_seconds").asDouble();
            p.lastGenerationSeconds = n.get("last_generation_seconds").asDouble();
            System.arraycopy(hyper, 0, p.hyper, 0, hyper.length);
            copy(JSON.treeToValue(n.get("smooth"), double[].class), p.smooth);
            copy(JSON.treeToValue(n.get("metric"), double[].class), p.metric);
            copy(JSON.treeToValue(n.get("valid_r2"), double[].class), p.validR2);
            int[] parent = JSON.treeToValue(n.get("parent"), int[].class);
            System.arraycopy(parent, 0, p.parent, 0, parent.length);
            p.stopReason = n.hasNonNull("stop_reason") ? n.get("stop_reason").asText() : null;
            return p;
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalArgumentException("population state is incomplete (" + e.getMessage() + ")", e);
        }
    }

    private static void copy(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, to.length);
    }
}
