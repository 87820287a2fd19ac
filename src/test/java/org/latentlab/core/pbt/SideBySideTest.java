package org.latentlab.core.pbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.core.engine.TorchThreads;
import org.latentlab.core.train.TrainingStoppedException;

/** Parts run on worker threads; their events reach the listener on the calling thread; stops and failures spread. */
class SideBySideTest {

    /** Records what reached it, and on which thread. */
    private static final class Recorder implements PopulationListener {
        final List<String> messages = new ArrayList<>();
        final List<Long> progress = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();
        final int stopAfter;

        Recorder(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void onMessage(String message) {
            messages.add(message);
            threads.add(Thread.currentThread());
        }

        @Override
        public void onProgress(long done, long total, String what) {
            progress.add(done);
            threads.add(Thread.currentThread());
        }

        @Override
        public boolean stopRequested() {
            return progress.size() >= stopAfter;
        }
    }

    @Test
    void aFailingPartStopsTheOthersAndItsErrorIsRethrownRatherThanTheirStops() {
        Recorder r = new Recorder(Integer.MAX_VALUE);
        IllegalStateException boom = new IllegalStateException("boom");
        SideBySide.Part failing = relay -> {
            relay.onMessage("failing");
            throw boom;
        };
        SideBySide.Part waiting = relay -> {
            relay.onMessage("waiting");
            while (!relay.stopRequested()) {
                Thread.onSpinWait(); // ends only because the other part's failure stops it
            }
            throw new TrainingStoppedException("stopped");
        };
        try (TorchThreads threads = new TorchThreads(2, 1, "test")) {
            assertSame(boom, assertThrows(IllegalStateException.class,
                    () -> SideBySide.run(threads, List.of(waiting, failing), r, 0, 1)));
        }
        assertEquals(2, r.messages.size());
        assertTrue(r.messages.containsAll(List.of("failing", "waiting")));
        assertTrue(r.threads.stream().allMatch(t -> t == Thread.currentThread()), "listener called off the training thread");
    }

    /** After a stop, one part stops and the other fails, in either order: the failure is what the caller sees. */
    @Test
    void anErrorOutranksAStopWhicheverEndsFirst() {
        Recorder r = new Recorder(1);
        IllegalStateException boom = new IllegalStateException("boom");
        SideBySide.Part stopping = relay -> {
            relay.step("step");
            while (!relay.stopRequested()) {
                Thread.onSpinWait();
            }
            throw new TrainingStoppedException("stopped");
        };
        SideBySide.Part failing = relay -> {
            while (!relay.stopRequested()) {
                Thread.onSpinWait();
            }
            throw boom;
        };
        try (TorchThreads threads = new TorchThreads(2, 1, "test")) {
            assertSame(boom, assertThrows(IllegalStateException.class,
                    () -> SideBySide.run(threads, List.of(stopping, failing), r, 0, 1)));
        }
    }

    @Test
    void aStopTheListenerAsksForEndsEveryPartAndProgressCountsOnFromWhereItWas() {
        Recorder r = new Recorder(6);
        SideBySide.Part stepping = relay -> {
            while (!relay.stopRequested()) {
                relay.step("step");
            }
            throw new TrainingStoppedException("stopped");
        };
        try (TorchThreads threads = new TorchThreads(2, 1, "test")) {
            assertThrows(TrainingStoppedException.class,
                    () -> SideBySide.run(threads, List.of(stepping, stepping), r, 100, 1000));
        }
        assertTrue(r.progress.size() >= 6, "stopped before the listener asked: " + r.progress.size());
        for (int i = 0; i < r.progress.size(); i++) {
            assertEquals(101 + i, r.progress.get(i), "progress counts one step at a time from the steps done before");
        }
        assertTrue(r.threads.stream().allMatch(t -> t == Thread.currentThread()), "listener called off the training thread");
    }

    @Test
    void withoutWorkerThreadsTheOnePartRunsOnTheCallingThreadAndSeesTheStopAtOnce() {
        Recorder r = new Recorder(3);
        List<Thread> ranOn = new ArrayList<>();
        SideBySide.Part stepping = relay -> {
            ranOn.add(Thread.currentThread());
            while (!relay.stopRequested()) {
                relay.step("step");
            }
            throw new TrainingStoppedException("stopped");
        };
        assertThrows(TrainingStoppedException.class, () -> SideBySide.run(null, List.of(stepping), r, 0, 10));
        assertEquals(List.of(Thread.currentThread()), ranOn);
        assertEquals(List.of(1L, 2L, 3L), r.progress, "the stop is seen at the first poll after the listener asks");
    }

    @Test
    void workersAreOnePerThreadOnTheCpuOneOnAGpuAndNeverMoreThanMembers() {
        assertEquals(2, SideBySide.count(0, 16, 2, false));
        assertEquals(1, SideBySide.count(0, 16, 2, true));
        assertEquals(3, SideBySide.count(0, 3, 8, false));
        assertEquals(4, SideBySide.count(4, 16, 2, true), "a configured count wins");
        assertEquals(2, SideBySide.count(5, 2, 2, false));
    }
}
