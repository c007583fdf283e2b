package dev.pyrometer.app.ui.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.support.PhasedProfiles;
import dev.pyrometer.model.aggregate.TimeOrder;
import dev.pyrometer.model.aggregate.TimeRange;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeOrderViewModelTest {
    private final DirectTaskRunner runner = new DirectTaskRunner();
    private final SimpleObjectProperty<FrameSelection> selection = new SimpleObjectProperty<>();
    private AnalysisViewModel analysis;
    private FlameGraphViewModel flame;
    private TimeOrderViewModel chart;

    @BeforeEach
    void setUp() {
        analysis = new AnalysisViewModel(PhasedProfiles.twoPhases(2000), runner);
        flame = new FlameGraphViewModel(analysis, selection, runner);
        chart = new TimeOrderViewModel(analysis, selection, flame, runner);
        chart.widthProperty().set(1000);
        analysis.rebuild();
    }

    static String functionAt(TimeOrder chart, long micros, int depth) {
        int rect = chart.nodeAt(micros, depth);
        return rect < 0 ? null : chart.keys().function(chart.key(rect));
    }

    @Test
    void nothingIsLaidOutUntilTheChartIsShown() {
        assertNull(chart.scene());
        flame.timeOrderProperty().set(true);
        assertNotNull(chart.scene());
    }

    @Test
    void thePhasesStandInTheOrderTheyRanAndARangeKeepsOnlyItsOwn() {
        flame.timeOrderProperty().set(true);
        TimeOrder whole = chart.scene().chart();
        assertEquals(0, whole.thread(), "the busiest thread: the main one");
        assertEquals("load", functionAt(whole, 500_000, 2));
        assertEquals("crunch", functionAt(whole, 1_500_000, 2));
        assertTrue(whole.start(whole.nodeAt(500_000, 2)) < whole.start(whole.nodeAt(1_500_000, 2)));

        analysis.timeRangeProperty().set(new TimeRange(1_200_000, 1_800_000));
        TimeOrder second = chart.scene().chart();
        assertEquals(1_200_000, second.fromMicros());
        for (int i = 0; i < second.size(); i++) {
            assertTrue(!"load".equals(second.keys().function(second.key(i))), "only the second phase is in the range");
        }
        assertEquals("crunch", functionAt(second, 1_500_000, 2));
    }

    @Test
    void anotherThreadCanBeShownWithItsIdleSamples() {
        flame.timeOrderProperty().set(true);
        assertEquals(3, chart.threads().size(), "busiest, then both threads");
        assertEquals("waiter", chart.threads().get(2).label());
        chart.threadProperty().set(1);
        assertEquals(0, chart.scene().chart().size(), "the waiter never ran");
        analysis.includeIdleProperty().set(true);
        assertEquals("waiter", functionAt(chart.scene().chart(), 700_000, 1));
    }

    @Test
    void aClickSelectsTheFrameAndADoubleClickItsTime() {
        flame.timeOrderProperty().set(true);
        TimeOrder c = chart.scene().chart();
        int load = c.nodeAt(500_000, 2);
        chart.click(load);
        assertEquals("load", selection.get().function());
        assertEquals(c.key(load), chart.scene().selectedKey(), "the chart outlines what was selected");
        chart.selectTimeOf(load);
        assertEquals(new TimeRange(0, 1_000_000), analysis.timeRangeProperty().get());
        chart.hover(load);
        assertTrue(chart.hoverTextProperty().get().startsWith("load"), chart.hoverTextProperty().get());
        assertTrue(chart.hoverTextProperty().get().contains("1,000 samples"), chart.hoverTextProperty().get());
    }
}
