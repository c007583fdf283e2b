package dev.pyrometer.model.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.TestProfiles;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.diff.DiffValues.Presence;
import org.junit.jupiter.api.Test;

/**
 * Comparisons match functions by file and name, so two functions of one file with one name (lambdas, decorators'
 * {@code wrapper}s, nested {@code <genexpr>}s) are one row there, though they are two keys in each call tree.
 */
class SameNameTest {
    private static final double EPS = 1e-9;

    @Test
    void aSampleInTwoSameNamedFunctionsCountsOnceInTheTotal() {
        // Two decorators of one module wrap the same function: wrapper (line 5) calls wrapper (line 15) calls work.
        Profile p = TestProfiles.create()
            .add(10, "app.py:main:1", "deco.py:wrapper:6:5", "deco.py:wrapper:16:15", "app.py:work:30")
            .add(10, "app.py:main:2", "app.py:other:40")
            .profile();
        CallTree tree = DiffTest.tree(p, KeyBy.FUNCTION);
        DiffTable table = DiffTable.of(tree, DiffTest.tree(p, KeyBy.FUNCTION), Normalization.SHARE);
        int wrapper = DiffTest.row(table, "wrapper (deco.py)");
        assertEquals(0.5, table.baseTotal(wrapper), EPS, "half the samples pass through a wrapper");
        assertEquals(10, table.newTotalSamples(wrapper));
        assertEquals(0, table.baseSelf(wrapper), EPS);
    }

    @Test
    void sameNamedSiblingsEachFindTheirCounterpart() {
        Profile p = TestProfiles.create()
            .add(30, "app.py:main:1", "app.py:<lambda>:5:5")
            .add(20, "app.py:main:1", "app.py:<lambda>:9:9")
            .profile();
        DiffTree merged = DiffTree.of(DiffTest.tree(p, KeyBy.FUNCTION), DiffTest.tree(p, KeyBy.FUNCTION), Normalization.SHARE,
            Cancel.NEVER);
        assertEquals(4, merged.size(), "root, main and the two lambdas, each matched with itself");
        for (int node = 0; node < merged.size(); node++) {
            assertEquals(Presence.BOTH, merged.presence(node), merged.label(node));
            assertEquals(0, merged.totalDelta(node), EPS, merged.label(node));
        }
    }
}
