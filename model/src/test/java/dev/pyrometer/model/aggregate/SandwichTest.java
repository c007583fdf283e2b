package dev.pyrometer.model.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.CancelledException;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.TestProfiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandwichTest {

    private static Sandwich of(Profile profile, String function) {
        CallTree tree = CallTreeTest.tree(profile, KeyBy.FUNCTION, Transforms.NONE);
        return Sandwich.of(tree, keyOf(tree, function), Cancel.NEVER);
    }

    private static int keyOf(CallTree tree, String function) {
        Keys keys = tree.keys();
        for (int k = 0; k < keys.size(); k++) if (function.equals(keys.function(k))) return k;
        throw new AssertionError("no function " + function);
    }

    @Test
    void aFunctionCalledFromThreePlacesHasThreeCallerPathsAndItsCalleesMerged() {
        Profile p = TestProfiles.create()
            .add(5, "a.py:main:1", "a.py:load:5", "a.py:parse:9", "a.py:scan:20")
            .add(3, "a.py:main:1", "a.py:save:6", "a.py:parse:9", "a.py:scan:20")
            .add(2, "a.py:main:1", "a.py:save:6", "a.py:parse:9", "a.py:emit:30")
            .add(4, "b.py:worker:2", "a.py:parse:9")
            .add(6, "a.py:main:1", "a.py:other:7")
            .profile();
        Sandwich parse = of(p, "parse");
        assertEquals(List.of(
            "parse (a.py:9) 14/0",
            "  load (a.py:5) 5/0",
            "    main (a.py:1) 5/5",
            "  save (a.py:6) 5/0",
            "    main (a.py:1) 5/5",
            "  worker (b.py:2) 4/4"), outline(parse.callers()));
        assertEquals(List.of(
            "parse (a.py:9) 14/4",
            "  scan (a.py:20) 8/8",
            "  emit (a.py:30) 2/2"), outline(parse.callees()));
        assertEquals(14, parse.total());
        assertEquals(4, parse.self());
        assertEquals(20, parse.sampleCount());
        assertEquals(0.7, parse.totalShare(), 1e-12);
        assertEquals(3, parse.occurrences(), "under load, under save, under worker");
        assertEquals(3, parse.directCallers(), "load, save and worker");
        assertEquals(parse.ref(), parse.callers().ref(0), "both roots stand for the function");
        assertEquals(20, parse.callers().sampleCount());
        assertEquals(-1, parse.tree().rootKey());
    }

    /** Callers read upwards: the three caller paths end at main→load, main→save and worker. */
    @Test
    void callerPathsEndWhereTheirStacksStart() {
        Profile p = TestProfiles.create()
            .add(5, "a.py:main:1", "a.py:load:5", "a.py:parse:9")
            .add(3, "a.py:main:1", "a.py:save:6", "a.py:parse:9")
            .add(4, "b.py:worker:2", "a.py:parse:9")
            .profile();
        CallTree callers = of(p, "parse").callers();
        assertEquals(List.of(
            "parse (a.py:9) 12/0",
            "  load (a.py:5) 5/0",
            "    main (a.py:1) 5/5",
            "  worker (b.py:2) 4/4",
            "  save (a.py:6) 3/0",
            "    main (a.py:1) 3/3"), outline(callers));
        assertEquals(3, callers.children(0).length, "three places call it");
        assertEquals(true, callers.isBottomUp());
    }

    @Test
    void recursionIsCountedOnce() {
        Profile p = TestProfiles.create()
            .add(10, "a.py:main:1", "a.py:fib:3", "a.py:fib:3", "a.py:fib:3", "a.py:leaf:8")
            .add(5, "a.py:main:1", "a.py:fib:3", "a.py:fib:3")
            .add(1, "a.py:main:1", "a.py:fib:3", "a.py:helper:12", "a.py:fib:3")
            .profile();
        Sandwich fib = of(p, "fib");
        assertEquals(16, fib.total(), "each sample once, however deep the recursion");
        assertEquals(6, fib.self(), "the inner calls' own time counts as the function's self");
        assertEquals(1, fib.occurrences());
        assertEquals(List.of("fib (a.py:3) 16/0", "  main (a.py:1) 16/16"), outline(fib.callers()));
        assertEquals(List.of(
            "fib (a.py:3) 16/0",
            "  fib (a.py:3) 15/5",
            "    fib (a.py:3) 10/0",
            "      leaf (a.py:8) 10/10",
            "  helper (a.py:12) 1/0",
            "    fib (a.py:3) 1/1"), outline(fib.callees()));
    }

    @Test
    void selfAndTotalSplitByCategory() {
        Profile p = TestProfiles.create()
            .add(3, 1, SampleState.RUNNING | SampleState.NATIVE, "a.py:main:1", "a.py:f:2")
            .add(2, 1, SampleState.RUNNING, "a.py:main:1", "a.py:f:2", "a.py:g:3")
            .add(1, 1, SampleState.RUNNING | SampleState.SYSTEM, "a.py:other:4", "a.py:f:2")
            .add(4, 1, SampleState.RUNNING, "a.py:main:1")
            .profile();
        Sandwich f = of(p, "f");
        assertEquals(6, f.total());
        assertEquals(4, f.self());
        assertEquals(3, f.totalIn(SampleState.CATEGORY_NATIVE));
        assertEquals(2, f.totalIn(SampleState.CATEGORY_PYTHON));
        assertEquals(1, f.totalIn(SampleState.CATEGORY_SYSTEM));
        assertEquals(3, f.selfIn(SampleState.CATEGORY_NATIVE));
        assertEquals(1, f.selfIn(SampleState.CATEGORY_SYSTEM));
        assertEquals(0, f.selfIn(SampleState.CATEGORY_PYTHON));
        assertEquals(3, f.callers().totalIn(f.callers().children(0)[0], SampleState.CATEGORY_NATIVE), "main's share of it");
    }

    @Test
    void aKeyThatNeverRanGivesEmptyHalves() {
        Profile p = TestProfiles.create().add(3, "a.py:main:1").profile();
        CallTree tree = CallTreeTest.tree(p, KeyBy.FUNCTION, Transforms.NONE);
        Sandwich none = Sandwich.of(tree, tree.keys().size() + 5, Cancel.NEVER);
        assertEquals(0, none.total());
        assertEquals(1, none.callers().size());
        assertEquals(1, none.callees().size());
    }

    @Test
    void sandwichesFollowTheKeyOfTheTree() {
        Profile p = TestProfiles.create()
            .add(4, "a.py:main:10:1", "b.py:g:5:5")
            .add(2, "a.py:main:11:1", "b.py:g:6:5")
            .profile();
        CallTree byLine = CallTreeTest.tree(p, KeyBy.LINE, Transforms.NONE);
        int line5 = -1;
        for (int k = 0; k < byLine.keys().size(); k++) if (byLine.keys().line(k) == 5) line5 = k;
        Sandwich g5 = Sandwich.of(byLine, line5, Cancel.NEVER);
        assertEquals(4, g5.total());
        assertEquals(List.of("g (b.py:5) 4/0", "  main (a.py:10) 4/4"), outline(g5.callers()));
    }

    @Test
    void cancelling() {
        Profile p = TestProfiles.create().add(3, "a.py:main:1", "a.py:f:2").profile();
        CallTree tree = CallTreeTest.tree(p, KeyBy.FUNCTION, Transforms.NONE);
        assertThrows(CancelledException.class, () -> Sandwich.of(tree, keyOf(tree, "f"), () -> true));
    }

    private static List<String> outline(CallTree tree) {
        return CallTreeTest.outline(tree);
    }
}
