package dev.pyrometer.app.ui.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.common.MemoryFigure;
import dev.pyrometer.app.ui.support.PhasedProfiles;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.FrameRef;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class MemoryGutterTest {
    private final DirectTaskRunner runner = new DirectTaskRunner();

    @Test
    void theGutterShowsWhatEachLineGrewAndReleased() {
        SimpleObjectProperty<FrameSelection> selection = new SimpleObjectProperty<>();
        AnalysisViewModel analysis = new AnalysisViewModel(PhasedProfiles.twoPhases(2000), runner);
        analysis.rebuild();
        SourceViewModel source = new SourceViewModel(analysis.analysisProperty(), selection, runner, () -> 0,
            FXCollections.observableArrayList());
        String file = PhasedProfiles.FILE;
        selection.set(new FrameSelection(FrameRef.file(file), file, null, -1, -1, List.of()));
        SourceDocument doc = source.document();
        assertTrue(doc.missing(), "the file is not on this machine; its numbers still show");
        assertTrue(doc.hasMemory());
        assertEquals(999 * PhasedProfiles.GROW_STEP, doc.memory().growth(PhasedProfiles.GROW_LINE));
        assertEquals(999 * PhasedProfiles.FREE_STEP, doc.memory().release(PhasedProfiles.FREE_LINE),
            "the tick from load() to crunch() shares only main(): main's line gets it");
        // 999 × 64 KB = 62.4 MB; 999 × 32 KB = 31.2 MB.
        assertEquals("   +62M   +62M       ", doc.memoryText(PhasedProfiles.GROW_LINE));
        assertEquals("   −31M          −31M", doc.memoryText(PhasedProfiles.FREE_LINE));
        assertEquals(MemoryColumns.BLANK, doc.memoryText(1));
        assertTrue(SourceDocument.memoryHeader().contains("net") && SourceDocument.memoryHeader().contains("+mem")
            && SourceDocument.memoryHeader().contains("total"));
        assertTrue(doc.memoryFigure(PhasedProfiles.GROW_LINE).finding(), "62 MB over 999 ticks of 32 KB jitter");
        assertEquals(999, doc.memoryFigure(PhasedProfiles.GROW_LINE).ticks());
        assertTrue(doc.memoryFigure(PhasedProfiles.GROW_LINE).tooltip().contains("999 ticks"));
        // main's line 36 is on every stack of the second half: its total is what crunch() released, and the tick that
        // went from load() to crunch().
        assertEquals(-1000 * PhasedProfiles.FREE_STEP, doc.memoryTotalFigure(36).net());
        assertEquals("   −31M", doc.memoryTotalText(36));
    }

    @Test
    void aLineWhoseNetIsWithinTheNoiseIsGreyedAndSaysSo() {
        Profile p = new Profile();
        int thread = p.thread(1, "MainThread");
        int grows = p.frame("app.py", "grow", 5, 4), churns = p.frame("app.py", "churn", 9, 8);
        long rss = 100L << 20;
        for (int tick = 0; tick < 200; tick++) {
            boolean growing = tick < 100;
            if (tick > 0) rss += growing ? 1 << 20 : (tick % 2 == 0 ? 65536 : -65536);
            p.memory(tick * 1_000_000L, rss);
            p.sample(tick * 1_000_000L, thread, new int[] {growing ? grows : churns}, 1, SampleState.RUNNING | SampleState.GIL, 1000, 0);
        }
        SimpleObjectProperty<FrameSelection> selection = new SimpleObjectProperty<>();
        AnalysisViewModel analysis = new AnalysisViewModel(p, runner);
        analysis.rebuild();
        SourceViewModel source = new SourceViewModel(analysis.analysisProperty(), selection, runner, () -> 0,
            FXCollections.observableArrayList());
        selection.set(new FrameSelection(FrameRef.file("app.py"), "app.py", null, -1, -1, List.of()));
        SourceDocument doc = source.document();
        MemoryFigure churn = doc.memoryFigure(9), grow = doc.memoryFigure(5);
        assertFalse(churn.finding(), "up and down by 64 KB: " + churn);
        assertTrue(churn.tooltip().contains("Within the track's noise"), churn.tooltip());
        assertTrue(grow.finding());
        assertTrue(grow.tooltip().contains("a finding"));
        HBox churnLine = (HBox) new SourceGutter(doc, 0).apply(8);
        HBox growLine = (HBox) new SourceGutter(doc, 0).apply(4);
        assertTrue(churnLine.getChildren().get(3).getStyleClass().contains(MemoryFigure.NOISE_STYLE), "greyed");
        assertFalse(growLine.getChildren().get(3).getStyleClass().contains(MemoryFigure.NOISE_STYLE), "a finding stands out");
        assertTrue(((Label) churnLine.getChildren().get(3)).getTooltip().getText().contains("ticks"));
    }

    @Test
    void sizesFitInFiveCharacters() {
        assertEquals("512B", MemoryColumns.compact(512));
        assertEquals("12K", MemoryColumns.compact(12 * 1024 + 5));
        assertEquals("4.2M", MemoryColumns.compact(4_404_019));
        assertEquals("310M", MemoryColumns.compact(310L << 20));
        assertEquals("1.5G", MemoryColumns.compact(1536L << 20));
        assertFalse(MemoryColumns.compact(999L << 20).length() > 5);
    }
}
