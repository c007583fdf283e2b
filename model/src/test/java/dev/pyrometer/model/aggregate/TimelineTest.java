package dev.pyrometer.model.aggregate;

import static dev.pyrometer.model.aggregate.Ticks.IDLE;
import static dev.pyrometer.model.aggregate.Ticks.RUN;
import static dev.pyrometer.model.aggregate.Ticks.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.CancelledException;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import org.junit.jupiter.api.Test;

class TimelineTest {
    static final String[] WORK = {"app.py:main:3", "app.py:work:7"};

    /** 100 ticks: thread 0 runs Python code for 50, then native code for 50; thread 1 waits; memory grows 1 KB a tick. */
    static Profile twoHalves() {
        Ticks t = new Ticks();
        for (int i = 0; i < 100; i++) {
            int state = i < 50 ? RUN : RUN | SampleState.NATIVE;
            t.tick(1000 + i * 1024L, on(1, state, WORK), on(2, IDLE, "app.py:waiter:20"));
        }
        return t.profile();
    }

    @Test
    void lanesCountEachThreadsStatesPerBucket() {
        Timeline tl = Timeline.of(Snapshot.of(twoHalves()), 0, 100_000, 10, Cancel.NEVER);
        assertEquals(10, tl.buckets());
        assertEquals(2, tl.threads());
        assertEquals(99_000, tl.endMicros());
        assertEquals(10, tl.samples(0, 0));
        assertEquals(10, tl.samplesIn(0, 0, SampleState.CATEGORY_PYTHON));
        assertEquals(10, tl.gilSamples(0, 0));
        assertEquals(SampleState.CATEGORY_PYTHON, tl.dominantCategory(0, 4));
        assertEquals(SampleState.CATEGORY_NATIVE, tl.dominantCategory(0, 5));
        assertEquals(SampleState.CATEGORY_IDLE, tl.dominantCategory(1, 9));
        assertEquals(0, tl.gilSamples(1, 3));
        assertEquals(0, tl.bucketOf(5_000));
        assertEquals(9, tl.bucketOf(99_999));
        assertEquals(-1, tl.bucketOf(100_000));
    }

    @Test
    void cpuIsCoresInUseAndMemoryTheReadingsOfEachBucket() {
        Timeline tl = Timeline.of(Snapshot.of(twoHalves()), 0, 100_000, 10, Cancel.NEVER);
        // Ten running samples a bucket of 10 ms, each with 1 ms of CPU: one core.
        assertEquals(1.0, tl.cores(3), 1e-9);
        assertEquals(9_000, tl.userMicros(3));
        assertEquals(1_000, tl.systemMicros(3));
        assertEquals(1000 + 30 * 1024L, tl.memoryLow(3));
        assertEquals(1000 + 39 * 1024L, tl.memoryHigh(3));
    }

    @Test
    void aZoomedWindowCarriesMemoryInAndKnowsNothingPastTheEnd() {
        Snapshot snapshot = Snapshot.of(twoHalves());
        Timeline zoomed = Timeline.of(snapshot, 20_500, 22_500, 4, Cancel.NEVER);
        assertEquals(1000 + 20 * 1024L, zoomed.memoryLow(0), "no reading in the first half millisecond: the last one holds");
        assertEquals(1000 + 21 * 1024L, zoomed.memoryHigh(1));
        assertEquals(1, zoomed.samples(0, 1));
        assertEquals(0, zoomed.samples(0, 0));

        Timeline past = Timeline.of(snapshot, 90_000, 190_000, 10, Cancel.NEVER);
        assertEquals(1000 + 99 * 1024L, past.memoryHigh(0));
        assertEquals(-1, past.memoryHigh(5), "after the recording's last reading nothing is known");
        assertEquals(0, past.samples(0, 5));
    }

    @Test
    void samplesOutOfTimeOrderLandInTheirBucketsToo() {
        Profile p = dev.pyrometer.model.TestProfiles.create().at(50_000).add(10, "a.py:f:1").at(0).add(10, "a.py:g:2").profile();
        Timeline tl = Timeline.of(Snapshot.of(p), 0, 60_000, 6, Cancel.NEVER);
        assertEquals(10, tl.samples(0, 0));
        assertEquals(0, tl.samples(0, 2));
        assertEquals(10, tl.samples(0, 5));
        assertEquals(59_000, tl.endMicros());
    }

    @Test
    void itCanBeCancelled() {
        Profile big = new Profile();
        int thread = big.thread(1, "main");
        int frame = big.frame("a.py", "f", 1, 1);
        for (int i = 0; i < 10_000; i++) big.sample(i * 1000L, thread, new int[] {frame}, 1, RUN, 0, 0);
        assertThrows(CancelledException.class, () -> Timeline.of(Snapshot.of(big), 0, 10_000, 100, () -> true));
    }
}
