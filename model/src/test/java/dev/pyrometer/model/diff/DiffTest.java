package dev.pyrometer.model.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.TestProfiles;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.Transforms;
import dev.pyrometer.model.diff.DiffValues.Presence;
import org.junit.jupiter.api.Test;

class DiffTest {
    private static final double EPS = 1e-9;

    static Profile run(int a, int b, int c) {
        TestProfiles p = TestProfiles.create()
            .add(a, "m.py:main:1", "m.py:a:10")
            .add(b, "m.py:main:1", "m.py:b:20");
        if (c > 0) p.add(c, "m.py:main:1", "m.py:c:30");
        return p.profile();
    }

    static CallTree tree(Profile p, KeyBy by) {
        return CallTree.topDown(StackCounts.of(p, Selection.ALL, Cancel.NEVER), by, Transforms.NONE, Cancel.NEVER);
    }

    static int row(DiffTable table, String label) {
        for (int r = 0; r < table.size(); r++) if (table.label(r).equals(label)) return r;
        throw new AssertionError(label);
    }

    @Test
    void aProfileComparedWithItselfChangesNothing() {
        Profile p = dev.pyrometer.model.aggregate.TransformsTestAccess.recursive();
        for (KeyBy by : KeyBy.values()) {
            CallTree tree = tree(p, by);
            DiffTable table = DiffTable.of(tree, tree(p, by), Normalization.SHARE);
            DiffTree merged = DiffTree.of(tree, tree, Normalization.SHARE, Cancel.NEVER);
            assertEquals(tree.size(), merged.size(), "every path matched itself");
            for (DiffValues values : new DiffValues[] {table, merged}) {
                for (int r = 0; r < values.size(); r++) {
                    assertEquals(0, values.totalDelta(r), EPS);
                    assertEquals(0, values.selfDelta(r), EPS);
                    assertFalse(values.beyondNoise(r));
                    assertEquals(Presence.BOTH, values.presence(r));
                }
            }
        }
    }

    @Test
    void bigChangesStandOutAndSmallOnesAreNoise() {
        DiffTable table = DiffTable.of(tree(run(100, 100, 0), KeyBy.FUNCTION), tree(run(150, 50, 0), KeyBy.FUNCTION), Normalization.SHARE);
        int a = row(table, "a (m.py)");
        assertEquals(0.5, table.baseTotal(a), EPS);
        assertEquals(0.75, table.newTotal(a), EPS);
        assertEquals(0.25, table.totalDelta(a), EPS);
        assertEquals(Math.sqrt(0.625 * 0.375 * (2.0 / 200)), table.totalNoise(a), EPS);
        assertTrue(table.totalBeyondNoise(a));
        assertEquals(150, table.newSelfSamples(a));
        assertEquals(0, table.totalDelta(row(table, "main (m.py)")), EPS);
        assertEquals("main (m.py)", table.label(table.size() - 1), "sorted by the size of the change");

        DiffTable small = DiffTable.of(tree(run(100, 100, 0), KeyBy.FUNCTION), tree(run(105, 95, 0), KeyBy.FUNCTION), Normalization.SHARE);
        assertFalse(small.beyondNoise(row(small, "a (m.py)")), "5% of 200 samples is within noise");
    }

    @Test
    void newAndVanishedFunctionsAreMarked() {
        DiffTable table = DiffTable.of(tree(run(50, 50, 0), KeyBy.LINE), tree(run(50, 0, 50), KeyBy.LINE), Normalization.SHARE);
        int b = row(table, "b (m.py:20)");
        int c = row(table, "c (m.py:30)");
        assertEquals(Presence.VANISHED, table.presence(b));
        assertEquals(Presence.NEW, table.presence(c));
        assertEquals(0.5, table.newTotal(c), EPS);
        assertEquals("c", table.function(c));
        assertEquals("m.py", table.file(c));
        assertEquals(30, table.line(c));
        assertTrue(table.beyondNoise(c));
    }

    @Test
    void libraryFramesMatchAcrossPythonVersions() {
        Profile base = TestProfiles.create()
            .add(60, "app.py:main:1", "/root/.pyenv/versions/3.8.18/lib/python3.8/json/decoder.py:raw_decode:353").profile();
        Profile news = TestProfiles.create()
            .add(60, "app.py:main:1", "/root/.pyenv/versions/3.13.0/lib/python3.13/json/decoder.py:raw_decode:361").profile();
        DiffTable table = DiffTable.of(tree(base, KeyBy.FUNCTION), tree(news, KeyBy.FUNCTION), Normalization.SHARE);
        assertEquals(2, table.size(), "main and raw_decode, each in both runs");
        for (int r = 0; r < table.size(); r++) {
            assertEquals(Presence.BOTH, table.presence(r), table.label(r));
            assertEquals(0, table.totalDelta(r), EPS);
        }
        DiffTree merged = DiffTree.of(tree(base, KeyBy.FUNCTION), tree(news, KeyBy.FUNCTION), Normalization.SHARE, Cancel.NEVER);
        for (int r = 0; r < merged.size(); r++) assertEquals(Presence.BOTH, merged.presence(r));
    }

