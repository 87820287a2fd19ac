package org.latentlab.core.pbt;

import java.util.List;

/**
 * lfads-torch's {@code ImprovementRatioStopper}: with {@code h} the population's best metric at each
 * generation boundary after burn-in, stop once the last {@code patience} values improve on the first of them
 * by at most {@code minImprovement} of their mean magnitude:
 * {@code (h[-p] - min(h[-p:])) / mean(|h[-p:]|) <= minImprovement}.
 */
public final class StopRule {
    private StopRule() {
    }

    public static boolean shouldStop(List<Double> bestHistory, int patience, double minImprovement) {
        int n = bestHistory.size();
        if (n < patience) {
            return false;
        }
        List<Double> window = bestHistory.subList(n - patience, n);
        double first = window.get(0);
        double min = window.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double meanAbs = window.stream().mapToDouble(Math::abs).average().orElseThrow();
        return (first - min) / meanAbs <= minImprovement;
    }
}
