package dev.pyrometer.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.app.ui.common.Dialogs;
import dev.pyrometer.app.ui.recording.Recording;
import dev.pyrometer.app.ui.recording.RecordingViewModel;
import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.app.ui.support.FakeTargets;
import dev.pyrometer.app.ui.support.TestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchViewModelTest {
    @TempDir
    Path dir;
    private final TestServices test = new TestServices();
    private WorkbenchViewModel model;

    @BeforeEach
    void setUp() {
        model = new WorkbenchViewModel(test.services(dir.resolve("autosave")));
    }

    @Test
    void openingASessionAddsAWorkspaceAndARecentFile() {
        Path file = dir.resolve("demo.pyro");
        test.files.files.put(file, DemoProfiles.cpuDemo(1000));
        model.open(List.of(file));
        WorkspaceViewModel workspace = model.selected();
        assertEquals("demo.pyro", workspace.titleProperty().get());
        assertEquals(1000, workspace.analysis().analysis().sampleCount());
        assertFalse(workspace.isUnsaved());
        assertEquals(List.of(file.toAbsolutePath()), model.recent().files());
        model.open(List.of(file));
        assertEquals(1, model.workspaces().size(), "a file already open is brought forward, not opened twice");
    }

    @Test
    void aDamagedSessionOpensWithAWarningAndAMissingOneWithAnError() {
        Path damaged = dir.resolve("damaged.pyro");
        test.files.files.put(damaged, DemoProfiles.cpuDemo(100));
        test.files.warnings.put(damaged, "damaged.pyro is damaged at byte 4,096 (bad checksum); loaded the 100 samples (0.1 s) before it.");
        model.open(List.of(damaged, dir.resolve("missing.pyro")));
        assertEquals(1, model.workspaces().size());
        assertEquals(1, test.dialogs.warnings.size());
        assertTrue(test.dialogs.warnings.getFirst().contains("bad checksum"));
        assertEquals(1, test.dialogs.errors.size());
        assertTrue(test.dialogs.errors.getFirst().startsWith("Could not open missing.pyro: "));
    }

    @Test
    void attachingToAPoolParentFromThePickerFollowsItsWorkersUnlessUnchecked() {
        var parent = new dev.pyrometer.app.ui.picker.ProcessRow(50, "me", "3.13.0", "python3 pool.py", "", 0, null);
        test.processes.addAll(List.of(parent,
            new dev.pyrometer.app.ui.picker.ProcessRow(51, "me", "3.13.0", "python3 pool.py", "", 0, null, 50),
            new dev.pyrometer.app.ui.picker.ProcessRow(52, "me", "3.13.0", "python3 pool.py", "", 0, null, 50)));
        model.picker().refresh();
        model.picker().selectedProperty().set(parent);
        model.picker().attach(parent);
        assertTrue(test.targets.last().subprocesses, "the include choice, on by default, reaches the target service");
        model.picker().includeSubprocessesProperty().set(false);
        model.picker().attach(parent);
        assertFalse(test.targets.last().subprocesses);
        assertEquals(2, model.workspaces().size());
    }

    @Test
    void attachingRecordsLiveIntoAnAutosavedWorkspace() {
        model.picker().attach(new dev.pyrometer.app.ui.picker.ProcessRow(4242, "me", "3.11.7", "python3 app.py", "", 0, null));
        WorkspaceViewModel workspace = model.selected();
        assertEquals("app.py (pid 4242)", workspace.titleProperty().get());
        assertTrue(workspace.liveProperty().get());
        assertFalse(model.picker().attachingProperty().get());
        Path autosave = workspace.autosaveFile();
        assertTrue(autosave.startsWith(dir.resolve("autosave")));
        assertTrue(test.files.autosaves.get(autosave), "the autosave is streaming");

        FakeTargets.FakeRecording recording = test.targets.last().recording;
        recording.feed(500);
        test.ticker.tick();
        assertEquals(500, workspace.analysis().analysis().sampleCount(), "the live refresh picked up the samples");

        recording.end(Recording.Outcome.TARGET_EXITED);
        test.ticker.tick();
        assertFalse(workspace.liveProperty().get());
        assertEquals(RecordingViewModel.State.ENDED, workspace.recording().state());
        assertFalse(test.files.autosaves.get(autosave), "the autosave was finished");
        assertEquals("app.py", workspace.titleProperty().get());
    }

    @Test
    void attachFailuresComeBackToThePicker() {
        test.targets.failures.put(1, "cannot attach to process 1: permission denied; run as the same user or set kernel.yama.ptrace_scope=0");
        model.picker().attach(new dev.pyrometer.app.ui.picker.ProcessRow(1, "root", "3.11", "python3", "", 0, null));
        assertTrue(model.workspaces().isEmpty());
        assertTrue(model.picker().errorProperty().get().startsWith("cannot attach to process 1: permission denied"));
    }

    @Test
    void closingAnUnsavedRecordingAsksAndCanSaveCancelOrDiscard() {
        model.handle(new DesktopRequest(4242, List.of(), List.of()));
        WorkspaceViewModel workspace = model.selected();
        test.targets.last().recording.feed(100);

        test.dialogs.saveAnswer = Dialogs.SaveChoice.CANCEL;
        AtomicBoolean closed = new AtomicBoolean();
        model.close(workspace, () -> closed.set(true));
        assertFalse(closed.get());
        assertEquals(1, model.workspaces().size());

        test.dialogs.saveAnswer = Dialogs.SaveChoice.SAVE;
        test.dialogs.saveTarget = dir.resolve("mine");
        model.close(workspace, () -> closed.set(true));
        assertTrue(closed.get());
        assertTrue(model.workspaces().isEmpty());
        assertSame(workspace.profile(), test.files.files.get(dir.resolve("mine.pyro")), "saved with the extension added");
        assertTrue(test.targets.last().closed, "the target was let go");
        assertNull(model.selected(), "back to the start page");
        assertEquals(2, test.dialogs.saveQuestions.size());
    }

    @Test
    void quittingClosesEveryWorkspaceOrNone() {
        Path file = dir.resolve("a.pyro");
        test.files.files.put(file, DemoProfiles.cpuDemo(10));
        model.open(List.of(file));
        model.handle(new DesktopRequest(4242, List.of(), List.of()));
        test.targets.last().recording.feed(10);
        test.dialogs.saveAnswer = Dialogs.SaveChoice.CANCEL;
        AtomicBoolean quit = new AtomicBoolean();
        model.requestQuit(() -> quit.set(true));
        assertFalse(quit.get());
        assertEquals(1, model.workspaces().size(), "the saved session closed, the recording asked and stayed");
        test.dialogs.saveAnswer = Dialogs.SaveChoice.DISCARD;
        model.requestQuit(() -> quit.set(true));
        assertTrue(quit.get());
    }

    @Test
    void launchingACommandRecordsIt() {
        model.handle(new DesktopRequest(null, List.of("python3", "job.py", "--fast"), List.of()));
        assertEquals(List.of("python3", "job.py", "--fast"), test.targets.launched.getFirst().command());
        assertTrue(model.selected().titleProperty().get().startsWith("job.py (pid "));
    }

    @Test
    void openingIsAForegroundJobThatCanBeCancelled() {
        var queued = new dev.pyrometer.app.ui.common.QueuedTaskRunner();
        WorkbenchViewModel slow = new WorkbenchViewModel(test.services(queued, dir.resolve("autosave")));
        Path file = dir.resolve("big.pyro");
        test.files.files.put(file, DemoProfiles.cpuDemo(100));
        slow.open(List.of(file));
        assertEquals("Opening big.pyro", slow.foregroundProperty().get().titleProperty().get());
        slow.cancelForeground();
        assertNull(slow.foregroundProperty().get());
        queued.runAll();
        assertTrue(slow.workspaces().isEmpty(), "a cancelled open adds nothing");
        assertTrue(test.dialogs.errors.isEmpty());
    }

    @Test
    void exportingIsNotSaving() {
        Path file = dir.resolve("a.pyro");
        test.files.files.put(file, DemoProfiles.cpuDemo(10));
        model.open(List.of(file));
        WorkspaceViewModel workspace = model.selected();
        test.dialogs.exportTarget = dir.resolve("a.speedscope.json");
        workspace.export();
        assertSame(workspace.profile(), test.files.files.get(dir.resolve("a.speedscope.json")));
        assertEquals(file, workspace.file(), "the workspace still belongs to its session file");
        assertEquals(List.of(file.toAbsolutePath()), model.recent().files(), "exports are not recent sessions");
    }

    @Test
    void themeAndMappingsAreRemembered() {
        model.darkProperty().set(true);
        model.mappings().add(new dev.pyrometer.app.source.PathMapping("/srv", "/home/me/srv"));
        WorkbenchViewModel again = new WorkbenchViewModel(test.services(dir));
        assertTrue(again.darkProperty().get());
        assertEquals(1, again.mappings().size());
    }
}
