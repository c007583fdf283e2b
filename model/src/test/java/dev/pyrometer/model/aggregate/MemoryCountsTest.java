package dev.pyrometer.model.aggregate;

import static dev.pyrometer.model.aggregate.Ticks.IDLE;
import static dev.pyrometer.model.aggregate.Ticks.RUN;
import static dev.pyrometer.model.aggregate.Ticks.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.TestProfiles;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemoryCountsTest {
    static final long MB = 1 << 20;
    static final String[] GROW = {"app.py:main:30:28", "app.py:grow:11:10"};
    static final String[] FREE = {"app.py:main:31:28", "app.py:free:21:20"};
    static final String[] WORK = {"worker.py:work:5:4"};

    /**
     * Tick 0 is the baseline (100 MB). Ticks 1–10 grow 1 MB each in grow(); ticks 11–15 release 2 MB each in free();
     * tick 16 grows 4 MB with two threads running; tick 17 grows 1 MB while nothing runs.
     */
    static Profile growAndFree() {
        Ticks t = new Ticks();
        t.tick(100 * MB, on(1, RUN, GROW), on(2, IDLE, WORK));
        for (int i = 1; i <= 10; i++) t.tick((100 + i) * MB, on(1, RUN, GROW), on(2, IDLE, WORK));
        for (int i = 1; i <= 5; i++) t.tick((110 - 2 * i) * MB, on(1, RUN, FREE), on(2, IDLE, WORK));
        t.tick(104 * MB, on(1, RUN, GROW), on(2, RUN, WORK));
        t.tick(105 * MB, on(1, IDLE, GROW), on(2, IDLE, WORK));
        return t.profile();
    }

    static int stackOf(Profile p, int thread, int tick) {
        for (int i = 0; i < p.samples().size(); i++) {
            if (p.samples().thread(i) == thread && p.samples().timeMicros(i) == tick * 1000L) return p.samples().stack(i);
        }
        throw new AssertionError("no sample");
    }

    static MemoryCounts memory(Profile p, Selection selection) {
        return MemoryCounts.of(Snapshot.of(p), selection, Cancel.NEVER);
    }

    @Test
    void aChangeGoesToWhatTheStacksAtBothTicksShare() {
        Profile p = growAndFree();
        MemoryCounts m = memory(p, Selection.NOT_IDLE);
        assertTrue(m.hasMemory());
        int grow = stackOf(p, 0, 1), free = stackOf(p, 0, 11), work = stackOf(p, 1, 16);
        int mainAt30 = p.stacks().parent(grow), mainAt31 = p.stacks().parent(free);
        assertEquals(10 * MB, m.growth(grow), "ten ticks in grow() at both ends");
        assertEquals(10, m.ticks(grow));
        assertEquals(0, m.release(grow));
        assertEquals(2 * MB, m.release(mainAt31), "grow() to free(): only main() was there at both ticks");
        assertEquals(8 * MB, m.release(free));
        assertEquals(0, m.growth(free));
        assertEquals(2 * MB, m.growth(mainAt30), "free() to grow() again: main's, at the later tick's line");
        assertEquals(2 * MB, m.growth(work), "the other half of the shared tick; idle ticks get nothing");
        assertEquals(14 * MB, m.totalGrowth());
        assertEquals(10 * MB, m.totalRelease());
        assertEquals(MB, m.unattributedGrowth(), "growth while no thread ran");
        assertEquals(0, m.unattributedRelease());
    }

    @Test
    void memoryGrownAndFreedInsideAFunctionNetsOut() {
        Ticks t = new Ticks();
        String[] alloc = {"app.py:main:5:1", "app.py:churn:12:10"};
        String[] free = {"app.py:main:5:1", "app.py:churn:13:10"};
        String[] other = {"app.py:main:6:1", "app.py:idle:21:20"};
        t.tick(100 * MB, on(1, RUN, other));
        t.tick(100 * MB, on(1, RUN, "app.py:main:5:1", "app.py:churn:11:10"));
        for (int i = 0; i < 20; i++) {
            t.tick(110 * MB, on(1, RUN, alloc));
            t.tick(100 * MB, on(1, RUN, free));
        }
        t.tick(100 * MB, on(1, RUN, other));
        Snapshot snapshot = Snapshot.of(t.profile());
        MemoryCounts m = MemoryCounts.of(snapshot, Selection.NOT_IDLE, Cancel.NEVER);
        KeyMemory functions = KeyMemory.of(m, KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
        Keys keys = Keys.of(snapshot, KeyBy.FUNCTION);
        int churn = keyOf(keys, "churn"), main = keyOf(keys, "main");
        assertEquals(0, functions.totalNet(churn), "what churn() grew it freed");
        assertEquals(200 * MB, functions.totalGrowth(churn), "beside the net: all it grew");
        assertEquals(200 * MB, functions.totalRelease(churn));
        assertEquals(0, functions.totalNet(main));
        assertEquals(42, functions.totalTicks(main));
        assertEquals(0, functions.selfGrowth(main));
        LineMemory lines = LineMemory.of(m, "app.py", Cancel.NEVER);
        assertEquals(200 * MB, lines.net(12));
        assertEquals(-200 * MB, lines.net(13), "lines within one function do not net out: the line that ran at the later tick");
        assertEquals(0, lines.totalNet(5));
        assertFalse(lines.totalBeyondNoise(5));
        assertEquals(0, lines.totalNet(5));
    }

    @Test
    void stacksThatShareNothingSplitTheChangeOverBothEnds() {
        Ticks t = new Ticks();
        t.tick(10 * MB, on(1, RUN, "a.py:f:3:1"));
        t.tick(10 * MB, on(1, RUN, "a.py:f:3:1"));
        t.tick(14 * MB, on(1, RUN, "b.py:g:7:5"));
        Profile p = t.profile();
        MemoryCounts m = memory(p, Selection.NOT_IDLE);
        assertEquals(2 * MB, m.growth(stackOf(p, 0, 1)));
        assertEquals(2 * MB, m.growth(stackOf(p, 0, 2)));
        assertEquals(2, m.ticks(stackOf(p, 0, 1)), "the tick between f and f, and half of the last");
    }

    @Test
    void jitterIsTheTypicalStepScaledByHowOftenThereIsOne() {
        Ticks t = new Ticks();
        long rss = 50 * MB;
        for (int i = 0; i < 100; i++) {
            // A step of 64 KiB up or down every fourth tick, and one real 100 MB allocation.
            if (i % 4 == 1) rss += (i % 8 == 1 ? 1 : -1) * 65536;
            if (i == 50) rss += 100 * MB;
            t.tick(rss, on(1, RUN, GROW));
        }
        MemoryCounts m = memory(t.profile(), Selection.NOT_IDLE);
        double fraction = 26.0 / 99;
        assertEquals(65536 * Math.sqrt(fraction), m.jitter(), 1, "the one big step does not move the median");
        assertTrue(m.beyondNoise(100 * MB, 99));
        assertFalse(m.beyondNoise(65536 * 4, 99), "four steps of jitter over 99 ticks are noise");
        assertFalse(m.beyondNoise(0, 1));
    }

    @Test
    void theSelectionKeepsTheSharesOfItsThreadsAndTimeRange() {
        Profile p = growAndFree();
        MemoryCounts mainOnly = memory(p, Selection.NOT_IDLE.withThreads(Set.of(0)));
        assertEquals(12 * MB, mainOnly.totalGrowth(), "the worker's half stays the worker's");
        MemoryCounts freeing = memory(p, Selection.NOT_IDLE.withTimeRange(11_000, 16_000));
        assertEquals(0, freeing.totalGrowth());
        assertEquals(10 * MB, freeing.totalRelease());
        MemoryCounts lateStart = memory(p, Selection.NOT_IDLE.withTimeRange(5_000, 7_000));
        assertEquals(2 * MB, lateStart.totalGrowth(), "a range starting mid-recording measures from the reading before it");
    }

    @Test
    void anUnevenSplitKeepsEveryByte() {
        Ticks t = new Ticks();
        t.tick(1000, on(1, RUN, GROW), on(2, RUN, WORK));
        t.tick(1003, on(1, RUN, GROW), on(2, RUN, WORK));
        Profile p = t.profile();
        MemoryCounts m = memory(p, Selection.NOT_IDLE);
        assertEquals(2, m.growth(stackOf(p, 0, 1)));
        assertEquals(1, m.growth(stackOf(p, 1, 1)));
    }

    @Test
    void theGilHolderGetsItWhenOneRunningThreadHoldsTheGil() {
        int waitingForGil = dev.pyrometer.model.SampleState.RUNNING;
        Ticks t = new Ticks();
        t.tick(1000, on(1, RUN, GROW), on(2, waitingForGil, WORK));
        t.tick(2000, on(1, RUN, GROW), on(2, waitingForGil, WORK));
        t.tick(2600, on(1, waitingForGil, GROW), on(2, waitingForGil | dev.pyrometer.model.SampleState.NATIVE, WORK));
        Profile p = t.profile();
        MemoryCounts m = memory(p, Selection.NOT_IDLE);
        assertEquals(1000 + 300, m.growth(stackOf(p, 0, 1)), "all of the first change, half of the second");
        assertEquals(300, m.growth(stackOf(p, 1, 1)), "nobody held the GIL at the last tick: an even split");
    }

    @Test
    void aProfileWithoutMemoryReadingsCountsNothing() {
        Profile p = TestProfiles.create().add(5, GROW).profile();
        MemoryCounts m = memory(p, Selection.ALL);
        assertFalse(m.hasMemory());
        assertEquals(0, m.totalGrowth());
    }

    @Test
    void linesGetWhatRanAtThemAndTotalsWhatRanBelowThem() {
        Ticks t = new Ticks();
        t.tick(10 * MB, on(1, RUN, GROW));
        t.ticks(4, 11 * MB, MB, on(1, RUN, GROW));
        // A library call from line 40: the calling line is this file's innermost line, so the growth is its.
        t.ticks(3, 15 * MB, MB, on(1, RUN, "app.py:main:40:28", "lib.py:helper:3:1"));
        t.tick(14 * MB, on(1, RUN, FREE));
        LineMemory lines = LineMemory.of(memory(t.profile(), Selection.NOT_IDLE), "app.py", Cancel.NEVER);
        assertEquals(4 * MB, lines.growth(11));
        assertEquals(0, lines.growth(30), "main's line passes it on to grow's");
        assertEquals(4 * MB, lines.totalGrowth(30));
        assertEquals(3 * MB, lines.growth(40), "what the library allocated lands on the line that called it");
        assertEquals(3 * MB, lines.release(31), "from the library call to free(): main() alone was there at both ends");
        assertEquals(0, lines.release(21));
        assertEquals(11, lines.mostGrowingLine());
        assertEquals(7 * MB, lines.allGrowth());
        LineMemory lib = LineMemory.of(memory(t.profile(), Selection.NOT_IDLE), "lib.py", Cancel.NEVER);
        assertEquals(2 * MB, lib.growth(3), "the first tick in the library shares only main() with the one before");
        assertEquals(0, lib.growth(999));
    }

    @Test
    void functionsGetSelfAndTotalAfterTheTransforms() {
        Profile p = growAndFree();
        Snapshot snapshot = Snapshot.of(p);
        MemoryCounts m = MemoryCounts.of(snapshot, Selection.NOT_IDLE, Cancel.NEVER);
        Keys keys = Keys.of(snapshot, KeyBy.FUNCTION);
        int grow = keyOf(keys, "grow"), main = keyOf(keys, "main"), free = keyOf(keys, "free");
        KeyMemory plain = KeyMemory.of(m, KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
        assertEquals(10 * MB, plain.selfGrowth(grow));
        assertEquals(2 * MB, plain.selfGrowth(main), "free() to grow(): main's own");
        assertEquals(12 * MB, plain.totalGrowth(main));
        assertEquals(10 * MB, plain.totalRelease(main));
        assertEquals(2 * MB, plain.totalNet(main));
        assertEquals(8 * MB, plain.selfRelease(free));
        assertEquals(10, plain.selfTicks(grow));
        assertEquals(16, plain.totalTicks(main), "ticks 1 to 16 of thread 1, each once");

        KeyMemory merged = KeyMemory.of(m, KeyBy.FUNCTION,
            Transforms.of(new Transform.Merge(FrameRef.function("app.py", "grow", 10))), Cancel.NEVER);
        assertEquals(12 * MB, merged.selfGrowth(main), "a merged function's memory goes to its caller, like its time");
        assertEquals(0, merged.selfGrowth(grow));
    }

    static int keyOf(Keys keys, String function) {
        for (int k = 0; k < keys.size(); k++) if (function.equals(keys.function(k))) return k;
        throw new AssertionError(function);
    }
}
