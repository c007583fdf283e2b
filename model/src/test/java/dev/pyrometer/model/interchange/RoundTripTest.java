package dev.pyrometer.model.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.ProfileAssertions;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.StackTable;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.Transforms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every export read back gives the same aggregates as the profile it came from. */
class RoundTripTest {
    @TempDir Path dir;

    /** Three threads, recursion, idle samples and samples without frames (exports leave out idle ones). */
    static Profile recording() {
        Profile p = new Profile();
        p.metadata("rate.hz", "100");
        p.metadata("start.epoch.millis", "1700000000000");
        int main = p.thread(100, "MainThread");
        int pool = p.thread(101, "pool;1");
        int anon = p.thread(102, null);
        int fMain = p.frame("/srv/app.py", "main", 40, 38);
        int fWalk = p.frame("/srv/app.py", "walk", 12, 10);
        int fLeaf = p.frame("/srv/lib/tree.py", "leaf", 5, 3);
        int fIo = p.frame("/usr/lib/python3.11/socket.py", "recv", 700, 690);
        long t = 0;
        for (int i = 0; i < 300; i++, t += 10_000_000) {
            int[] stack = switch (i % 4) {
                case 0 -> new int[] {fLeaf, fWalk, fMain};
                case 1 -> new int[] {fLeaf, fWalk, fWalk, fWalk, fMain};
                case 2 -> new int[] {fWalk, fMain};
                default -> new int[] {fMain};
            };
            p.sample(t, main, stack, stack.length, SampleState.RUNNING | (i % 7 == 0 ? SampleState.NATIVE : 0), 0, 0);
            p.sample(t + 100, pool, new int[] {fIo, fMain}, 2, i % 3 == 0 ? SampleState.RUNNING : 0, 0, 0);
            if (i % 10 == 0) p.sample(t + 200, anon, new int[0], 0, SampleState.RUNNING, 0, 0);
        }
        return p;
    }

    /** The line-level call tree of the exported samples, per thread (by OS id), as text. */
    static List<String> perThreadTrees(Profile p) {
        TreeMap<Long, List<String>> byThread = new TreeMap<>();
        for (int t = 0; t < p.threads().size(); t++) {
            StackCounts counts = StackCounts.of(p, Selection.NOT_IDLE.withThreads(java.util.Set.of(t)), Cancel.NEVER);
            if (counts.total() - counts.count(StackTable.EMPTY) == 0) continue;
            CallTree tree = CallTree.topDown(counts, KeyBy.LINE, Transforms.NONE, Cancel.NEVER);
            List<String> lines = byThread.computeIfAbsent(p.threads().osThreadId(t), k -> new ArrayList<>());
            for (int i = 1; i < tree.size(); i++) {
                lines.add("  ".repeat(tree.depth(i)) + tree.label(i) + " " + tree.total(i) + "/" + tree.self(i));
            }
        }
        List<String> out = new ArrayList<>();
        byThread.forEach((tid, lines) -> {
            out.add("thread " + tid);
            out.addAll(lines);
        });
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"SESSION", "COLLAPSED", "SPEEDSCOPE", "PPROF"})
    void exportThenImportKeepsTheTotals(Format format) {
        Profile original = recording();
        Path file = dir.resolve("out" + format.defaultExtension());
        long written = ProfileFiles.write(original, file, format);
        Profile back = ProfileFiles.read(file).profile();
        assertEquals(perThreadTrees(original), perThreadTrees(back));
        if (format == Format.SESSION) {
            ProfileAssertions.assertSameRecording(original, back);
        } else {
            // Idle samples are left out; samples without frames too, except in collapsed stacks, which keep them
            // as py-spy writes them (a line with no frames).
            long frameless = format == Format.COLLAPSED ? 30 : 0;
            assertEquals(300 + 100 + frameless, written, "idle samples are left out");
            assertEquals(written, back.samples().size());
            assertEquals("MainThread", back.threads().name(threadOf(back, 100)));
            assertEquals("pool,1", CollapsedCheck.nameOrNull(back, threadOf(back, 101)).replace(';', ','));
        }
    }

    @Test
    void pprofKeepsFunctionsFirstLinesAndThePeriod() throws IOException {
        Profile original = recording();
        Path file = dir.resolve("cpu.pb.gz");
        ProfileFiles.write(original, file, Format.PPROF);
        Profile back = ProfileFiles.read(file).profile();
        assertEquals(ProfileAssertions.functionTree(original, Selection.NOT_IDLE).subList(1, 6),
            ProfileAssertions.functionTree(back, Selection.NOT_IDLE).subList(1, 6));
        PprofCheck.assertWellFormed(Files.readAllBytes(file), 10_000_000L, 1_700_000_000_000L * 1_000_000);
    }

    @Test
    void svgFlameGraphsDrawEveryWideFrame() throws IOException {
        Path file = dir.resolve("flame.svg");
        assertEquals(300 + 100 + 30, ProfileFiles.write(recording(), file, Format.SVG), "frameless samples stay on the root");
        String svg = Files.readString(file);
        assertTrue(svg.startsWith("<?xml"));
        assertTrue(svg.endsWith("</svg>\n"));
        assertTrue(svg.contains("<title>walk (/srv/app.py:10) — 225 samples (52.33%), self 75; python "), svg);
        assertTrue(svg.contains(">recv (/usr/lib/python3.11/socket.py:690)</text>"));
        assertEquals(svg.split("<rect").length - 1, svg.split("<title>").length - 1 + 1, "one background rect, one per frame");
    }

    private static int threadOf(Profile p, long osTid) {
        for (int t = 0; t < p.threads().size(); t++) if (p.threads().osThreadId(t) == osTid) return t;
        throw new AssertionError("no thread " + osTid);
    }

    /** Thread names survive exports, except that collapsed stacks cannot hold a semicolon. */
    static final class CollapsedCheck {
        static String nameOrNull(Profile p, int thread) {
            String name = p.threads().name(thread);
            return name == null ? "" : name;
        }
    }
}
