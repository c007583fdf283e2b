package dev.pyrometer.model.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.CancelledException;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.TestProfiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTreeTest {

    static Profile sample() {
        return TestProfiles.create()
            .add(6, "app.py:main:10:1", "app.py:work:20:18", "app.py:hot:30:28")
            .add(3, "app.py:main:10:1", "app.py:work:21:18")
            .add(2, "app.py:main:11:1", "lib.py:helper:5:4", "app.py:hot:31:28")
            .add(1, "app.py:main:12:1")
            .profile();
    }

    static CallTree tree(Profile profile, KeyBy by, Transforms transforms) {
        return CallTree.topDown(StackCounts.of(profile, Selection.ALL, Cancel.NEVER), by, transforms, Cancel.NEVER);
    }

    /** "label total/self" per node in depth-first order, indented by depth. */
    static List<String> outline(CallTree tree) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            lines.add("  ".repeat(tree.depth(i)) + tree.label(i) + " " + tree.total(i) + "/" + tree.self(i));
        }
        return lines;
    }

    @Test
    void topDownByFunctionAddsSelfAndTotal() {
        CallTree tree = tree(sample(), KeyBy.FUNCTION, Transforms.NONE);
        assertEquals(List.of(
            "all 12/0",
            "  main (app.py:1) 12/1",
            "    work (app.py:18) 9/3",
            "      hot (app.py:28) 6/6",
            "    helper (lib.py:4) 2/0",
            "      hot (app.py:28) 2/2"), outline(tree));
        assertEquals(1.0, tree.share(0));
        assertEquals(0.75, tree.share(2));
    }

    @Test
    void topDownByLineKeepsLinesApart() {
        CallTree tree = tree(sample(), KeyBy.LINE, Transforms.NONE);
        assertEquals(List.of(
            "all 12/0",
            "  main (app.py:10) 9/0",
            "    work (app.py:20) 6/0",
            "      hot (app.py:30) 6/6",
            "    work (app.py:21) 3/3",
            "  main (app.py:11) 2/0",
            "    helper (lib.py:5) 2/0",
            "      hot (app.py:31) 2/2",
            "  main (app.py:12) 1/1"), outline(tree));
    }

    @Test
    void byFileMergesConsecutiveFramesOfOneFile() {
        CallTree tree = tree(sample(), KeyBy.FILE, Transforms.NONE);
        assertEquals(List.of(
            "all 12/0",
            "  app.py 12/10",
            "    lib.py 2/0",
            "      app.py 2/2"), outline(tree));
    }

    @Test
    void byModuleGroupsLibraries() {
        Profile p = TestProfiles.create()
            .add(4, "/srv/app/run.py:main:3", "/usr/lib/python3/dist-packages/numpy/core/a.py:dot:9",
                "/usr/lib/python3/dist-packages/numpy/linalg/b.py:solve:7")
            .add(1, "/srv/app/run.py:main:3", "/usr/lib/python3.11/json/decoder.py:decode:1")
            .profile();
        CallTree tree = tree(p, KeyBy.MODULE, Transforms.NONE);
        assertEquals(List.of("all 5/0", "  /srv/app 5/0", "    numpy 4/4", "    json 1/1"), outline(tree));
    }

    @Test
    void navigationFollowsTheDepthFirstOrder() {
        CallTree tree = tree(sample(), KeyBy.FUNCTION, Transforms.NONE);
        assertEquals(1, tree.firstChild(0));
        assertEquals(-1, tree.nextSibling(1));
        assertArrayEquals(new int[] {2, 4}, tree.children(1));
        assertEquals(4, tree.nextSibling(2));
        assertEquals(-1, tree.firstChild(3));
        assertEquals(4, tree.end(2));
        assertArrayEquals(new int[] {1, 4, 5}, tree.path(5));
        assertEquals(FrameRef.function("app.py", "hot", 28), tree.ref(5));
        assertEquals(5, tree.child(4, tree.key(5)));
    }

    @Test
    void bottomUpStartsFromWhatWasRunning() {
        CallTree bottomUp = CallTree.bottomUp(tree(sample(), KeyBy.FUNCTION, Transforms.NONE), Cancel.NEVER);
        assertEquals(List.of(
            "all 12/0",
            "  hot (app.py:28) 8/0",
            "    work (app.py:18) 6/0",
            "      main (app.py:1) 6/6",
            "    helper (lib.py:4) 2/0",
            "      main (app.py:1) 2/2",
            "  work (app.py:18) 3/0",
            "    main (app.py:1) 3/3",
            "  main (app.py:1) 1/1"), outline(bottomUp));
        assertThrows(IllegalArgumentException.class, () -> CallTree.bottomUp(bottomUp, Cancel.NEVER));
    }

    @Test
    void categoriesSplitSelfAndTotal() {
        Profile p = TestProfiles.create()
            .add(3, 1, SampleState.RUNNING, "a.py:f:1", "a.py:g:2")
            .add(2, 1, SampleState.RUNNING | SampleState.NATIVE, "a.py:f:1", "a.py:g:2")
            .add(1, 1, SampleState.RUNNING | SampleState.SYSTEM, "a.py:f:1")
            .add(4, 1, 0, "a.py:f:1", "a.py:g:2")
            .profile();
        CallTree tree = tree(p, KeyBy.FUNCTION, Transforms.NONE);
        int f = 1, g = 2;
        assertEquals(10, tree.total(f));
        assertEquals(3, tree.totalIn(f, SampleState.CATEGORY_PYTHON));
        assertEquals(2, tree.totalIn(f, SampleState.CATEGORY_NATIVE));
        assertEquals(1, tree.totalIn(f, SampleState.CATEGORY_SYSTEM));
        assertEquals(4, tree.totalIn(f, SampleState.CATEGORY_IDLE));
        assertEquals(1, tree.selfIn(f, SampleState.CATEGORY_SYSTEM));
        assertEquals(0, tree.selfIn(f, SampleState.CATEGORY_PYTHON));
        assertEquals(4, tree.selfIn(g, SampleState.CATEGORY_IDLE));
    }

    @Test
    void samplesWithoutPythonFramesStayOnTheRoot() {
        Profile p = TestProfiles.create().add(2, "a.py:f:1").profile();
        int t = p.thread(1, null);
        p.sample(5_000_000, t, new int[0], 0, SampleState.RUNNING, 0, 0);
        CallTree tree = tree(p, KeyBy.FUNCTION, Transforms.NONE);
        assertEquals(3, tree.total(0));
        assertEquals(1, tree.self(0));
    }

    @Test
    void anEmptyProfileGivesARootAlone() {
        CallTree tree = tree(new Profile(), KeyBy.LINE, Transforms.NONE);
        assertEquals(1, tree.size());
        assertEquals(0, tree.total(0));
        assertEquals(0.0, tree.share(0));
    }

    @Test
    void cancellationStopsTheWork() {
        StackCounts counts = StackCounts.of(sample(), Selection.ALL, Cancel.NEVER);
        Cancel.Token token = new Cancel.Token();
        token.cancel();
        assertThrows(CancelledException.class, () -> CallTree.topDown(counts, KeyBy.LINE, Transforms.NONE, token));
        assertThrows(CancelledException.class, () -> StackCounts.of(sample(), Selection.ALL, token));
    }
}
