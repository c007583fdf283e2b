package dev.pyrometer.model.aggregate;

import static dev.pyrometer.model.aggregate.Ticks.IDLE;
import static dev.pyrometer.model.aggregate.Ticks.RUN;
import static dev.pyrometer.model.aggregate.Ticks.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOrderTest {
    static final String[] ONE = {"app.py:main:10:9", "app.py:phase_one:3:2"};
    static final String[] TWO = {"app.py:main:11:9", "app.py:phase_two:6:5"};

    /** Thread 0: 30 ticks in phase_one, then 30 in phase_two; thread 1 waits all along. */
    static Profile twoPhases() {
        Ticks t = new Ticks();
        for (int i = 0; i < 60; i++) t.tick(0, on(1, RUN, i < 30 ? ONE : TWO), on(2, IDLE, "app.py:waiter:20"));
        return t.profile();
    }

    static TimeOrder chart(Profile p, Selection selection, int thread, long minMicros) {
        return TimeOrder.of(Snapshot.of(p), selection, thread, KeyBy.FUNCTION, Transforms.NONE, minMicros, Cancel.NEVER);
    }

    /** "function start-end" per rectangle of a depth, in order. */
    static List<String> level(TimeOrder chart, int depth) {
        List<String> out = new ArrayList<>();
        for (int i = chart.levelStart(depth); i < chart.levelStart(depth + 1); i++) {
            out.add(chart.keys().function(chart.key(i)) + " " + chart.start(i) + "-" + chart.end(i));
        }
        return out;
    }

    @Test
    void phasesAppearInTheOrderTheyRan() {
        TimeOrder chart = chart(twoPhases(), Selection.NOT_IDLE, TimeOrder.BUSIEST_THREAD, 0);
        assertEquals(0, chart.thread(), "the busiest thread by default");
        assertEquals(2, chart.depthCount());
        assertEquals(List.of("main 0-60000"), level(chart, 0));
        assertEquals(List.of("phase_one 0-30000", "phase_two 30000-60000"), level(chart, 1));
        assertEquals(30, chart.samples(chart.levelStart(1)));
        assertEquals(0, chart.fromMicros());
        assertEquals(60_000, chart.toMicros());
        int second = chart.nodeAt(45_000, 1);
        assertEquals("phase_two", chart.keys().function(chart.key(second)));
        assertEquals(1, chart.depth(second));
        assertEquals(-1, chart.nodeAt(45_000, 2));
    }

    @Test
    void aTimeRangeShowsOnlyWhatRanInIt() {
        TimeOrder chart = chart(twoPhases(), Selection.NOT_IDLE.withTimeRange(35_000, 50_000), TimeOrder.BUSIEST_THREAD, 0);
        assertEquals(List.of("phase_two 35000-50000"), level(chart, 1));
        assertEquals(35_000, chart.fromMicros());
        assertEquals(50_000, chart.toMicros());
    }

    @Test
    void waitingMakesAHoleUnlessIdleSamplesAreShown() {
        Profile p = twoPhases();
        TimeOrder waiter = chart(p, Selection.NOT_IDLE, 1, 0);
        assertEquals(0, waiter.size(), "the waiting thread never ran");
        TimeOrder withIdle = chart(p, Selection.ALL, 1, 0);
        assertEquals(List.of("waiter 0-60000"), level(withIdle, 0));

        Ticks t = new Ticks();
        for (int i = 0; i < 30; i++) t.tick(0, on(1, i >= 10 && i < 20 ? IDLE : RUN, ONE));
        TimeOrder holes = chart(t.profile(), Selection.NOT_IDLE, 0, 0);
        assertEquals(List.of("main 0-10000", "main 20000-30000"), level(holes, 0));
    }

    @Test
    void aLongGapEndsTheRectanglesAndShortOnesAreLeftOut() {
        Ticks t = new Ticks();
        for (int i = 0; i < 10; i++) t.tick(0, on(1, RUN, ONE));
        Profile p = t.profile();
        int thread = 0;
        int[] frames = {p.frame("app.py", "phase_two", 6, 5), p.frame("app.py", "main", 11, 9)};
        for (int i = 0; i < 10; i++) p.sample((200 + i) * 1_000_000L, thread, frames, 2, RUN, 0, 0);
        TimeOrder chart = chart(p, Selection.NOT_IDLE, 0, 0);
        List<String> top = level(chart, 0);
        assertEquals(2, top.size(), top.toString());
        assertTrue(chart.end(0) < 200_000 && chart.end(0) > 9_000, "the first run ends soon after its last sample");
        assertEquals(200_000, chart.start(1));

        TimeOrder coarse = chart(twoPhases(), Selection.NOT_IDLE, 0, 40_000);
        assertEquals(List.of("main 0-60000"), level(coarse, 0));
        assertEquals(1, coarse.depthCount(), "both phases are shorter than the minimum");
    }
}
