package dev.pyrometer.model.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.TestProfiles;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackCountsTest {
    private static final int RUN = SampleState.RUNNING;
    private static final int GIL = SampleState.RUNNING | SampleState.GIL;

    /** 10 samples on thread 1 (holding the GIL) at 0..9 ms, 10 idle on thread 2 at 10..19 ms, 5 running on 3. */
    static Profile threeThreads() {
        return TestProfiles.create()
            .add(10, 1, GIL, "a.py:f:1")
            .add(10, 2, 0, "a.py:wait:2")
            .add(5, 3, RUN, "a.py:g:3")
            .profile();
    }

    static StackCounts counts(Profile p, Selection s) {
        return StackCounts.of(p, s, Cancel.NEVER);
    }

    @Test
    void selectionsFilterByStateAndThread() {
        Profile p = threeThreads();
        assertEquals(25, counts(p, Selection.ALL).total());
        assertEquals(15, counts(p, Selection.NOT_IDLE).total());
        assertEquals(10, counts(p, Selection.ALL.withGilOnly(true)).total());
        assertEquals(20, counts(p, Selection.ALL.withThreads(Set.of(0, 1))).total());
        assertEquals(10, counts(p, Selection.NOT_IDLE.withThreads(Set.of(0, 1))).total());
        assertEquals(0, counts(p, Selection.ALL.withThreads(Set.of())).total());
        assertEquals(10, counts(p, Selection.ALL).total(SampleState.CATEGORY_IDLE));
        assertEquals(10, counts(p, Selection.ALL).count(1, SampleState.CATEGORY_IDLE));
    }

    @Test
    void timeRangesAreHalfOpen() {
        Profile p = threeThreads();
        StackCounts c = counts(p, Selection.ALL.withTimeRange(5_000, 15_000));
        assertEquals(10, c.total());
        assertEquals(5, c.count(0));
        assertEquals(5, c.count(1));
        assertEquals(5_000, c.firstMicros());
        assertEquals(14_000, c.lastMicros());
        assertEquals(0, counts(p, Selection.ALL.withTimeRange(100_000, 200_000)).total());
    }

    @Test
    void unorderedTimesAreCheckedOneByOne() {
        Profile p = TestProfiles.create().at(50_000).add(3, "a.py:f:1").at(0).add(4, "a.py:g:2").profile();
        assertFalse(p.samples().isTimeOrdered());
        StackCounts c = counts(p, Selection.ALL.withTimeRange(1_000, 51_000));
        assertEquals(4, c.total(), "g at 1, 2, 3 ms and f at 50 ms");
        assertEquals(1_000, c.firstMicros());
        assertEquals(50_000, c.lastMicros());
    }

    @Test
    void ticksCountTheBusiestThreadWhateverTheSelection() {
        Profile p = threeThreads();
        assertEquals(10, counts(p, Selection.NOT_IDLE.withThreads(Set.of(2))).ticks());
        assertEquals(5, counts(p, Selection.ALL.withTimeRange(5_000, 15_000)).ticks());
    }

    @Test
    void withoutIdleDropsOnlyIdle() {
        StackCounts all = counts(threeThreads(), Selection.ALL);
        StackCounts busy = all.withoutIdle();
        assertEquals(15, busy.total());
        assertEquals(0, busy.count(1));
        assertFalse(busy.selection().includeIdle());
        assertEquals(all.ticks(), busy.ticks());
        assertTrue(busy.withoutIdle() == busy);
    }

    @Test
    void selectionsValidateAndCopy() {
        assertThrows(IllegalArgumentException.class, () -> Selection.ALL.withTimeRange(5, 4));
        Selection s = Selection.ALL.withThreads(Set.of(1));
        assertTrue(s.includesThread(1));
        assertFalse(s.includesThread(2));
        assertTrue(s.withAllThreads().includesThread(2));
        assertFalse(Selection.ALL.isTimeBounded());
    }

    @Test
    void threadTotalsIgnoreTheThreadSet() {
        Profile p = threeThreads();
        ThreadTotals totals = ThreadTotals.of(Snapshot.of(p), Selection.ALL.withThreads(Set.of(0)), Cancel.NEVER);
        assertEquals(3, totals.size());
        assertEquals(10, totals.samples(1));
        assertEquals(10, totals.samplesIn(1, SampleState.CATEGORY_IDLE));
        assertEquals("thread-2", totals.label(1));
        assertEquals(2, totals.osThreadId(1));
        assertEquals(10_000, totals.userMicros(0));
        assertEquals(10_000, totals.firstMicros(1));
        assertEquals(19_000, totals.lastMicros(1));
        ThreadTotals busy = ThreadTotals.of(Snapshot.of(p), Selection.NOT_IDLE, Cancel.NEVER);
        assertEquals(0, busy.samples(1));
        assertEquals(Long.MAX_VALUE, busy.firstMicros(1));
    }

    @Test
    void theBreakdownOfARangeCountsIdleSamplesEvenWhenTheViewLeavesThemOut() {
        Profile p = threeThreads();
        StackCounts running = counts(p, Selection.NOT_IDLE.withTimeRange(5_000, 22_000));
        assertEquals(5 + 2, running.total());
        assertEquals(5 + 2, running.inRange(SampleState.CATEGORY_PYTHON));
        assertEquals(10, running.inRange(SampleState.CATEGORY_IDLE), "the idle thread's samples in the range");
        StackCounts oneThread = counts(p, Selection.NOT_IDLE.withThreads(Set.of(0)));
        assertEquals(0, oneThread.inRange(SampleState.CATEGORY_IDLE), "other threads are not in the breakdown");
        assertEquals(10, oneThread.withoutIdle().inRange(SampleState.CATEGORY_PYTHON));
    }
}
