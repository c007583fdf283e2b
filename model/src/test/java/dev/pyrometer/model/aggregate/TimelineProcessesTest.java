package dev.pyrometer.model.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import org.junit.jupiter.api.Test;

/** The timeline of a recording of several processes: each process's CPU line per bucket, its start and its end. */
class TimelineProcessesTest {
    private static final int RUN = SampleState.RUNNING | SampleState.GIL;

    /**
     * A parent (pid 100, one thread, idle all along, 0–100 ms) and a worker (pid 101, two threads, born at 20 ms,
     * ended at 60 ms): the worker's first thread runs with 1 ms of CPU per 1 ms tick, its second with 0.5 ms.
     */
    static Profile parentAndWorker(boolean workerEnded) {
        Profile p = new Profile();
        int parent = p.process(new ProcessInfo(100, 1, -1, "python3 pool.py", "3.13.1", 0, ProcessInfo.RUNNING));
        int main = p.thread(parent, 100, "MainThread");
        int frame = p.frame("pool.py", "main", 3, 1);
        int work = p.frame("pool.py", "work", 9, 8);
        int worker = -1, busy = -1, half = -1;
        for (int ms = 0; ms < 100; ms++) {
            long nanos = ms * 1_000_000L;
            if (ms == 20) {
                worker = p.process(new ProcessInfo(101, 100, parent, "python3 pool.py", "3.13.1", 20_000, ProcessInfo.RUNNING));
                busy = p.thread(worker, 101, "MainThread");
                half = p.thread(worker, 102, "helper");
            }
            p.sample(nanos, main, new int[] {frame}, 1, 0, 0, 0);
            if (ms >= 20 && ms < 60) {
                p.sample(nanos, busy, new int[] {work, frame}, 2, RUN, 800, 200);
                p.sample(nanos, half, new int[] {work, frame}, 2, SampleState.RUNNING, 500, 0);
            }
            if (ms == 60 && workerEnded) p.processEnded(worker, nanos);
        }
        return p;
    }

    @Test
    void eachProcessHasItsOwnCpuLineAndTheWholeTrackIsTheirSum() {
        Timeline tl = Timeline.of(Snapshot.of(parentAndWorker(true)), 0, 100_000, 10, Cancel.NEVER);
        assertEquals(2, tl.processes());
        assertEquals(0, tl.processOf(0));
        assertEquals(1, tl.processOf(1));
        assertEquals(1, tl.processOf(2));
        for (int b = 0; b < 10; b++) {
            boolean alive = b >= 2 && b < 6;
            assertEquals(0, tl.processCores(0, b), 1e-9, "the parent waits: no CPU in bucket " + b);
            // 10 ticks a bucket of 10 ms, 1.5 ms of CPU each: 1.5 cores while the worker lives, none before or after.
            assertEquals(alive ? 1.5 : 0, tl.processCores(1, b), 1e-9, "worker, bucket " + b);
            assertEquals(alive ? 13_000 : 0, tl.processUserMicros(1, b));
            assertEquals(alive ? 2_000 : 0, tl.processSystemMicros(1, b));
            assertEquals(tl.cores(b), tl.processCores(0, b) + tl.processCores(1, b), 1e-9, "sum, bucket " + b);
        }
    }

    @Test
    void aProcessKeepsItsStartAndEndAndAnEndedOneIsStillThere() {
        Timeline tl = Timeline.of(Snapshot.of(parentAndWorker(true)), 0, 100_000, 10, Cancel.NEVER);
        ProcessInfo worker = tl.process(1);
        assertEquals(101, worker.pid());
        assertEquals(20_000, worker.startMicros());
        assertTrue(worker.ended());
        assertEquals(60_000, worker.endMicros());
        assertFalse(tl.process(0).ended());
        assertEquals(0, tl.samples(1, 1), "nothing of the worker's before its start");
        assertEquals(10, tl.samples(1, 2));
        assertEquals(0, tl.samples(1, 6), "nor after its end");

        Timeline running = Timeline.of(Snapshot.of(parentAndWorker(false)), 0, 100_000, 10, Cancel.NEVER);
        assertFalse(running.process(1).ended());
    }

    @Test
    void aProcessWithoutASampleYetIsNotShownAndAZoomedWindowCountsOnlyItsBuckets() {
        Profile p = parentAndWorker(false);
        // Met by the follower, but no thread of it sampled yet (a live recording between the two).
        p.process(new ProcessInfo(103, 100, 0, "python3 pool.py", "3.13.1", 99_000, ProcessInfo.RUNNING));
        Timeline tl = Timeline.of(Snapshot.of(p), 0, 100_000, 10, Cancel.NEVER);
        assertEquals(2, tl.processes());

        Timeline zoomed = Timeline.of(Snapshot.of(p), 15_000, 25_000, 2, Cancel.NEVER);
        assertEquals(0, zoomed.processCores(1, 0), 1e-9);
        assertEquals(1.5, zoomed.processCores(1, 1), 1e-9);
    }

    @Test
    void aRecordingOfOneProcessHasNoProcessLines() {
        Profile p = new Profile();
        int t = p.thread(7, "MainThread");
        p.sample(0, t, new int[] {p.frame("a.py", "f", 1, 1)}, 1, RUN, 900, 100);
        Timeline tl = Timeline.of(Snapshot.of(p), 0, 1_000, 4, Cancel.NEVER);
        assertEquals(0, tl.processes());
        assertEquals(-1, tl.processOf(0));
    }
}
