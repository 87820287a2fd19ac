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

    /** The first (for single-session data, the only) session. */
    public Session first() {
        return sessions.get(0);
    }
}
