package org.latentlab.ui.run;

import java.util.ArrayList;
import java.util.List;
import org.latentlab.core.train.EpochMetrics;

/**
 * The per-member curves of a run as they arrive: for each member its epochs' smoothed validation recon,
 * training loss and validation score (rate R² against truth when the data have it, else bits per spike).
 * Owned by the FX thread; the view appends the points added since it last looked.
 */
public final class RunCurves {
    /** One point of one member's curves. */
    public record Point(int epoch, double validSmooth, double trainLoss, double score) {
    }

    private final List<List<Point>> members = new ArrayList<>();
    private boolean scoreIsR2 = true;

    void add(int member, EpochMetrics m) {
        while (members.size() <= member) {
            members.add(new ArrayList<>());
        }
        if (members.get(member).isEmpty() && member == 0 && Double.isNaN(m.validR2())) {
            scoreIsR2 = false;
        }
        double score = scoreIsR2 ? m.validR2() : m.validBps();
        List<Point> pts = members.get(member);
        // A resumed run replays epochs after its checkpoint: drop the points it redoes.
        pts.removeIf(p -> p.epoch() >= m.epoch());
        pts.add(new Point(m.epoch(), m.validSmooth(), m.loss(), score));
    }

    void clear() {
        members.clear();
        scoreIsR2 = true;
    }

    public int members() {
        return members.size();
    }

    public List<Point> points(int member) {
        return member < members.size() ? List.copyOf(members.get(member)) : List.of();
    }

    /** "rate R²" or "bits/spike": what {@link Point#score()} holds. */
    public String scoreName() {
        return scoreIsR2 ? "valid rate R²" : "valid bits/spike";
    }

    /** The member whose latest smoothed validation recon is lowest, or -1. */
    public int best() {
        int best = -1;
        double value = Double.POSITIVE_INFINITY;
        for (int m = 0; m < members.size(); m++) {
            List<Point> pts = members.get(m);
            if (!pts.isEmpty() && pts.get(pts.size() - 1).validSmooth() < value) {
                value = pts.get(pts.size() - 1).validSmooth();
                best = m;
            }
        }
        return best;
    }
}
