package dev.pyrometer.app.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import dev.pyrometer.app.ui.support.PhasedProfiles;
import dev.pyrometer.app.ui.support.TestServices;
import dev.pyrometer.model.aggregate.TimeRange;
import dev.pyrometer.model.session.SavedView;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The selected time range is part of a session: saved with it, selected again when it is opened. */
class SavedRangeTest {
    @TempDir
    Path dir;
    private final TestServices test = new TestServices();

    private WorkbenchViewModel workbench() {
        Services real = new Services(test.runner, test.ticker, List::of, test.targets, new ModelSessionFiles(), test.dialogs,
            test.settings, dir.resolve("autosave"));
        return new WorkbenchViewModel(real);
    }

    @Test
    void aSavedSessionReopensWithItsRangeSelected() {
        Path file = dir.resolve("phases.pyro");
        new ModelSessionFiles().save(PhasedProfiles.twoPhases(2000), file, (done, total) -> { }, () -> false);

        WorkbenchViewModel first = workbench();
        first.open(List.of(file));
        WorkspaceViewModel workspace = first.selected();
        assertNull(workspace.analysis().timeRangeProperty().get());
        workspace.timeline().select(1_200_000, 1_700_000);
        assertEquals(500, workspace.analysis().analysis().sampleCount());
        assertFalse(workspace.isUnsaved(), "selecting is looking, not changing the recording");
        workspace.save(() -> { });
        assertFalse(workspace.isUnsaved(), "saved, range and all");
        first.close(workspace, () -> { });

        WorkbenchViewModel second = workbench();
        second.open(List.of(file));
        WorkspaceViewModel reopened = second.selected();
        assertEquals(new TimeRange(1_200_000, 1_700_000), reopened.analysis().timeRangeProperty().get());
        assertEquals(500, reopened.analysis().analysis().sampleCount(), "every view follows the restored range");
        assertEquals(1.999, reopened.recordingSeconds(), 1e-9, "the recording's length (its last tick), not the range's 0.5 s");
        assertFalse(reopened.isUnsaved());

        reopened.timeline().clearSelection();
        reopened.save(() -> { });
        WorkbenchViewModel third = workbench();
        third.open(List.of(file));
        assertNull(third.selected().analysis().timeRangeProperty().get(), "a cleared selection is saved as none");
    }

    @Test
    void theLengthIsTheSamplersOwnMeasureWhenItWroteOne() {
        Path file = dir.resolve("long.pyro");
        var profile = PhasedProfiles.twoPhases(2000);
        profile.metadata("sampler.duration_s", "126.25"); // the sampler ran on after the last sample
        SavedView.putRange(profile, new TimeRange(1_200_000, 1_700_000));
        new ModelSessionFiles().save(profile, file, (done, total) -> { }, () -> false);
        WorkbenchViewModel model = workbench();
        model.open(List.of(file));
        assertEquals(126.25, model.selected().recordingSeconds(), 1e-9);
    }

    @Test
    void aRecordingKeepsItsRangeInTheAutosaveAtOnce() {
        WorkbenchViewModel model = new WorkbenchViewModel(test.services(dir.resolve("autosave")));
        model.picker().attach(new dev.pyrometer.app.ui.picker.ProcessRow(4242, "me", "3.11.7", "python3 app.py", "", 0, null));
        WorkspaceViewModel workspace = model.selected();
        test.targets.last().recording.feed(500);
        test.ticker.tick();
        workspace.timeline().select(100_000, 200_000);
        assertEquals("100000-200000", workspace.profile().metadata(SavedView.RANGE));
        assertTrue(workspace.liveProperty().get());
    }
}
