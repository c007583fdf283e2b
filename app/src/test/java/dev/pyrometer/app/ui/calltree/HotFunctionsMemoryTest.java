package dev.pyrometer.app.ui.calltree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.support.PhasedProfiles;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.TimeRange;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class HotFunctionsMemoryTest {
    private final DirectTaskRunner runner = new DirectTaskRunner();

    private static FrameRow row(HotFunctionsViewModel hot, String name) {
        return hot.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void rowsCarryTheMemoryTheirFunctionGrewAndReleased() {
        AnalysisViewModel analysis = new AnalysisViewModel(PhasedProfiles.twoPhases(2000), runner);
        HotFunctionsViewModel hot = new HotFunctionsViewModel(analysis.analysisProperty(), new SimpleObjectProperty<FrameSelection>());
        analysis.rebuild();
        assertTrue(hot.hasMemoryProperty().get());
        assertEquals(999 * PhasedProfiles.GROW_STEP, row(hot, "load").growth(), "every tick but the baseline");
        assertEquals(0, row(hot, "load").release());
        assertEquals(999 * PhasedProfiles.FREE_STEP, row(hot, "crunch").release(), "but the tick from load() to crunch()");
        assertEquals(0, row(hot, "main").growth(), "self only: main itself allocated nothing");
        assertEquals(PhasedProfiles.FREE_STEP, row(hot, "main").release(), "the tick whose stacks shared only main()");
        assertEquals(999 * PhasedProfiles.GROW_STEP - 1000 * PhasedProfiles.FREE_STEP, row(hot, "main").totalMemory().net(),
            "total: everything under main, net");
        assertEquals(999 * PhasedProfiles.GROW_STEP, row(hot, "load").selfMemory().net());
        assertTrue(row(hot, "load").selfMemory().finding());
        assertEquals(999, row(hot, "load").selfMemory().ticks());

        analysis.timeRangeProperty().set(new TimeRange(1_500_000, 2_000_000));
        assertFalse(hot.rows().stream().anyMatch(r -> r.name().equals("load")), "load did not run in the range");
        assertEquals(500 * PhasedProfiles.FREE_STEP, row(hot, "crunch").release());
    }

    @Test
    void aProfileWithoutAMemoryTrackHasNoMemoryColumns() {
        Profile p = new Profile();
        int thread = p.thread(1, "main");
        int frame = p.frame("a.py", "f", 1, 1);
        for (int i = 0; i < 10; i++) p.sample(i * 1_000_000L, thread, new int[] {frame}, 1, 1, 0, 0);
        AnalysisViewModel analysis = new AnalysisViewModel(p, runner);
        HotFunctionsViewModel hot = new HotFunctionsViewModel(analysis.analysisProperty(), new SimpleObjectProperty<FrameSelection>());
        analysis.rebuild();
        assertFalse(hot.hasMemoryProperty().get());
        assertEquals(0, row(hot, "f").growth());
    }
}
