package dev.pyrometer.app.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Transform;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalysisViewModelTest {
    private final DirectTaskRunner runner = new DirectTaskRunner();

    @Test
    void rebuildComputesEveryAggregationOfTheSameSnapshot() {
        Profile profile = DemoProfiles.cpuDemo(1000);
        AnalysisViewModel model = new AnalysisViewModel(profile, runner);
        model.rebuild();
        Analysis analysis = model.analysis();
        // Idle helper-thread samples are left out by default: only the main thread's 1000 running samples count.
        assertEquals(1000, analysis.sampleCount());
        assertEquals(analysis.snapshot(), analysis.counts().snapshot());
        assertEquals(2, analysis.snapshot().threads());
        assertTrue(analysis.hot().size() > 5);
    }

    @Test
    void includingIdleSamplesAddsTheWaitingThread() {
        AnalysisViewModel model = new AnalysisViewModel(DemoProfiles.cpuDemo(1000), runner);
        model.rebuild();
        model.includeIdleProperty().set(true);
        assertEquals(1100, model.analysis().sampleCount());
    }

    @Test
    void threadFilterKeepsOnlyTheChosenThreads() {
        AnalysisViewModel model = new AnalysisViewModel(DemoProfiles.cpuDemo(1000), runner);
        model.includeIdleProperty().set(true);
        model.threadsProperty().set(Set.of(1));
        assertEquals(100, model.analysis().sampleCount());
    }

    @Test
    void aLiveProfileIsReaggregatedOnlyWhenItGrew() {
        Profile profile = DemoProfiles.cpuDemo(500);
        AnalysisViewModel model = new AnalysisViewModel(profile, runner);
        model.rebuild();
        Analysis first = model.analysis();
        model.refreshIfGrown();
        assertSame(first, model.analysis(), "nothing changed, nothing recomputed");
        DemoProfiles.feed(profile, 500, 500);
        model.refreshIfGrown();
        assertNotSame(first, model.analysis());
        assertEquals(1000, model.analysis().sampleCount());
    }

    @Test
    void transformsStackAndUndo() {
        AnalysisViewModel model = new AnalysisViewModel(DemoProfiles.cpuDemo(2000), runner);
        model.keyByProperty().set(KeyBy.FUNCTION);
        model.rebuild();
        int before = model.analysis().tree().size();
        FrameRef search = FrameRef.function(DemoProfiles.demoFile().toString(), "search", 23);
        model.apply(new Transform.Focus(search));
        assertTrue(model.analysis().sampleCount() < 2000 * 0.3, "only samples through search remain");
        assertTrue(model.undo());
        assertEquals(before, model.analysis().tree().size());
        assertFalse(model.undo(), "nothing left to undo");
    }
}
