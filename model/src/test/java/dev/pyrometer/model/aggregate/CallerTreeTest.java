package dev.pyrometer.model.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.TestProfiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerTreeTest {

    static void outline(CallerTree callers, int node, List<String> into) {
        into.add("  ".repeat(callers.depth(node)) + callers.label(node) + " " + callers.total(node) + "/" + callers.self(node));
        for (int child : callers.children(node)) outline(callers, child, into);
    }

    @Test
    void expandingEverythingGivesTheBottomUpTree() {
        for (Profile p : List.of(CallTreeTest.sample(), TransformsTest.recursive())) {
            CallTree tree = CallTreeTest.tree(p, KeyBy.FUNCTION, Transforms.NONE);
            CallerTree callers = CallerTree.of(tree);
            assertEquals(1, callers.size(), "nothing is built before it is asked for");
            List<String> lazily = new ArrayList<>();
            outline(callers, 0, lazily);
            assertEquals(CallTreeTest.outline(CallTree.bottomUp(tree, Cancel.NEVER)), lazily);
        }
    }

    @Test
    void nodesKnowTheirCategoriesAndWhetherTheyHaveCallers() {
        Profile p = TestProfiles.create()
            .add(3, 1, SampleState.RUNNING | SampleState.NATIVE, "a.py:main:1", "a.py:f:2")
            .add(1, 1, SampleState.RUNNING, "a.py:f:2")
            .profile();
        CallerTree callers = CallerTree.of(CallTreeTest.tree(p, KeyBy.FUNCTION, Transforms.NONE));
        int f = callers.children(0)[0];
        assertEquals("f (a.py:2)", callers.label(f));
        assertEquals(4, callers.total(f));
        assertEquals(1, callers.self(f));
        assertEquals(3, callers.totalIn(f, SampleState.CATEGORY_NATIVE));
        assertTrue(callers.hasChildren(f));
        int main = callers.children(f)[0];
        assertFalse(callers.hasChildren(main));
        assertEquals(0, callers.children(main).length);
        assertEquals(FrameRef.function("a.py", "main", 1), callers.ref(main));
        assertEquals(0.75, callers.share(main));
        assertEquals(f, callers.parent(main));
    }

    @Test
    void aMinimumShareLeavesNarrowCallersOut() {
        TestProfiles b = TestProfiles.create().add(90, "a.py:main:1", "a.py:hot:2");
        for (int i = 0; i < 10; i++) b.add(1, "a.py:main:1", "a.py:caller" + i + ":3", "a.py:hot:2");
        CallTree tree = CallTreeTest.tree(b.profile(), KeyBy.FUNCTION, Transforms.NONE);
        CallTree all = CallTree.bottomUp(tree, Cancel.NEVER);
        CallTree wide = CallTree.bottomUp(tree, 0.05, Cancel.NEVER);
        assertEquals(1 + 1 + 1 + 10 + 10, all.size());
        assertEquals(List.of("all 100/0", "  hot (a.py:2) 100/0", "    main (a.py:1) 90/90"), CallTreeTest.outline(wide));
    }
}
