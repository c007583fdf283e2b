package dev.pyrometer.app.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.support.RealProgram;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.HotFunctions;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.KeyMemory;
import dev.pyrometer.model.aggregate.Keys;
import dev.pyrometer.model.aggregate.LineMemory;
import dev.pyrometer.model.aggregate.MemoryCounts;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.TimeOrder;
import dev.pyrometer.model.aggregate.Transforms;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real programs recorded by the real sampler: memory lands on the lines that grew and freed it, phases stay in order. */
class RealRecordingsTest {
    /**
     * Grows memory in grow() and frees it in shrink(), 40 MB a block (above glibc's largest mmap threshold, so every
     * block is a mapping of its own that goes back to the OS when freed). After each allocation or free the line
     * keeps running a few milliseconds of C code (sum over a range: no Python frame of its own), so the sampler's
     * next tick sees the change while that line is still on top.
     */
    static final String MEMORY = """
        import os
        import sys

        CHUNK = 40 << 20
        blocks = []


        def grow(n):
            for _ in range(n):
                blocks.append(b"\\x01" * CHUNK); sum(range(300000))  # grows


        def shrink():
            while blocks:
                blocks.pop(); sum(range(300000))  # frees


        def main(dir):
            open(os.path.join(dir, "ready"), "w").close()
            while not os.path.exists(os.path.join(dir, "go")):
                pass
            for _ in range(10):
                grow(3)
                shrink()
            open(os.path.join(dir, "done"), "w").close()
            while True:
                grow(1)
                shrink()


        main(sys.argv[1])
        """;

    /** One phase, then the other, each busy for 0.8 s; started when the test says go, so the recording has both. */
    static final String PHASES = """
        import os
        import sys
        import time


        def phase_one(seconds):
            end = time.time() + seconds
            while time.time() < end:
                sum(range(1000))


        def phase_two(seconds):
            end = time.time() + seconds
            while time.time() < end:
                sum(range(1000))


        def main(dir):
            open(os.path.join(dir, "ready"), "w").close()
            while not os.path.exists(os.path.join(dir, "go")):
                time.sleep(0.001)
            phase_one(0.8)
            phase_two(0.8)
            open(os.path.join(dir, "done"), "w").close()
            time.sleep(600)


        main(sys.argv[1])
        """;

    @TempDir
    Path dir;

    static int lineOf(String source, String marker) {
        String[] lines = source.split("\\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(marker)) return i + 1;
        throw new AssertionError(marker);
    }

    static int keyOf(Keys keys, String function) {
        for (int k = 0; k < keys.size(); k++) if (function.equals(keys.function(k))) return k;
        throw new AssertionError("no function " + function);
    }

    @Test
    void growthAndReleaseLandOnTheLinesThatAllocatedAndFreed() throws Exception {
        Profile profile;
        Path script;
        try (RealProgram program = RealProgram.start(dir, "grow_and_free.py", MEMORY)) {
            script = program.script();
            profile = program.record(1000, "go", "done");
        }
        Snapshot snapshot = Snapshot.of(profile);
        assertTrue(snapshot.memory() > 500, "a memory reading per tick: " + snapshot.memory());
        MemoryCounts memory = MemoryCounts.of(snapshot, Selection.NOT_IDLE, Cancel.NEVER);
        // Thirty blocks of 40 MB came and went while recording.
        assertTrue(memory.totalGrowth() > 20 * (40L << 20), "growth attributed: " + memory.totalGrowth());
        assertTrue(memory.totalRelease() > 20 * (40L << 20), "release attributed: " + memory.totalRelease());

        LineMemory lines = LineMemory.of(memory, script.toString(), Cancel.NEVER);
        int grows = lineOf(MEMORY, "# grows"), frees = lineOf(MEMORY, "# frees");
        String report = "grow line +" + lines.growth(grows) + " -" + lines.release(grows) + ", free line +"
            + lines.growth(frees) + " -" + lines.release(frees) + " of +" + lines.allGrowth() + " -" + lines.allRelease();
        // Each tick's change goes to the frames both ticks share: a block freed in the tick where grow() hands over
        // to shrink() (up to one in three here) goes to main's line, not to either (75% seen for the free line).
        assertTrue(lines.growth(grows) > 0.6 * lines.allGrowth(), report);
        assertTrue(lines.release(frees) > 0.6 * lines.allRelease(), report);
        assertTrue(lines.release(grows) < 0.2 * lines.allRelease(), report);
        assertTrue(lines.growth(frees) < 0.2 * lines.allGrowth(), report);
        assertEquals(grows, lines.mostGrowingLine());

        KeyMemory functions = KeyMemory.of(memory, KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
        Keys keys = Keys.of(snapshot, KeyBy.FUNCTION);
        assertTrue(functions.selfGrowth(keyOf(keys, "grow")) > 0.6 * memory.totalGrowth(), report);
        assertTrue(functions.selfRelease(keyOf(keys, "shrink")) > 0.6 * memory.totalRelease(), report);
        assertTrue(functions.totalGrowth(keyOf(keys, "main")) >= functions.selfGrowth(keyOf(keys, "grow")));
    }

    @Test
    void twoPhasesStandInOrderAndARangeShowsOnlyItsPhase() throws Exception {
        Profile profile;
        try (RealProgram program = RealProgram.start(dir, "two_phases.py", PHASES)) {
            profile = program.record(500, "go", "done");
        }
        Snapshot snapshot = Snapshot.of(profile);
        TimeOrder chart = TimeOrder.of(snapshot, Selection.NOT_IDLE, TimeOrder.BUSIEST_THREAD, KeyBy.FUNCTION,
            Transforms.NONE, 0, Cancel.NEVER);
        long oneEnds = Long.MIN_VALUE, twoStarts = Long.MAX_VALUE, twoEnds = Long.MIN_VALUE;
        for (int i = 0; i < chart.size(); i++) {
            String function = chart.keys().function(chart.key(i));
            if ("phase_one".equals(function)) oneEnds = Math.max(oneEnds, chart.end(i));
            if ("phase_two".equals(function)) {
                twoStarts = Math.min(twoStarts, chart.start(i));
                twoEnds = Math.max(twoEnds, chart.end(i));
            }
        }
        assertTrue(oneEnds > Long.MIN_VALUE && twoStarts < Long.MAX_VALUE, "both phases were recorded");
        assertTrue(oneEnds <= twoStarts, "phase_one ended (" + oneEnds + ") before phase_two started (" + twoStarts + ")");
        assertTrue(twoEnds - twoStarts > 500_000, "phase_two ran for most of its 0.8 s: " + (twoEnds - twoStarts));

        // A range inside the second phase: the flame graph, the hot list and the chart hold only phase_two.
        Selection second = Selection.NOT_IDLE.withTimeRange(twoStarts + 100_000, twoEnds - 100_000);
        CallTree tree = CallTree.topDown(StackCounts.of(snapshot, second, Cancel.NEVER), KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
        HotFunctions hot = HotFunctions.of(tree);
        boolean sawTwo = false;
        for (int r = 0; r < hot.size(); r++) {
            assertFalse("phase_one".equals(hot.keys().function(hot.key(r))), "phase_one is outside the range");
            sawTwo |= "phase_two".equals(hot.keys().function(hot.key(r)));
        }
        assertTrue(sawTwo);
        TimeOrder ranged = TimeOrder.of(snapshot, second, TimeOrder.BUSIEST_THREAD, KeyBy.FUNCTION, Transforms.NONE, 0, Cancel.NEVER);
        for (int i = 0; i < ranged.size(); i++) assertFalse("phase_one".equals(ranged.keys().function(ranged.key(i))));
    }
}
