package dev.pyrometer.app.ui.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.support.PhasedProfiles;
import dev.pyrometer.model.aggregate.FrameRef;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;

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
        assertEquals(1000 * PhasedProfiles.FREE_STEP, doc.memory().release(PhasedProfiles.FREE_LINE));
        // 999 × 64 KB = 62.4 MB; 1000 × 32 KB = 31.25 MB.
        assertEquals("   +62M       ", doc.memoryText(PhasedProfiles.GROW_LINE));
        assertEquals("          −31M", doc.memoryText(PhasedProfiles.FREE_LINE));
        assertEquals(MemoryColumns.BLANK, doc.memoryText(1));
        assertTrue(SourceDocument.memoryHeader().contains("+mem"));
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
