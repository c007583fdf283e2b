package dev.pyrometer.model.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.TestProfiles;
import org.junit.jupiter.api.Test;

class LineHeatTest {

    static LineHeat heat(Profile p, String file) {
        return LineHeat.of(StackCounts.of(p, Selection.ALL, Cancel.NEVER), file, Cancel.NEVER);
    }

    @Test
    void selfIsWhereTheFileWasRunningAndTotalWhereItWasWaitingOnCalls() {
        LineHeat heat = heat(CallTreeTest.sample(), "app.py");
        assertEquals(12, heat.sampleCount());
        assertEquals(31, heat.lastLine());
        assertEquals(9, heat.total(10));
        assertEquals(0, heat.self(10));
        assertEquals(6, heat.total(20));
        assertEquals(3, heat.self(21));
        assertEquals(6, heat.self(30));
        assertEquals(2, heat.total(11), "calls into lib.py count for the calling line");
        assertEquals(2, heat.self(31));
        assertEquals(1, heat.self(12));
        assertEquals(0, heat.total(13));
        assertEquals(0, heat.total(500));
        assertEquals(0, heat.total(-1));
        assertEquals(30, heat.hottestLine());

        LineHeat lib = heat(CallTreeTest.sample(), "lib.py");
        assertEquals(2, lib.total(5));
        assertEquals(0, lib.self(5));
    }

    @Test
    void recursionCountsALineOncePerSample() {
        LineHeat heat = heat(TransformsTest.recursive(), "r.py");
        assertEquals(6, heat.total(10));
        assertEquals(5, heat.total(30));
        assertEquals(5, heat.self(30));
    }

    @Test
    void categoriesSplitEveryLine() {
        Profile p = TestProfiles.create()
            .add(2, 1, SampleState.RUNNING | SampleState.SYSTEM, "a.py:f:1", "a.py:g:5")
            .add(3, 1, 0, "a.py:f:1", "a.py:g:6")
            .profile();
        LineHeat heat = heat(p, "a.py");
        assertEquals(2, heat.selfIn(5, SampleState.CATEGORY_SYSTEM));
        assertEquals(3, heat.selfIn(6, SampleState.CATEGORY_IDLE));
        assertEquals(3, heat.totalIn(1, SampleState.CATEGORY_IDLE));
        assertEquals(2, heat.totalIn(1, SampleState.CATEGORY_SYSTEM));
        assertEquals(0, heat.totalIn(1, SampleState.CATEGORY_PYTHON));
    }

    @Test
    void anUnknownFileIsCold() {
        LineHeat heat = heat(CallTreeTest.sample(), "nowhere.py");
        assertEquals(0, heat.lastLine());
        assertEquals(0, heat.total(0));
        assertEquals(0, heat.hottestLine());
    }
}
