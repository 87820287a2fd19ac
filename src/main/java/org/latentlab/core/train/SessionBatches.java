package org.latentlab.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.latentlab.core.data.Dataset;
import org.latentlab.core.data.Split;

/**
 * An epoch's optimisation steps over a dataset's sessions: each session's training trials cut into batches
 * of at most the batch size (capped at the session's trial count), one session per batch. With several
 * sessions the batches are shuffled together, so consecutive steps mix sessions.
 */
public final class SessionBatches {
    private SessionBatches() {
    }

    /** Positions {@code [from, to)} of session {@code session}'s shuffled training trials. */
    public record Slot(int session, int from, int to) {
    }

    /** The batch size a session of {@code trials} training trials uses. */
    public static int batchSize(int configured, int trials) {
        return Math.min(configured, trials);
    }

    /** Every session's batches, in session order. */
    public static List<Slot> slots(Dataset data, int configured) {
        List<Slot> out = new ArrayList<>();
        for (int i = 0; i < data.sessions().size(); i++) {
            int n = data.sessions().get(i).split(Split.TRAIN).trials();
            int batch = batchSize(configured, n);
            for (int from = 0; from < n; from += batch) {
                out.add(new Slot(i, from, Math.min(n, from + batch)));
            }
        }
        return out;
    }

    /** The slots in a random order drawn from {@code rng}; a single session's keep theirs (and draw nothing). */
    public static List<Slot> mixed(Dataset data, List<Slot> slots, SplittableRandom rng) {
        if (data.sessions().size() == 1) {
            return slots;
        }
        List<Slot> out = new ArrayList<>(slots.size());
        for (int k : LfadsTrainer.permutation(slots.size(), rng)) {
            out.add(slots.get(k));
        }
        return out;
    }
}
