package org.latentlab.ui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.latentlab.core.pbt.Generation;
import org.latentlab.core.pbt.PopulationListener;
import org.latentlab.core.train.EpochMetrics;
import org.latentlab.ui.UiExecutors;

/**
 * The bridge from the training thread to the FX thread: training events go into a queue that the FX thread
 * drains once per pulse, and progress is coalesced to its latest value, so a fast run can never flood the
 * FX event queue. Stop requests travel the other way through a flag the training loop polls.
 */
final class RunEvents implements PopulationListener {
    /** One member finished an epoch (a single-model run is member 0). */
    record MemberEpoch(int member, EpochMetrics metrics) {
    }

    record Message(String text) {
    }

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicReference<UiExecutors.Update> progress = new AtomicReference<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final boolean population;

    RunEvents(boolean population) {
        this.population = population;
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        if (!population) {
            queue.add(new MemberEpoch(0, metrics));
        }
    }

    @Override
    public void onMemberEpoch(int member, EpochMetrics metrics) {
        queue.add(new MemberEpoch(member, metrics));
    }

    @Override
    public void onGeneration(Generation generation) {
        queue.add(generation);
    }

    @Override
    public void onMessage(String message) {
        queue.add(new Message(message));
    }

    @Override
    public void onProgress(long done, long total, String what) {
        progress.set(new UiExecutors.Update(done, total, what));
    }

    @Override
    public boolean stopRequested() {
        return stop.get();
    }

    void requestStop() {
        stop.set(true);
    }

    /** Everything queued since the last call, in order. */
    List<Object> drain() {
        List<Object> out = new ArrayList<>();
        for (Object e; (e = queue.poll()) != null; ) {
            out.add(e);
        }
        return out;
    }

    /** The latest progress report, or null when there was none since the last call. */
    UiExecutors.Update takeProgress() {
        return progress.getAndSet(null);
    }
}
