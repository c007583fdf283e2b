package dev.pyrometer.model.aggregate;

import static dev.pyrometer.model.aggregate.CallTreeTest.outline;
import static dev.pyrometer.model.aggregate.CallTreeTest.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.TestProfiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformsTest {
    private static final FrameRef WORK = FrameRef.function("app.py", "work");
    private static final FrameRef HOT = FrameRef.function("app.py", "hot");

    @Test
    void focusReRootsAtTheOutermostCallAndDropsTheRest() {
        CallTree tree = tree(CallTreeTest.sample(), KeyBy.FUNCTION, Transforms.of(new Transform.Focus(HOT)));
        assertEquals(List.of("all 8/0", "  hot (app.py:28) 8/8"), outline(tree));
    }

    @Test
    void focusOnALineKeepsOnlyThatLine() {
        Transforms focus = Transforms.of(new Transform.Focus(FrameRef.line("app.py", "work", 21)));
        assertEquals(List.of("all 3/0", "  work (app.py:21) 3/3"), outline(tree(CallTreeTest.sample(), KeyBy.LINE, focus)));
    }

    @Test
    void mergeGivesAFunctionsTimeToItsCallers() {
        CallTree tree = tree(CallTreeTest.sample(), KeyBy.FUNCTION, Transforms.of(new Transform.Merge(WORK)));
        assertEquals(List.of(
            "all 12/0",
            "  main (app.py:1) 12/4",
            "    hot (app.py:28) 6/6",
            "    helper (lib.py:4) 2/0",
            "      hot (app.py:28) 2/2"), outline(tree));
    }

    @Test
    void mergingAModuleHidesALibrarysInsides() {
        CallTree tree = tree(CallTreeTest.sample(), KeyBy.FUNCTION, Transforms.of(new Transform.Merge(FrameRef.module("lib"))));
        assertEquals(List.of(
            "all 12/0",
            "  main (app.py:1) 12/1",
            "    work (app.py:18) 9/3",
            "      hot (app.py:28) 6/6",
            "    hot (app.py:28) 2/2"), outline(tree));
    }

    static Profile recursive() {
        return TestProfiles.create()
            .add(2, "r.py:main:1", "r.py:walk:10:9", "r.py:visit:20:19", "r.py:walk:11:9", "r.py:leaf:30:29")
            .add(1, "r.py:main:1", "r.py:walk:10:9", "r.py:visit:20:19")
            .add(3, "r.py:main:1", "r.py:walk:10:9", "r.py:walk:10:9", "r.py:walk:12:9", "r.py:leaf:30:29")
            .profile();
    }

    @Test
    void collapseRecursionDropsTheFramesBetweenTwoCalls() {
        Transforms collapse = Transforms.of(new Transform.CollapseRecursion(FrameRef.function("r.py", "walk")));
        assertEquals(List.of(
            "all 6/0",
            "  main (r.py:1) 6/0",
            "    walk (r.py:9) 6/0",
            "      leaf (r.py:29) 5/5",
            "      visit (r.py:19) 1/1"), outline(tree(recursive(), KeyBy.FUNCTION, collapse)));
        // By line, the inner call's line replaces the outer one, so time shows where it was spent.
        assertEquals(List.of(
            "all 6/0",
            "  main (r.py:1) 6/0",
            "    walk (r.py:12) 3/0",
            "      leaf (r.py:30) 3/3",
            "    walk (r.py:11) 2/0",
            "      leaf (r.py:30) 2/2",
            "    walk (r.py:10) 1/0",
            "      visit (r.py:20) 1/1"), outline(tree(recursive(), KeyBy.LINE, collapse)));
    }

    @Test
    void collapseDirectRecursionLeavesIndirectRecursionAlone() {
        Transforms collapse = Transforms.of(new Transform.CollapseDirectRecursion());
        assertEquals(List.of(
            "all 6/0",
            "  main (r.py:1) 6/0",
            "    walk (r.py:9) 6/0",
            "      visit (r.py:19) 3/1",
            "        walk (r.py:9) 2/0",
            "          leaf (r.py:29) 2/2",
            "      leaf (r.py:29) 3/3"), outline(tree(recursive(), KeyBy.FUNCTION, collapse)));
    }

    @Test
    void hideIdleLeavesOutWaitingThreads() {
        Profile p = TestProfiles.create()
            .add(3, 1, SampleState.RUNNING, "a.py:f:1")
            .add(5, 2, 0, "a.py:wait:2")
            .profile();
        assertEquals(8, tree(p, KeyBy.FUNCTION, Transforms.NONE).total(0));
        CallTree hidden = tree(p, KeyBy.FUNCTION, Transforms.of(new Transform.HideIdle()));
        assertEquals(List.of("all 3/0", "  f (a.py:1) 3/3"), outline(hidden));
    }

    @Test
    void transformsStackAndUndo() {
        Transforms merged = Transforms.NONE.then(new Transform.Merge(WORK));
        Transforms both = merged.then(new Transform.Focus(HOT));
        assertEquals(List.of("all 8/0", "  hot (app.py:28) 8/8"), outline(tree(CallTreeTest.sample(), KeyBy.FUNCTION, both)));
        assertEquals(merged, both.undo());
        assertSame(Transforms.NONE, Transforms.NONE.undo());
        assertTrue(both.undo().undo().isEmpty());
        assertEquals("Merge work (app.py) into callers", merged.list().getFirst().describe());
        // Order matters: focusing on work and then merging it leaves work's callees as roots.
        Transforms focusThenMerge = Transforms.of(new Transform.Focus(WORK), new Transform.Merge(WORK));
        assertEquals(List.of("all 9/3", "  hot (app.py:28) 6/6"), outline(tree(CallTreeTest.sample(), KeyBy.FUNCTION, focusThenMerge)));
    }
}
