package dev.pyrometer.app.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timeline's rows for a recording of several processes, growing as a live one does; folding and filtering. */
class TimelineProcessesViewModelTest {
    private static final int RUN = SampleState.RUNNING | SampleState.GIL;
    private final DirectTaskRunner runner = new DirectTaskRunner();
    private Profile profile;
    private AnalysisViewModel analysis;
    private TimelineViewModel timeline;
    private int frame;
    private long nanos;

    @BeforeEach
    void setUp() {
        profile = new Profile();
        frame = profile.frame("/srv/app.py", "work", 3, 1);
        analysis = new AnalysisViewModel(profile, runner);
        timeline = new TimelineViewModel(analysis, runner);
        timeline.widthProperty().set(500);
    }

    /** Registers a process as the follower does, and one thread of it; no sample yet. */
    private int[] process(int pid, String command, long startMicros) {
        int p = profile.process(new ProcessInfo(pid, 1, -1, command, "3.12.4", startMicros, ProcessInfo.RUNNING));
        return new int[] {p, profile.thread(p, pid, "MainThread")};
    }

    private void tick(int... threads) {
        for (int t : threads) profile.sample(nanos, t, new int[] {frame}, 1, RUN, 900, 100);
        nanos += 1_000_000;
    }

    private void grown() {
        analysis.refreshIfGrown();
    }

    @Test
    void aLiveRecordingGetsAHeaderForEachProcessWhenItsFirstSampleArrives() {
        int[] parent = process(500, "/usr/bin/python3 /srv/app.py --workers 2", 0);
        int helper = profile.thread(parent[0], 501, "helper");
        for (int i = 0; i < 50; i++) tick(parent[1], helper);
        grown();
        assertEquals(1, timeline.data().processes());
        assertArrayEquals(new int[0], timeline.rows().headerRows(), "one process followed: plain lanes, as ever");
        assertEquals(2, timeline.rows().size());

        // Met by the follower; the sampler registers a thread as it writes the thread's first sample.
        int workerProcess = profile.process(new ProcessInfo(502, 500, 0, "python3 app.py", "3.12.4", 50_000, ProcessInfo.RUNNING));
        grown();
        assertEquals(0, timeline.rows().headerRows().length, "met, but not sampled yet: no header");
        int[] worker = {workerProcess, profile.thread(workerProcess, 502, "MainThread")};

        for (int i = 0; i < 50; i++) tick(parent[1], helper, worker[1]);
        grown();
        TimelineRows rows = timeline.rows();
        assertEquals(2, rows.headerRows().length);
        assertEquals(5, rows.size(), "two headers, three lanes");
        assertEquals(1, rows.index(rows.headerRows()[1]));
        assertEquals(rows.headerRows()[1] + 1, rows.laneRow(worker[1]), "the worker's lane under its header");
        assertEquals(2 * TimelineRows.HEADER_HEIGHT + 3 * TimelineGeometry.LANE_HEIGHT, rows.contentHeight());
        assertTrue(TimelineViewModel.process(timeline.data(), 1, -1).contains("started " + TimeLabels.at(50_000)),
            TimelineViewModel.process(timeline.data(), 1, -1));
    }

    @Test
    void foldingHidesAProcesssLanesAndItsHeaderStays() {
        int[] parent = process(500, "python3 app.py", 0);
        int[] worker = process(502, "python3 app.py", 10_000);
        for (int i = 0; i < 20; i++) tick(parent[1], worker[1]);
        grown();
        timeline.toggleCollapsed(0);
        TimelineRows rows = timeline.rows();
        assertEquals(-1, rows.laneRow(parent[1]));
        assertEquals(0, rows.headerRow(0));
        assertEquals(1, rows.headerRow(1));
        assertEquals(2, rows.laneRow(worker[1]));
        // Rows are found by their offsets, headers two lanes tall.
        assertEquals(1, rows.rowAt(TimelineRows.HEADER_HEIGHT + 1));
        assertEquals(2, rows.rowAt(2 * TimelineRows.HEADER_HEIGHT));
        assertEquals(-1, rows.rowAt(rows.contentHeight()));
        timeline.toggleCollapsed(0);
        assertEquals(1, timeline.rows().laneRow(parent[1]));

        // The keyboard's focus walks the headers and stops at the ends.
        assertTrue(timeline.focusNextHeader(1));
        assertEquals(0, timeline.focusedProcessProperty().get());
        timeline.focusNextHeader(1);
        timeline.focusNextHeader(1);
        assertEquals(1, timeline.focusedProcessProperty().get());
    }

    @Test
    void aHeaderShowsOnlyItsProcessAndAgainShowsAll() {
        int[] parent = process(500, "python3 app.py", 0);
        int[] worker = process(502, "python3 app.py", 10_000);
        int second = profile.thread(worker[0], 503, "helper");
        for (int i = 0; i < 20; i++) tick(parent[1], worker[1], second);
        grown();
        timeline.showOnlyProcess(1);
        assertEquals(Set.of(worker[1], second), analysis.threadsProperty().get());
        assertEquals(40, analysis.analysis().sampleCount(), "the worker's two threads, 20 ticks");
        timeline.showOnlyProcess(1);
        assertNull(analysis.threadsProperty().get());
        timeline.showOnlyThread(second);
        assertEquals(Set.of(second), analysis.threadsProperty().get());
        timeline.showOnlyThread(second);
        assertNull(analysis.threadsProperty().get());
    }

    @Test
    void aRecordingOfOneProcessHasPlainLanesAsBefore() {
        int main = profile.thread(7, "MainThread");
        int other = profile.thread(8, "other");
        for (int i = 0; i < 10; i++) tick(main, other);
        grown();
        TimelineRows rows = timeline.rows();
        assertFalse(rows.grouped());
        assertEquals(0, rows.headerRows().length);
        assertEquals(2, rows.size());
        assertEquals(TimelineGeometry.LANE_HEIGHT, rows.top(1));
        assertFalse(timeline.focusNextHeader(1), "no header to focus");
    }

    @Test
    void headersShowShortCommandsAndVersions() {
        assertEquals("python3.11 pool.py fork 2", TimelineViewModel.shortCommand("/root/.pyenv/versions/3.11.7/bin/python3.11 /w/pool.py fork 2"));
        assertEquals("python -c x --multiprocessing-fork", TimelineViewModel.shortCommand("python -c x --multiprocessing-fork"));
        assertEquals("3.13", TimelineViewModel.shortVersion("3.13.1"));
        assertEquals("", TimelineViewModel.shortVersion(""));
    }
}