    @Test
    void perSecondShowsWorkThatGrewWithoutGainingShare() {
        // Twice the work everywhere in the same number of ticks: shares are equal, time per second doubled.
        Profile base = TestProfiles.create().add(50, 1, 1, "m.py:main:1", "m.py:a:10").add(50, 2, 0, "m.py:idle:5").profile();
        Profile busy = TestProfiles.create().add(50, 1, 1, "m.py:main:1", "m.py:a:10").add(50, 2, 1, "m.py:main:1", "m.py:a:10").profile();
        CallTree b = CallTree.topDown(StackCounts.of(base, Selection.NOT_IDLE, Cancel.NEVER), KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
        CallTree n = CallTree.topDown(StackCounts.of(busy, Selection.NOT_IDLE, Cancel.NEVER), KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
        DiffTable share = DiffTable.of(b, n, Normalization.SHARE);
        assertEquals(0, share.totalDelta(row(share, "a (m.py)")), EPS);
        DiffTable perSecond = DiffTable.of(b, n, Normalization.PER_SECOND);
        int a = row(perSecond, "a (m.py)");
        assertEquals(50, perSecond.baseDenominator());
        assertEquals(1.0, perSecond.baseTotal(a), EPS);
        assertEquals(2.0, perSecond.newTotal(a), EPS);
        assertTrue(perSecond.totalBeyondNoise(a));
    }

    @Test
    void treesMergePathByPath() {
        Profile base = TestProfiles.create().add(60, "m.py:main:1", "m.py:a:10").add(40, "m.py:main:1", "m.py:b:20").profile();
        Profile news = TestProfiles.create().add(60, "m.py:main:1", "m.py:a:10").add(40, "m.py:main:1", "m.py:a:10", "m.py:b:20").profile();
        DiffTree diff = DiffTree.of(tree(base, KeyBy.FUNCTION), tree(news, KeyBy.FUNCTION), Normalization.SHARE, Cancel.NEVER);
        assertEquals(5, diff.size());
        assertEquals("all", diff.label(0));
        assertNull(diff.ref(0));
        int main = diff.firstChild(0);
        assertEquals(FrameRef.function("m.py", "main", 1), diff.ref(main));
        int a = diff.firstChild(main);
        assertEquals("a (m.py:10)", diff.label(a));
        assertEquals(1.0, diff.newTotal(a), EPS);
        assertEquals(0.6, diff.baseTotal(a), EPS);
        int bUnderA = diff.firstChild(a);
        assertEquals("b (m.py:20)", diff.label(bUnderA));
        assertEquals(Presence.NEW, diff.presence(bUnderA));
        assertEquals(3, diff.depth(bUnderA));
        int bUnderMain = diff.nextSibling(a);
        assertEquals(Presence.VANISHED, diff.presence(bUnderMain));
        assertEquals(-1, diff.nextSibling(bUnderMain));
        assertEquals(5, diff.end(0));
    }

    @Test
    void eachMergedPathKnowsTheNodesItCameFrom() {
        Profile base = TestProfiles.create().add(60, "m.py:main:1", "m.py:a:10").add(40, "m.py:main:1", "m.py:b:20").profile();
        Profile news = TestProfiles.create().add(70, "m.py:main:1", "m.py:a:10").add(30, "m.py:main:1", "m.py:c:30").profile();
        CallTree b = tree(base, KeyBy.FUNCTION), n = tree(news, KeyBy.FUNCTION);
        DiffTree diff = DiffTree.of(b, n, Normalization.SHARE, Cancel.NEVER);
        for (int d = 0; d < diff.size(); d++) {
            int fromBase = diff.baseNode(d), fromNew = diff.newNode(d);
            assertEquals(diff.presence(d) != Presence.NEW, fromBase >= 0, diff.label(d));
            assertEquals(diff.presence(d) != Presence.VANISHED, fromNew >= 0, diff.label(d));
            if (fromBase >= 0) {
                assertEquals(b.total(fromBase), diff.baseTotalSamples(d));
                assertEquals(diff.ref(d), b.ref(fromBase));
            }
            if (fromNew >= 0) {
                assertEquals(n.total(fromNew), diff.newTotalSamples(d));
                if (d > 0) assertEquals(diff.ref(d).label(), n.ref(fromNew).label());
            }
        }
        assertEquals(0, diff.baseNode(0));
        assertEquals(0, diff.newNode(0));
    }

    @Test
    void treesOfDifferentKeysAreNotCompared() {
        Profile p = run(1, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> DiffTable.of(tree(p, KeyBy.LINE), tree(p, KeyBy.FUNCTION), Normalization.SHARE));
    }

    @Test
    void noiseNeedsSamplesOnBothSides() {
        assertEquals(Double.POSITIVE_INFINITY, Noise.standardError(1, 0, 1, 10, Normalization.SHARE));
        assertFalse(Noise.beyondNoise(0, 0, 10, 10, Normalization.SHARE));
        assertFalse(Noise.beyondNoise(5, 10, 5, 10, Normalization.PER_SECOND));
        assertEquals(Math.sqrt(20.0 / 200 * (2.0 / 100)), Noise.standardError(5, 100, 15, 100, Normalization.PER_SECOND), EPS);
        assertTrue(Noise.beyondNoise(0, 10_000, 100, 10_000, Normalization.SHARE));
    }
}
