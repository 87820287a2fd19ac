package org.latentlab.core.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a model is fitted to: one or more sessions (multi-session data has one per recording; most data
 * has one). Immutable and validated on construction.
 */
public record Dataset(List<Session> sessions) {

    public Dataset {
        if (sessions == null || sessions.isEmpty()) {
            throw new DataException("a dataset needs at least one session");
        }
        sessions = List.copyOf(sessions);
        Set<String> names = new HashSet<>();
        for (Session s : sessions) {
            if (!names.add(s.name())) {
                throw new DataException("two sessions are named '" + s.name() + "'");
            }
        }
    }

    public static Dataset of(Session session) {
        return new Dataset(List.of(session));
    }

    /**
     * Refuses sessions that cannot share one model: they must agree on bins, bin size (where both files give
     * it), forward bins and external inputs (their channels may differ: each has its own read-in and readout).
     */
    public void checkSessionsAgree() {
        Session first = first();
        for (Session s : sessions) {
            String what = null;
            if (s.bins() != first.bins()) {
                what = s.bins() + " bins but session '" + first.name() + "' has " + first.bins();
            } else if (s.forwardBins() != first.forwardBins()) {
                what = s.forwardBins() + " forward bins but session '" + first.name() + "' has " + first.forwardBins();
            } else if (!Double.isNaN(s.binSizeMs()) && !Double.isNaN(first.binSizeMs())
                    && s.binSizeMs() != first.binSizeMs()) {
                what = "bins of " + s.binSizeMs() + " ms but session '" + first.name() + "' has bins of "
                        + first.binSizeMs() + " ms";
            } else if (s.extInputChannels() != first.extInputChannels()) {
                what = s.extInputChannels() + " external-input channels but session '" + first.name() + "' has "
                        + first.extInputChannels();
            }
            if (what != null) {
                throw new DataException("session '" + s.name() + "' has " + what
                        + " (the sessions of one model must share bins, bin size, forward bins and external inputs)");
            }
        }
    }

    /** The first (for single-session data, the only) session. */
    public Session first() {
        return sessions.get(0);
    }
}
