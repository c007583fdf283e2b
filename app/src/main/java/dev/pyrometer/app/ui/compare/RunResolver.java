package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.common.Dialogs;
import dev.pyrometer.app.ui.common.Job;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.app.ui.session.RecentFiles;
import dev.pyrometer.app.ui.session.SessionFiles;
import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import dev.pyrometer.model.PyrometerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the runs a user picked into {@link RunSource}s: an open tab's profile as it is (a recording keeps growing),
 * a file read in the background as the workbench's foreground job (a file already open in a tab is not read again).
 */
public final class RunResolver {
    private final TaskRunner runner;
    private final SessionFiles files;
    private final Dialogs dialogs;
    private final RecentFiles recent;
    private final List<WorkspaceViewModel> open;
    private final Consumer<Job> foreground;

    /** @param foreground shows a job with progress and Cancel (null: the job ended) */
    public RunResolver(TaskRunner runner, SessionFiles files, Dialogs dialogs, RecentFiles recent, List<WorkspaceViewModel> open,
                       Consumer<Job> foreground) {
        this.runner = runner;
        this.files = files;
        this.dialogs = dialogs;
        this.recent = recent;
        this.open = open;
        this.foreground = foreground;
    }

    /** The open tabs, then the recent files not open: what a comparison can be made of. */
    public List<RunChoice> choices() {
        List<RunChoice> choices = new ArrayList<>();
        for (WorkspaceViewModel w : open) choices.add(new RunChoice.Open(w));
        for (Path file : recent.files()) if (openAt(file) == null) choices.add(new RunChoice.File(file));
        return choices;
    }

    /** Gives {@code then} the run; a file that cannot be read gets an error dialog instead. */
    public void resolve(RunChoice choice, Consumer<RunSource> then) {
        switch (choice) {
            case RunChoice.Open tab -> then.accept(runOf(tab.workspace()));
            case RunChoice.File chosen -> {
                Path file = chosen.path().toAbsolutePath().normalize();
                WorkspaceViewModel already = openAt(file);
                if (already != null) {
                    then.accept(runOf(already));
                    return;
                }
                Job job = runner.submit("Opening " + file.getFileName(), (cancelled, progress) -> files.open(file, progress, cancelled),
                    opened -> {
                        foreground.accept(null);
                        recent.touch(file);
                        if (opened.warning() != null) dialogs.warning("Part of the session could be read", opened.warning());
                        then.accept(RunSource.saved(opened.profile(), file));
                    },
                    error -> {
                        foreground.accept(null);
                        if (!Files.exists(file)) recent.forget(file);
                        dialogs.error("Could not compare with " + file.getFileName(), error instanceof PyrometerException user
                            ? user.getMessage() : "Opening " + file + " failed: " + error);
                    });
                if (!job.isDone()) foreground.accept(job);
            }
        }
    }

    /** An open tab as a run of a comparison. */
    public static RunSource runOf(WorkspaceViewModel workspace) {
        return new RunSource(workspace.profile(), workspace.titleProperty().get(), workspace.file(), workspace.liveProperty(),
            workspace.target() == null ? 0 : workspace.target().pid());
    }

    private WorkspaceViewModel openAt(Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        for (WorkspaceViewModel w : open) {
            if (w.file() != null && wanted.equals(w.file().toAbsolutePath().normalize())) return w;
        }
        return null;
    }
}
