package dev.pyrometer.model.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.TestProfiles;
import org.junit.jupiter.api.Test;

class FlameLayoutTest {
    private static final double EPS = 1e-12;

    static FlameLayout layout(Profile p, double minWidth, FlameLayout.Order order) {
        CallTree tree = CallTreeTest.tree(p, KeyBy.FUNCTION, Transforms.NONE);
        return FlameLayout.of(tree, minWidth, order, Cancel.NEVER);
    }

    @Test
    void childrenSitSideBySideUnderTheirParentAlphabetically() {
        Profile p = TestProfiles.create()
            .add(6, "a.py:main:1", "a.py:zeta:10")
            .add(3, "a.py:main:1", "a.py:alpha:20")
            .add(1, "a.py:main:1")
            .profile();
        FlameLayout flame = layout(p, 0, FlameLayout.Order.ALPHABETICAL);
        assertEquals(4, flame.size());
        assertEquals(3, flame.depthCount());
        assertEquals("all", flame.label(0));
        assertEquals(1.0, flame.width(0), EPS);
        assertEquals("main (a.py:1)", flame.label(1));
        assertEquals(1, flame.depth(1));
        assertEquals("alpha (a.py:20)", flame.label(2));
        assertEquals(0.0, flame.x(2), EPS);
        assertEquals(0.3, flame.width(2), EPS);
        assertEquals("zeta (a.py:10)", flame.label(3));
        assertEquals(0.3, flame.x(3), EPS);
        assertEquals(0.6, flame.width(3), EPS);
        assertEquals(2, flame.depth(3));
        assertEquals(1, flame.self(1));
        assertEquals(10, flame.total(1));

        FlameLayout heavy = layout(p, 0, FlameLayout.Order.HEAVIEST_FIRST);
        assertEquals("zeta (a.py:10)", heavy.label(2));
        assertEquals(0.0, heavy.x(2), EPS);
    }

    @Test
    void narrowNodesGatherIntoOneOtherNode() {
        TestProfiles b = TestProfiles.create().add(90, "a.py:main:1", "a.py:big:2");
        for (int i = 0; i < 10; i++) b.add(1, "a.py:main:1", "a.py:small" + i + ":3", "a.py:deeper:4");
        FlameLayout flame = layout(b.profile(), 0.05, FlameLayout.Order.ALPHABETICAL);
        assertEquals(4, flame.size(), "root, main, big and one other; nothing below the pruned nodes");
        int other = 3;
        assertTrue(flame.isOther(other));
        assertEquals(FlameLayout.OTHER, flame.treeNode(other));
        assertEquals(10, flame.otherCount(other));
        assertEquals(10, flame.total(other));
        assertEquals(10, flame.totalIn(other, SampleState.CATEGORY_PYTHON));
        assertEquals(0.9, flame.x(other), EPS);
        assertEquals(0.1, flame.width(other), EPS);
        assertEquals("10 more", flame.label(other));
        assertEquals(2, flame.depth(other));
    }

    @Test
    void hitTestingFindsTheNodeUnderThePointer() {
        Profile p = TestProfiles.create()
            .add(6, "a.py:main:1", "a.py:zeta:10")
            .add(3, "a.py:main:1", "a.py:alpha:20")
            .add(1, "a.py:main:1")
            .profile();
        FlameLayout flame = layout(p, 0, FlameLayout.Order.ALPHABETICAL);
        assertEquals(0, flame.nodeAt(0.5, 0));
        assertEquals(2, flame.nodeAt(0.1, 2));
        assertEquals(3, flame.nodeAt(0.3, 2));
        assertEquals(3, flame.nodeAt(0.89, 2));
        assertEquals(-1, flame.nodeAt(0.95, 2), "main's self time is uncovered");
        assertEquals(-1, flame.nodeAt(0.5, 3));
        assertEquals(-1, flame.nodeAt(0.5, -1));
        assertEquals(2, flame.levelStart(2));
    }

    @Test
    void categorySplitIsThereForTooltips() {
        Profile p = TestProfiles.create()
            .add(2, 1, SampleState.RUNNING | SampleState.NATIVE, "a.py:main:1", "a.py:f:2")
            .add(1, 1, 0, "a.py:main:1", "a.py:f:2")
            .profile();
        FlameLayout flame = layout(p, 0, FlameLayout.Order.ALPHABETICAL);
        assertEquals(2, flame.selfIn(2, SampleState.CATEGORY_NATIVE));
        assertEquals(1, flame.totalIn(1, SampleState.CATEGORY_IDLE));
    }

    @Test
    void anEmptyTreeIsJustTheRoot() {
        FlameLayout flame = layout(new Profile(), 0.01, FlameLayout.Order.ALPHABETICAL);
        assertEquals(1, flame.size());
        assertEquals(0, flame.total(0));
    }
}
