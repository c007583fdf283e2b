package dev.pyrometer.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.app.ui.common.Dialogs;
import dev.pyrometer.app.ui.common.QueuedTaskRunner;
import dev.pyrometer.app.ui.recording.Recording;
import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import dev.pyrometer.app.ui.support.FakeTargets;
import dev.pyrometer.app.ui.support.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures while recording reach the user at once, with a way out: an autosave that fails shows in the workspace
 * (with Save As… for the samples still in memory), and closing a tab ends its recording, target and autosave in the
 * background, telling of anything that failed, with quitting waiting for it.
 */
class RecordingFailuresTest {
    private static final String FULL = "could not write the session x.pyro: No space left on device.";
    @TempDir Path dir;
    private final TestServices test = new TestServices();

    private WorkspaceViewModel record(WorkbenchViewModel model) {
        model.handle(new DesktopRequest(4242, List.of(), List.of()));
        return model.selected();
    }

    @Test
    void anAutosaveThatFailsWhileRecordingIsToldAtOnceAndSaveAsKeepsTheSamples() {
        WorkbenchViewModel model = new WorkbenchViewModel(test.services(dir.resolve("autosave")));
        WorkspaceViewModel workspace = record(model);
        FakeTargets.FakeRecording recording = test.targets.last().recording;
        recording.feed(300);
        test.ticker.tick();
        assertNull(workspace.autosaveProblemProperty().get());

        test.files.autosaveFailures.put(workspace.autosaveFile(), FULL);
        test.ticker.tick(); // the next live refresh, a fifth of a second later
        assertEquals("Autosave failed: " + FULL + " The recording is kept in memory only: Save As… to keep it.",
            workspace.autosaveProblemProperty().get());
        assertTrue(test.dialogs.errors.isEmpty() && test.dialogs.warnings.isEmpty(), "told in place, not in a dialog");

        int atFailure = workspace.profile().samples().size();
        recording.feed(200);
        test.dialogs.saveTarget = dir.resolve("kept");
        workspace.saveAs(() -> { });
        assertSame(workspace.profile(), test.files.files.get(dir.resolve("kept.pyro")));
        assertTrue(test.files.files.get(dir.resolve("kept.pyro")).samples().size() > atFailure,
            "every sample, those after the failure too");
        assertTrue(workspace.autosaveProblemProperty().get().startsWith("Saved to kept.pyro. The autosave still fails"),
            workspace.autosaveProblemProperty().get());

        recording.end(Recording.Outcome.STOPPED);
        test.ticker.tick();
        workspace.save(() -> { });
        assertNull(workspace.autosaveProblemProperty().get(), "saved after the end: nothing is left to lose");
    }

    @Test
    void anAutosaveThatCannotStartIsToldInTheStatusBarNotInADialog() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("autosave"), "a file where the folder should be");
        WorkbenchViewModel model = new WorkbenchViewModel(test.services(notAFolder));
        WorkspaceViewModel workspace = record(model);
        assertTrue(workspace.liveProperty().get(), "it records all the same");
        assertNull(workspace.autosaveFile());
        assertTrue(workspace.autosaveProblemProperty().get().startsWith("Autosave failed: the folder " + notAFolder
            + " cannot be made ("), workspace.autosaveProblemProperty().get());
        assertTrue(test.dialogs.warnings.isEmpty());
    }

    @Test
    void anAutosaveThatFailsToEndIsToldToo() {
        WorkbenchViewModel model = new WorkbenchViewModel(test.services(dir.resolve("autosave")));
        WorkspaceViewModel workspace = record(model);
        test.targets.last().recording.feed(100);
        test.files.autosaveFailures.put(workspace.autosaveFile(), FULL);
        test.targets.last().recording.end(Recording.Outcome.TARGET_EXITED);
        test.ticker.tick();
        assertFalse(workspace.liveProperty().get());
        assertTrue(workspace.autosaveProblemProperty().get().startsWith("Autosave failed: " + FULL));
    }

    @Test
    void closingEndsTheRecordingOffTheUiThreadAndQuittingWaitsForIt() {
        QueuedTaskRunner background = new QueuedTaskRunner();
        WorkbenchViewModel model = new WorkbenchViewModel(test.services(background, dir.resolve("autosave")));
        model.handle(new DesktopRequest(4242, List.of(), List.of()));
        background.runAll(); // attaching
        WorkspaceViewModel workspace = model.selected();
        FakeTargets.FakeTarget target = test.targets.last();
        Path autosave = workspace.autosaveFile();
        target.recording.feed(50);
        test.dialogs.saveAnswer = Dialogs.SaveChoice.DISCARD;

        AtomicBoolean quit = new AtomicBoolean();
        model.requestQuit(() -> quit.set(true));
        assertTrue(model.workspaces().isEmpty(), "the tab goes at once");
        assertFalse(target.closed, "nothing that may wait ran on the UI thread");
        assertTrue(test.files.autosaves.get(autosave));
        assertEquals(Recording.Outcome.RUNNING, target.recording.outcome);
        assertFalse(quit.get(), "quitting waits for the recording, target and autosave to end");

        background.runAll();
        assertEquals(Recording.Outcome.STOPPED, target.recording.outcome);
        assertTrue(target.closed);
        assertFalse(test.files.autosaves.get(autosave));
        assertTrue(workspace.disposedProperty().get());
        assertTrue(quit.get());
    }

    @Test
    void aFailureWhileClosingIsToldInADialogAndTheTabStillCloses() {
        WorkbenchViewModel model = new WorkbenchViewModel(test.services(dir.resolve("autosave")));
        WorkspaceViewModel workspace = record(model);
        test.targets.last().closeFailure = "the launched program would not end";
        AtomicBoolean closed = new AtomicBoolean();
        model.close(workspace, () -> closed.set(true));
        assertTrue(closed.get());
        assertTrue(model.workspaces().isEmpty());
        assertFalse(test.files.autosaves.get(workspace.autosaveFile()), "the autosave was ended all the same");
        assertEquals(List.of("Could not close app.py (pid 4242): the launched program would not end"), test.dialogs.errors);
        assertTrue(workspace.disposedProperty().get());
    }
}
