package dev.pyrometer.model.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.TestProfiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Root frames per process and per thread: each its own tower, with the same samples as the merged tree. */
class RootsTest {
    private static final int RUN = SampleState.RUNNING | SampleState.GIL;

    /**
     * A parent (pid 10, one thread) and a worker (pid 11, two threads) sharing the stack {@code main → work}: the
     * merged tree adds them up, the rooted trees keep them apart.
     */
    static Profile twoProcesses() {
        Profile p = new Profile();
        int parent = p.process(new ProcessInfo(10, 1, -1, "python3 app.py", "3.12.1", 0, ProcessInfo.RUNNING));
        int worker = p.process(new ProcessInfo(11, 10, parent, "python3 -c worker", "3.12.1", 2_000, 9_000));
        int main = p.thread(parent, 10, "MainThread");
        int wMain = p.thread(worker, 11, "MainThread");
        int wPool = p.thread(worker, 12, "pool");
        int[] mainWork = stack(p, "app.py:main:1", "app.py:work:5");
        int[] mainWait = stack(p, "app.py:main:1", "app.py:wait:9");
        int[] poolTask = stack(p, "pool.py:worker:3", "app.py:work:5");
        long t = 0;
        for (int i = 0; i < 4; i++) p.sample(t++ * 1_000_000, main, mainWork, mainWork.length, RUN, 1000, 0);
        for (int i = 0; i < 2; i++) p.sample(t++ * 1_000_000, main, mainWait, mainWait.length, RUN, 1000, 0);
        for (int i = 0; i < 3; i++) p.sample(t++ * 1_000_000, wMain, mainWork, mainWork.length, RUN, 1000, 0);
        for (int i = 0; i < 5; i++) p.sample(t++ * 1_000_000, wPool, poolTask, poolTask.length, RUN, 1000, 0);
        p.sample(t * 1_000_000, wPool, new int[0], 0, RUN, 1000, 0);
        return p;
    }

    private static int[] stack(Profile p, String... rootFirst) {
        int[] frames = new int[rootFirst.length];
        for (int i = 0; i < rootFirst.length; i++) {
            String[] part = rootFirst[i].split(":");
            frames[rootFirst.length - 1 - i] = p.frame(part[0], part[1], Integer.parseInt(part[2]), Integer.parseInt(part[2]));
        }
        return frames;
    }

    static CallTree tree(Profile profile, Roots roots, Transforms transforms) {
        return CallTree.topDown(StackCounts.of(profile, Selection.ALL, Cancel.NEVER), KeyBy.FUNCTION, transforms, roots,
            Cancel.NEVER);
    }

    @Test
    void byProcessGivesEachProcessItsTower() {
        Profile p = twoProcesses();
        assertEquals(List.of(
            "all 15/0",
            "  process 11 \"python3 -c worker\" 9/1",
            "    worker (pool.py:3) 5/0",
            "      work (app.py:5) 5/5",
            "    main (app.py:1) 3/0",
            "      work (app.py:5) 3/3",
            "  process 10 \"python3 app.py\" 6/0",
            "    main (app.py:1) 6/0",
            "      work (app.py:5) 4/4",
            "      wait (app.py:9) 2/2"), CallTreeTest.outline(tree(p, Roots.PROCESS, Transforms.NONE)));
        assertEquals(List.of(
            "all 15/1",
            "  main (app.py:1) 9/0",
            "    work (app.py:5) 7/7",
            "    wait (app.py:9) 2/2",
            "  worker (pool.py:3) 5/0",
            "    work (app.py:5) 5/5"), CallTreeTest.outline(tree(p, Roots.MERGED, Transforms.NONE)));
    }

    @Test
    void byThreadAndByProcessAndThread() {
        Profile p = twoProcesses();
        assertEquals(List.of(
            "all 15/0",
            "  thread 10 \"MainThread\" 6/0",
            "    main (app.py:1) 6/0",
            "      work (app.py:5) 4/4",
            "      wait (app.py:9) 2/2",
            "  thread 12 \"pool\" 6/1",
            "    worker (pool.py:3) 5/0",
            "      work (app.py:5) 5/5",
            "  thread 11 \"MainThread\" 3/0",
            "    main (app.py:1) 3/0",
            "      work (app.py:5) 3/3"), CallTreeTest.outline(tree(p, Roots.THREAD, Transforms.NONE)));
        CallTree both = tree(p, Roots.PROCESS_AND_THREAD, Transforms.NONE);
        assertEquals(List.of(
            "all 15/0",
            "  process 11 \"python3 -c worker\" 9/0",
            "    thread 12 \"pool\" 6/1",
            "      worker (pool.py:3) 5/0",
            "        work (app.py:5) 5/5",
            "    thread 11 \"MainThread\" 3/0",
            "      main (app.py:1) 3/0",
            "        work (app.py:5) 3/3",
            "  process 10 \"python3 app.py\" 6/0",
            "    thread 10 \"MainThread\" 6/0",
            "      main (app.py:1) 6/0",
            "        work (app.py:5) 4/4",
            "        wait (app.py:9) 2/2"), CallTreeTest.outline(both));
        // The hot list counts a function once per sample, wherever its towers are; the roots are rows of their own.
        HotFunctions hot = HotFunctions.of(both);
        int work = row(hot, "work (app.py:5)");
        assertEquals(12, hot.self(work));
        assertEquals(9, hot.total(row(hot, "process 11 \"python3 -c worker\"")));
    }

