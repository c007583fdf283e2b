package dev.pyrometer.app.ui.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.model.PyrometerException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotViewModelTest {

    @Test
    void formatsEveryThreadLikePySpyDump() {
        ThreadDump main = new ThreadDump(101, "MainThread", true, true, false,
            List.of(new ThreadDump.Frame("search", "/srv/app.py", 26), new ThreadDump.Frame("<module>", "/srv/app.py", 52)));
        ThreadDump idle = new ThreadDump(102, null, false, false, false, List.of());
        SnapshotViewModel model = new SnapshotViewModel("pid 7", () -> List.of(main, idle), new DirectTaskRunner());
        model.refresh();
        assertEquals("""
            Thread 101 "MainThread" (running, holds the GIL)
                search (/srv/app.py:26)
                <module> (/srv/app.py:52)

            Thread 102 (idle)
                (no Python frames)
            """, model.textProperty().get());
        assertTrue(model.statusProperty().get().startsWith("2 threads, taken at "));
    }

    @Test
    void aFailureIsOneSentence() {
        SnapshotViewModel model = new SnapshotViewModel("pid 7", () -> {
            throw new PyrometerException("process 7 has exited");
        }, new DirectTaskRunner());
        model.refresh();
        assertEquals("process 7 has exited", model.statusProperty().get());
    }
}
