package dev.pyrometer.app.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.support.RealProgram;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.MemoryTrack;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.FunctionLines;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.StackCounts;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real programs recorded by the real sampler at the default 100 Hz: the memory figures say what the programs did.
 * Each program starts its work when the test creates {@code go} and says it is finished by creating {@code done}.
 */
class MemoryAttributionTest {
    static final long MB = 1 << 20;

    /**
     * grow() keeps 2 MB a step, pacing itself through spin() between steps (and before the first, as a function that
     * prepares before it allocates does); churn() only computes.
     */
    static final String GROW_AND_CHURN = """
        import os
        import sys
        import time

        STEP = 2 << 20
        data = []


        def spin(n):
            x = 0
            for i in range(n):
                x += i * i
            return x


        def grow(steps):
            spin(100000)
            for _ in range(steps):
                data.append(b"\\x01" * STEP)  # grows
                spin(100000)


        def churn(n):
            total = 0
            for i in range(n):
                total += (i * 7) % 13  # arithmetic only
            return total


        def main(dir):
            open(os.path.join(dir, "ready"), "w").close()
            while not os.path.exists(os.path.join(dir, "go")):
                pass
            for _ in range(5):
                grow(20)
                churn(300000)
            open(os.path.join(dir, "done"), "w").close()
            time.sleep(600)


        main(sys.argv[1])
        """;

    /**
     * alloc_free() allocates 10 MB and frees it again every iteration for 5 s (each block its own mapping, so resident
     * memory really goes up and down); it starts and ends at rest for a while, as a function that frees what it
     * allocates does. compute() allocates nothing.
     */
    static final String ALLOC_FREE = """
        import os
        import sys
        import time

        BLOCK = 10 << 20
        if os.environ.get("MALLOC_MMAP_THRESHOLD_") != "1048576":
            # Blocks of their own mapping: freeing gives the memory back, so resident memory shows the churn.
            os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, MALLOC_MMAP_THRESHOLD_="1048576"))


        def pause(n):
            x = 0
            for i in range(n):
                x += i
            return x


        def rest(seconds):
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                pause(1000)


        def alloc_free(seconds):
            rest(0.3)  # at rest when it starts
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                block = b"\\x01" * BLOCK  # allocates
                pause(20000)
                del block  # frees
                pause(20000)
            rest(0.3)  # and when it ends


        def compute(seconds):
            total = 0
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                for i in range(1000):
                    total += (i * 7) % 13
            return total


        def main(dir):
            open(os.path.join(dir, "ready"), "w").close()
            while not os.path.exists(os.path.join(dir, "go")):
                pass
            compute(1.0)
            alloc_free(5.0)
            compute(1.0)
            open(os.path.join(dir, "done"), "w").close()
            time.sleep(600)


        main(sys.argv[1])
        """;

    @TempDir
    Path dir;

    static SessionReport.Function function(SessionReport report, String name) {
        return report.functions().stream().filter(f -> f.qualname().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no function " + name));
    }

    static long trackGrowth(Profile profile) {
        MemoryTrack track = profile.memory();
        return track.residentBytes(track.size() - 1) - track.residentBytes(0);
    }

    @Test
    void theFunctionThatKeptTheMemoryHasItAsTotalAndTheOneThatComputedHasNone() throws Exception {
        Profile profile;
        try (RealProgram program = RealProgram.start(dir, "grow_and_churn.py", GROW_AND_CHURN)) {
            profile = program.record(100, "go", "done");
        }
        SessionReport report = new SessionReport(profile, Selection.NOT_IDLE);
        long whole = trackGrowth(profile);
        SessionReport.Function grow = function(report, "grow"), churn = function(report, "churn"), spin = function(report, "spin");
        String measured = String.format(Locale.ROOT, "track grew %.1f MB; grow total net %.1f MB (%.1f%%) self %.1f MB,"
                + " spin self %.1f MB, churn total net %.2f MB (%.2f%%), jitter %.0f B", whole / (double) MB,
            grow.memNetTotal() / (double) MB, 100.0 * grow.memNetTotal() / whole, grow.memNetSelf() / (double) MB,
            spin.memNetSelf() / (double) MB, churn.memNetTotal() / (double) MB, 100.0 * churn.memNetTotal() / whole,
            report.memory().jitter());
        System.out.println("grow and churn: " + measured);
        assertTrue(whole > 180 * MB, "the program kept about 200 MB: " + measured);
        assertTrue(grow.memNetTotal() >= 0.9 * whole, measured);
        assertTrue(grow.memTotalFinding(), measured);
        assertTrue(Math.abs(churn.memNetTotal()) <= 0.03 * whole, measured);
        assertFalse(churn.memTotalFinding(), measured);
    }

    @Test
    void memoryAllocatedAndFreedEveryIterationNetsOutAndNoComputingLineIsAFinding() throws Exception {
        Profile profile;
        try (RealProgram program = RealProgram.start(dir, "alloc_free.py", ALLOC_FREE)) {
            profile = program.record(100, "go", "done");
        }
        SessionReport report = new SessionReport(profile, Selection.NOT_IDLE);
        SessionReport.Function churner = function(report, "alloc_free"), compute = function(report, "compute");
        long perIteration = 10 * MB;
        String measured = String.format(Locale.ROOT, "alloc_free total net %.2f MB (%.2f%% of a block)"
                + " over %d ticks; compute total net %.2f MB; jitter %.0f B", churner.memNetTotal() / (double) MB,
            100.0 * churner.memNetTotal() / perIteration, churner.memTicksTotal(), compute.memNetTotal() / (double) MB,
            report.memory().jitter());
        System.out.println("alloc/free: " + measured);
        assertTrue(churner.memTicksTotal() > 100, "5 s at 100 Hz: " + measured);
        assertTrue(Math.abs(churner.memNetTotal()) <= 0.05 * perIteration, measured);

        StackCounts counts = StackCounts.of(Snapshot.of(profile), Selection.NOT_IDLE, Cancel.NEVER);
        FunctionLines lines = FunctionLines.of(counts, report.memory(), compute.file(), compute.qualname(), compute.line(), Cancel.NEVER);
        for (int l = compute.line(); l <= lines.lastLine(); l++) {
            assertFalse(lines.memBeyondNoise(l), "compute() line " + l + ": " + lines.memNet(l) + " B over " + lines.memTicks(l)
                + " ticks, " + measured);
        }
        for (SessionReport.Line line : report.lines(compute, 0, List.of()).lines()) {
            assertFalse(line.memFinding(), "line " + line.line() + " of compute(): " + line.memNet() + " B");
        }
    }
}
