package dev.pyrometer.model.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.TestProfiles;
import org.junit.jupiter.api.Test;

class HotFunctionsTest {

    @Test
    void rowsAreSortedBySelfWithTotalsCountedOncePerSample() {
        CallTree tree = CallTreeTest.tree(TransformsTest.recursive(), KeyBy.FUNCTION, Transforms.NONE);
        HotFunctions hot = HotFunctions.of(tree);
        assertEquals(4, hot.size());
        assertEquals("leaf (r.py:29)", hot.label(0));
        assertEquals(5, hot.self(0));
        assertEquals(5, hot.total(0));
        assertEquals("visit (r.py:19)", hot.label(1));
        assertEquals(1, hot.self(1));
        assertEquals(3, hot.total(1));
        int walk = hot.rowOf(tree.key(2));
        assertEquals("walk (r.py:9)", hot.label(walk));
        assertEquals(6, hot.total(walk), "walk is on every stack, several times on some: still 6");
        assertEquals(0, hot.self(walk));
        assertEquals(6, hot.sampleCount());
        assertEquals(FrameRef.function("r.py", "walk", 9), hot.ref(walk));
    }

    @Test
    void categoriesPerRow() {
        TestProfiles b = TestProfiles.create()
            .add(2, 1, SampleState.RUNNING | SampleState.NATIVE, "a.py:f:1")
            .add(1, 1, SampleState.RUNNING, "a.py:f:1", "a.py:g:2");
        HotFunctions hot = HotFunctions.of(CallTreeTest.tree(b.profile(), KeyBy.FUNCTION, Transforms.NONE));
        assertEquals("f (a.py:1)", hot.label(0));
        assertEquals(2, hot.selfIn(0, SampleState.CATEGORY_NATIVE));
        assertEquals(1, hot.totalIn(0, SampleState.CATEGORY_PYTHON));
        assertEquals(1, hot.selfIn(1, SampleState.CATEGORY_PYTHON));
    }

    @Test
    void byLineListsLines() {
        HotFunctions hot = HotFunctions.of(CallTreeTest.tree(CallTreeTest.sample(), KeyBy.LINE, Transforms.NONE));
        assertEquals("hot (app.py:30)", hot.label(0));
        assertEquals(6, hot.self(0));
        assertEquals("work (app.py:21)", hot.label(1));
    }

    @Test
    void bottomUpTreesAreRefused() {
        CallTree tree = CallTreeTest.tree(CallTreeTest.sample(), KeyBy.LINE, Transforms.NONE);
        assertThrows(IllegalArgumentException.class, () -> HotFunctions.of(CallTree.bottomUp(tree, Cancel.NEVER)));
    }
}
