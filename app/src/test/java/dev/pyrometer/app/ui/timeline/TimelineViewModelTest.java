package dev.pyrometer.app.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.TimeRange;
import dev.pyrometer.model.aggregate.Timeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimelineViewModelTest {
    private final DirectTaskRunner runner = new DirectTaskRunner();
    private Profile profile;
    private AnalysisViewModel analysis;
    private TimelineViewModel timeline;

    /** The demo profile: 10,000 ticks at 1 kHz, so 0 to 9.999 s. */
    @BeforeEach
    void setUp() {
        profile = DemoProfiles.cpuDemo(10_000, true);
        analysis = new AnalysisViewModel(profile, runner);
        analysis.rebuild();
        timeline = new TimelineViewModel(analysis, runner);
        timeline.widthProperty().set(1000);
    }

    @Test
    void bucketsCoverTheWholeRecordingOnePerPixel() {
        Timeline data = timeline.data();
        assertEquals(1000, data.buckets());
        assertEquals(0, data.fromMicros());
        assertEquals(9_999_000, data.toMicros());
        assertEquals(2, data.threads());
        assertNull(timeline.windowProperty().get(), "the whole recording: nothing zoomed");
        assertEquals(new TimeRange(0, 9_999_000), timeline.shown());
    }

    @Test
    void selectingARangeNarrowsEveryViewAndClearingWidensThemAgain() {
        int all = analysis.analysis().sampleCount();
        Timeline before = timeline.data();
        timeline.select(6_000_000, 2_000_000);
        assertEquals(new TimeRange(2_000_000, 6_000_000), analysis.timeRangeProperty().get());
        assertEquals(4000, analysis.analysis().sampleCount(), "four seconds of the main thread at 1 kHz");
        assertSame(before, timeline.data(), "the lanes show everything whatever is selected: no recomputation");
        timeline.clearSelection();
        assertNull(analysis.timeRangeProperty().get());
        assertEquals(all, analysis.analysis().sampleCount());
    }

    @Test
    void aDragIsPreviewedWithoutTouchingTheViews() {
        var shown = analysis.analysis();
        timeline.preview(3_000_000, 1_000_000);
        assertEquals(new TimeRange(1_000_000, 3_000_000), timeline.draggingProperty().get());
        assertSame(shown, analysis.analysis());
        timeline.endPreview();
        assertNull(timeline.draggingProperty().get());
        timeline.select(5, 5);
        assertNull(analysis.timeRangeProperty().get(), "an empty drag selects nothing");
    }

    @Test
    void zoomKeepsTheAnchorInPlaceAndPanningStopsAtTheEnds() {
        timeline.zoom(4, 2_000_000);
        TimeRange window = timeline.windowProperty().get();
        assertEquals(9_999_000 / 4, window.durationMicros(), 1);
        double at = (2_000_000.0 - window.fromMicros()) / window.durationMicros();
        assertEquals(0.2, at, 0.001, "the anchor stays a fifth of the way across");
        assertEquals(window.durationMicros(), timeline.data().toMicros() - timeline.data().fromMicros(), "buckets follow the window");

        timeline.pan(-10);
        assertEquals(0, timeline.windowProperty().get().fromMicros());
        timeline.pan(10);
        assertEquals(9_999_000, timeline.windowProperty().get().toMicros());
        timeline.zoom(1 / 100.0);
        assertNull(timeline.windowProperty().get(), "zooming out past the recording shows all of it");

        timeline.zoom(1e9, 500_000);
        assertEquals(TimelineViewModel.MIN_SPAN_MICROS, timeline.windowProperty().get().durationMicros());
        timeline.resetZoom();
        assertNull(timeline.windowProperty().get());
    }

    @Test
    void zoomingToTheSelectionLeavesAMargin() {
        assertFalse(timeline.zoomToSelection());
        timeline.select(4_000_000, 5_000_000);
        assertTrue(timeline.zoomToSelection());
        assertEquals(new TimeRange(3_950_000, 5_050_000), timeline.windowProperty().get());
    }

    @Test
    void aLiveRecordingGrowsTheTimeline() {
        Timeline before = timeline.data();
        analysis.refreshIfGrown();
        assertSame(before, timeline.data(), "nothing new, nothing recomputed");
        DemoProfiles.feed(profile, 5_000, 10_000, true);
        analysis.refreshIfGrown();
        assertNotSame(before, timeline.data());
        assertEquals(14_999_000, timeline.data().toMicros());
    }

    @Test
    void theHoverSaysWhatIsUnderTheMouse() {
        timeline.hover(TimelineGeometry.Row.LANE, 0, 1_234_000);
        assertTrue(timeline.hoverTextProperty().get().startsWith("1.234 s  ·  MainThread: python"), timeline.hoverTextProperty().get());
        timeline.hover(TimelineGeometry.Row.LANE, 1, 1_234_000);
        assertTrue(timeline.hoverTextProperty().get().contains("heartbeat:"), timeline.hoverTextProperty().get());
        timeline.hover(TimelineGeometry.Row.CPU, -1, 1_234_000);
        assertTrue(timeline.hoverTextProperty().get().contains("CPU 1.0"), timeline.hoverTextProperty().get());
        timeline.hover(TimelineGeometry.Row.MEMORY, -1, 1_234_000);
        assertTrue(timeline.hoverTextProperty().get().contains("resident memory"), timeline.hoverTextProperty().get());
        timeline.hover(null, -1, 0);
        assertEquals("", timeline.hoverTextProperty().get());
    }
}
