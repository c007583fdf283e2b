package dev.pyrometer.app.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.support.DemoProfiles;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThreadFilterViewModelTest {

    @Test
    void listsThreadsByNameAndTranslatesChecksIntoTheSelection() {
        AnalysisViewModel analysis = new AnalysisViewModel(DemoProfiles.cpuDemo(500), new DirectTaskRunner());
        ThreadFilterViewModel filter = new ThreadFilterViewModel(analysis);
        analysis.rebuild();
        assertEquals(List.of("MainThread", "heartbeat"), filter.choices().stream().map(ThreadChoice::label).toList());
        assertTrue(filter.isShown(1));

        filter.show(List.of(0));
        assertEquals(Set.of(0), analysis.threadsProperty().get());
        assertFalse(filter.isShown(1));

        filter.show(List.of(0, 1));
        assertNull(analysis.threadsProperty().get(), "all checked means all threads, including ones not met yet");
    }
}