    private static int row(HotFunctions hot, String label) {
        for (int r = 0; r < hot.size(); r++) if (hot.label(r).equals(label)) return r;
        throw new AssertionError(label + " not in the hot list");
    }

    @Test
    void rootFramesDescribeTheirProcessAndTakeTransforms() {
        Profile p = twoProcesses();
        CallTree tree = tree(p, Roots.PROCESS, Transforms.NONE);
        int workerRoot = tree.firstChild(0);
        Keys keys = tree.keys();
        int key = tree.key(workerRoot);
        assertTrue(keys.isRoot(key));
        assertFalse(keys.isNative(key));
        assertEquals(-1, keys.representativeFrame(key));
        List<String> card = keys.root(key).describe(p);
        assertEquals(List.of("process 11 · parent 10", "python3 -c worker", "Python 3.12.1", "started 0.00 s · ended 0.01 s"), card);
        FrameRef ref = tree.ref(workerRoot);
        assertTrue(RootFrames.isRootRef(ref));
        assertFalse(RootFrames.isRootRef(FrameRef.function("app.py", "main", 1)));
        assertEquals("process 11 \"python3 -c worker\" (app.py)",
            FrameRef.function("app.py", "process 11 \"python3 -c worker\"", 0).label(), "a real frame of that name is no root");

        // Focus on one process: its tower alone, its frame the root's child.
        assertEquals(List.of(
            "all 9/0",
            "  process 11 \"python3 -c worker\" 9/1",
            "    worker (pool.py:3) 5/0",
            "      work (app.py:5) 5/5",
            "    main (app.py:1) 3/0",
            "      work (app.py:5) 3/3"), CallTreeTest.outline(tree(p, Roots.PROCESS, Transforms.of(new Transform.Focus(ref)))));
        // Focus on a function keeps each process's tower above it.
        FrameRef work = FrameRef.function("app.py", "work", 5);
        assertEquals(List.of(
            "all 12/0",
            "  process 11 \"python3 -c worker\" 8/0",
            "    work (app.py:5) 8/8",
            "  process 10 \"python3 app.py\" 4/0",
            "    work (app.py:5) 4/4"), CallTreeTest.outline(tree(p, Roots.PROCESS, Transforms.of(new Transform.Focus(work)))));
        // Merging a thread's frame gives its time to its process; a root transform without root frames is left out.
        CallTree merged = tree(p, Roots.PROCESS_AND_THREAD, Transforms.of(new Transform.Merge(
            RootFrames.ref("thread 12 \"pool\"", KeyBy.FUNCTION))));
        assertEquals("  process 11 \"python3 -c worker\" 9/1", CallTreeTest.outline(merged).get(1));
        assertEquals("    worker (pool.py:3) 5/0", CallTreeTest.outline(merged).get(2));
        assertEquals(CallTreeTest.outline(tree(p, Roots.MERGED, Transforms.NONE)),
            CallTreeTest.outline(tree(p, Roots.MERGED, Transforms.of(new Transform.Focus(ref)))));
    }

    @Test
    void byProcessOfOneProcessAddsNothing() {
        Profile one = TestProfiles.create().add(3, "app.py:main:1", "app.py:work:5").add(2, 7, RUN, "app.py:main:1").profile();
        assertNull(RootFrames.of(Snapshot.of(one), Roots.PROCESS));
        assertEquals(CallTreeTest.outline(tree(one, Roots.MERGED, Transforms.NONE)),
            CallTreeTest.outline(tree(one, Roots.PROCESS, Transforms.NONE)));
        assertEquals(List.of(
            "all 5/0",
            "  thread 1 \"thread-1\" 3/0",
            "    main (app.py:1) 3/0",
            "      work (app.py:5) 3/3",
            "  thread 7 \"thread-7\" 2/0",
            "    main (app.py:1) 2/2"), CallTreeTest.outline(tree(one, Roots.THREAD, Transforms.NONE)));
    }

