package org.latentlab.core.pbt;

import java.util.List;

/**
 * What happened at one generation boundary.
 *
 * @param generation  0-based index of the generation that ended
 * @param epoch       the first epoch of the next generation
 * @param rows        its {@code pbt.csv} rows
 * @param bestMember  the member with the lowest metric
 * @param bestMetric  that metric (smoothed validation recon)
 * @param exploited   whether exploit/explore ran (false during burn-in)
 * @param seconds     wall time of the generation
 */
public record Generation(int generation, int epoch, List<PbtRow> rows, int bestMember, double bestMetric,
                         boolean exploited, double seconds) {

    /** Members that copied another member at this boundary. */
    public long exploits() {
        return rows.stream().filter(r -> r.action().equals("exploit") || r.action().equals("replace")).count();
    }
}