    @Test
    void rootsWorkUnderEveryKeyAndWithSelections() {
        Profile p = twoProcesses();
        for (KeyBy by : KeyBy.values()) {
            CallTree tree = CallTree.topDown(StackCounts.of(p, Selection.ALL, Cancel.NEVER), by, Transforms.NONE,
                Roots.PROCESS, Cancel.NEVER);
            assertEquals(15, tree.total(0), by.name());
            assertEquals("process 11 \"python3 -c worker\"", tree.label(tree.firstChild(0)), by.name());
            FrameRef ref = tree.ref(tree.firstChild(0));
            assertEquals(by, ref.level());
            assertTrue(RootFrames.isRootRef(ref), by.name());
        }
        // A time range (3 ms to 12 ms) and a thread filter (threads 10 and 12) count the same samples as the merged tree would.
        Selection some = Selection.ALL.withTimeRange(3_000, 12_000).withThreads(java.util.Set.of(0, 2));
        CallTree rooted = CallTree.topDown(StackCounts.of(p, some, Cancel.NEVER), KeyBy.FUNCTION, Transforms.NONE,
            Roots.PROCESS_AND_THREAD, Cancel.NEVER);
        CallTree merged = CallTree.topDown(StackCounts.of(p, some, Cancel.NEVER), KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
        assertEquals(merged.total(0), rooted.total(0));
        assertEquals(List.of(
            "all 6/0",
            "  process 10 \"python3 app.py\" 3/0",
            "    thread 10 \"MainThread\" 3/0",
            "      main (app.py:1) 3/0",
            "        wait (app.py:9) 2/2",
            "        work (app.py:5) 1/1",
            "  process 11 \"python3 -c worker\" 3/0",
            "    thread 12 \"pool\" 3/0",
            "      worker (pool.py:3) 3/0",
            "        work (app.py:5) 3/3"), CallTreeTest.outline(rooted));
        // Flame layout, left heavy: towers side by side, widths their shares.
        FlameLayout flame = FlameLayout.of(tree(p, Roots.PROCESS, Transforms.NONE), 0, FlameLayout.Order.HEAVIEST_FIRST, Cancel.NEVER);
        assertEquals("process 11 \"python3 -c worker\"", flame.label(1));
        assertEquals(9.0 / 15, flame.width(1), 1e-9);
    }

    @Test
    void picturesDrawTheTowersTheyAreAskedFor(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Profile p = twoProcesses();
        var options = dev.pyrometer.model.interchange.ExportOptions.DEFAULT.withRoots(Roots.PROCESS);
        java.nio.file.Path svg = dir.resolve("towers.svg"), html = dir.resolve("towers.html"), plain = dir.resolve("plain.svg");
        dev.pyrometer.model.interchange.ProfileFiles.write(p, svg, dev.pyrometer.model.interchange.Format.SVG, options);
        dev.pyrometer.model.interchange.ProfileFiles.write(p, html, dev.pyrometer.model.interchange.Format.HTML, options);
        dev.pyrometer.model.interchange.ProfileFiles.write(p, plain, dev.pyrometer.model.interchange.Format.SVG);
        String picture = java.nio.file.Files.readString(svg);
        assertTrue(picture.contains("data-label=\"process 11 &quot;python3 -c worker&quot;\""), "the worker's tower");
        assertTrue(picture.contains("process 11 · parent 10 · python3 -c worker · Python 3.12.1"), "its tooltip says who it is");
        assertTrue(java.nio.file.Files.readString(html).contains("\"process 10 \\\"python3 app.py\\\"\""), "the page's labels");
        assertFalse(java.nio.file.Files.readString(plain).contains("data-label=\"process "), "merged by default");
    }

    @Test
    void manyThreadsOverManyStacksGiveTheSameTowers() {
        // 2,100 threads over 2,001 stack nodes: too many (thread, stack) cells for the dense tables, so the hashed
        // paths count and join them.
        Profile p = new Profile();
        int main = p.frame("app.py", "main", 1, 1);
        for (int t = 0; t < 2100; t++) {
            int thread = p.thread(10_000 + t, "t" + t);
            int leaf = p.frame("app.py", "f" + (t % 2000), 10 + t % 2000, 10 + t % 2000);
            int[] stack = {leaf, main};
            p.sample(t * 1_000_000L, thread, stack, 2, RUN, 1000, 0);
            p.sample(t * 1_000_000L + 500_000, thread, stack, 2, RUN, 1000, 0);
            if (t % 7 == 0) p.sample(t * 1_000_000L + 700_000, thread, new int[] {main}, 1, RUN, 1000, 0);
        }
        CallTree tree = tree(p, Roots.THREAD, Transforms.NONE);
        int[] towers = tree.children(0);
        assertEquals(2100, towers.length);
        assertEquals(2100 * 2 + 300, tree.total(0));
        for (int tower : towers) {
            int t = Integer.parseInt(tree.label(tower).replaceAll("thread \\d+ \"t(\\d+)\"", "$1"));
            int mainNode = tree.firstChild(tower);
            assertEquals("main (app.py:1)", tree.label(mainNode));
            assertEquals(t % 7 == 0 ? 3 : 2, tree.total(tower), tree.label(tower));
            assertEquals(t % 7 == 0 ? 1 : 0, tree.self(mainNode), tree.label(tower));
            int f = tree.firstChild(mainNode);
            assertEquals("f" + (t % 2000) + " (app.py:" + (10 + t % 2000) + ")", tree.label(f));
            assertEquals(2, tree.total(f));
        }
    }
}
