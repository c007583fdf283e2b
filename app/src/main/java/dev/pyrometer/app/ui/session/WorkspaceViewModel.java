package dev.pyrometer.app.ui.session;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.analysis.ThreadFilterViewModel;
import dev.pyrometer.app.ui.calltree.CallTreeViewModel;
import dev.pyrometer.app.ui.calltree.HotFunctionsViewModel;
import dev.pyrometer.app.ui.common.Dialogs;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.app.ui.common.Ticker;
import dev.pyrometer.app.ui.flame.FlameGraphViewModel;
import dev.pyrometer.app.ui.flame.TimeOrderViewModel;
import dev.pyrometer.app.ui.recording.AttachedTarget;
import dev.pyrometer.app.ui.recording.RecordingViewModel;
import dev.pyrometer.app.ui.sandwich.SandwichHalves;
import dev.pyrometer.app.ui.sandwich.SandwichViewModel;
import dev.pyrometer.app.ui.source.SourceViewModel;
import dev.pyrometer.app.ui.timeline.TimelineViewModel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.Sandwich;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.Timeline;
import dev.pyrometer.model.session.SavedView;
import dev.pyrometer.sampler.MetadataKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One open profile (a tab): a session read from a file, or a recording of a live process streaming into an autosaved
 * file. Owns the view models of its views, wired to one shared analysis and one shared frame selection, and the
 * session commands: save, save as, close (asking about an unsaved recording first).
 */
public final class WorkspaceViewModel {
    /** How often a live profile is re-aggregated: several times a second, cheap when nothing changed. */
    static final Duration LIVE_REFRESH = Duration.ofMillis(200);

    private final WorkspaceContext context;
    private final Profile profile;
    private final AttachedTarget target;
    private final ObjectProperty<FrameSelection> selection = new SimpleObjectProperty<>(this, "selection");
    private final AnalysisViewModel analysis;
    private final ThreadFilterViewModel threads;
    private final dev.pyrometer.app.ui.analysis.ProcessFilterViewModel processes;
    private final FlameGraphViewModel flame;
    private final SourceViewModel source;
    private final CallTreeViewModel callTree;
    private final HotFunctionsViewModel hotFunctions;
    private final TimelineViewModel timeline;
    private final TimeOrderViewModel timeOrder;
    private final SandwichViewModel sandwich;
    private final ReadOnlyObjectWrapper<RecordingViewModel> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyStringWrapper autosaveProblem = new ReadOnlyStringWrapper(this, "autosaveProblem");
    private final ReadOnlyBooleanWrapper disposed = new ReadOnlyBooleanWrapper(this, "disposed");
    private final String name;
    private SessionFiles.Autosave autosave;
    private Ticker.Subscription refresher = Ticker.Subscription.NONE;
    private long savedRevision = -1;
    private boolean closed;
    private boolean autosaveFailed;

    private WorkspaceViewModel(WorkspaceContext context, Profile profile, AttachedTarget target, String name) {
        this.context = context;
        this.profile = profile;
        this.target = target;
        this.name = name;
        this.analysis = new AnalysisViewModel(profile, context.runner());
        this.threads = new ThreadFilterViewModel(analysis);
        this.processes = new dev.pyrometer.app.ui.analysis.ProcessFilterViewModel(analysis, profile);
        this.flame = new FlameGraphViewModel(analysis, selection, context.runner());
        // Tables and line heat follow the slower stream: once a second while recording, at once otherwise.
        this.source = new SourceViewModel(analysis.slowAnalysisProperty(), selection, context.runner(),
            () -> target != null && live.get() && target.isAlive() ? target.pid() : 0, context.mappings());
        this.callTree = new CallTreeViewModel(analysis.slowAnalysisProperty(), selection);
        this.hotFunctions = new HotFunctionsViewModel(analysis.slowAnalysisProperty(), selection);
        this.timeline = new TimelineViewModel(analysis, context.runner());
        this.timeOrder = new TimeOrderViewModel(analysis, selection, flame, context.runner());
        this.sandwich = new SandwichViewModel(analysis, selection, context.runner(), flame.colorModes(),
            this::cutSandwich, analysis.slowAnalysisProperty());
        sandwich.callers().colorModeProperty().bindBidirectional(flame.colorModeProperty());
        // A recording's autosave keeps the selected range at once; a session from a file keeps it when saved.
        analysis.timeRangeProperty().addListener((o, before, range) -> {
            if (live.get()) SavedView.putRange(profile, range);
        });
        analysis.rootsProperty().addListener((o, before, roots) -> {
            if (live.get()) SavedView.putRoots(profile, roots);
        });
        file.addListener(o -> updateTitle());
        live.addListener(o -> updateTitle());
    }

    /** The sandwich of a selection in the analysis the tables show; the work is made here, cut in the background. */
    private TaskRunner.Work<SandwichHalves> cutSandwich(FrameSelection selected) {
        Analysis shown = analysis.slowAnalysisProperty().get();
        if (shown == null) return null;
        CallTree tree = shown.tree();
        int key = selected.keyIn(tree.keys());
        return (cancelled, progress) -> key < 0 ? null : SandwichHalves.plain(Sandwich.of(tree, key, cancelled));
    }

    /** A session opened from a file. */
    public static WorkspaceViewModel opened(WorkspaceContext context, Profile profile, Path file) {
        WorkspaceViewModel workspace = new WorkspaceViewModel(context, profile, null, file.getFileName().toString());
        workspace.file.set(file);
        workspace.analysis.timeRangeProperty().set(SavedView.range(profile));
        workspace.analysis.rootsProperty().set(SavedView.roots(profile));
        workspace.savedRevision = profile.revision();
        workspace.updateTitle();
        workspace.analysis.rebuild();
        return workspace;
    }

    /**
     * A live recording: the target is being sampled into {@code profile}, which streams into {@code autosave}.
     * The recording view model is made here, because its end must stop the live refresh and close the autosave.
     */
    public static WorkspaceViewModel recording(WorkspaceContext context, Profile profile, AttachedTarget target,
                                               java.util.function.Function<Runnable, RecordingViewModel> startRecording,
                                               SessionFiles.Autosave autosave) {
        WorkspaceViewModel workspace = new WorkspaceViewModel(context, profile, target, shortCommand(target.commandLine()));
        workspace.autosave = autosave;
        workspace.live.set(true);
        workspace.analysis.setSlowEvery((int) (Duration.ofSeconds(1).toMillis() / LIVE_REFRESH.toMillis()));
        workspace.recording.set(startRecording.apply(workspace::recordingEnded));
        workspace.refresher = context.ticker().every(LIVE_REFRESH, workspace::refreshLive);
        workspace.updateTitle();
        workspace.analysis.rebuild();
        return workspace;
    }

    public Profile profile() { return profile; }
    public AnalysisViewModel analysis() { return analysis; }
    public ThreadFilterViewModel threads() { return threads; }
    public dev.pyrometer.app.ui.analysis.ProcessFilterViewModel processes() { return processes; }
    public FlameGraphViewModel flame() { return flame; }
    public SourceViewModel source() { return source; }
    public CallTreeViewModel callTree() { return callTree; }
    public HotFunctionsViewModel hotFunctions() { return hotFunctions; }
    public TimelineViewModel timeline() { return timeline; }
    public TimeOrderViewModel timeOrder() { return timeOrder; }
    public SandwichViewModel sandwich() { return sandwich; }
    public ObjectProperty<FrameSelection> selectionProperty() { return selection; }
    public ReadOnlyObjectProperty<RecordingViewModel> recordingProperty() { return recording.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    /**
     * What went wrong with the autosave, in a sentence with what to do, or null: shown at once in the status bar with
     * Save As…, because a recording goes on in memory after its autosave failed and only a save keeps it.
     */
    public ReadOnlyStringProperty autosaveProblemProperty() { return autosaveProblem.getReadOnlyProperty(); }
    /** True once closing has finished in the background: recording stopped, target let go, autosave ended. */
    public ReadOnlyBooleanProperty disposedProperty() { return disposed.getReadOnlyProperty(); }
    /** True while recording (paused included). */
    public ReadOnlyBooleanProperty liveProperty() { return live.getReadOnlyProperty(); }
    public RecordingViewModel recording() { return recording.get(); }
    /** The attached process, or null for a session from a file. */
    public AttachedTarget target() { return target; }
    public Path file() { return file.get(); }
    public Path autosaveFile() { return autosave == null ? null : autosave.file(); }

    /**
     * How long the recording lasted (so far, while it records): the sampler's own measure once it wrote one, else the
     * time of the last sample or memory reading. The whole recording's, never the selected range's.
     */
    public double recordingSeconds() {
        String recorded = profile.metadata(MetadataKeys.DURATION_SECONDS);
        if (recorded != null) {
            try {
                double seconds = Double.parseDouble(recorded);
                if (seconds > 0) return seconds;
            } catch (NumberFormatException damaged) {
                // a damaged value: measure the samples instead
            }
        }
        return Timeline.endMicros(Snapshot.of(profile)) / 1e6;
    }

    /** True when closing would lose samples: never saved, or grown since. */
    public boolean isUnsaved() {
        if (profile.samples().size() == 0 && file.get() == null) return false;
        return profile.revision() != savedRevision;
    }

    /** Saves to the file it came from, or asks where (a recording never saved). */
    public void save(Runnable then) {
        if (file.get() == null) saveAs(then);
        else saveTo(file.get(), then);
    }

    public void saveAs(Runnable then) {
        Path current = file.get();
        Path start = current != null ? current.getParent() : Path.of(System.getProperty("user.home"));
        Optional<Path> chosen = context.dialogs().chooseSessionSaveTarget(start, suggestedName());
        chosen.ifPresent(target -> saveTo(withExtension(target), then));
    }

    /**
     * Exports the profile for other tools (collapsed stacks, speedscope, pprof, SVG, by the name's extension). An
     * export is not a save: the workspace keeps its file and stays unsaved if it was.
     */
    public void export() {
        Path current = file.get();
        Path start = current != null ? current.getParent() : Path.of(System.getProperty("user.home"));
        String stem = suggestedName().substring(0, suggestedName().length() - SessionFiles.EXTENSION.length());
        dev.pyrometer.model.aggregate.Roots roots = analysis.rootsProperty().get();
        context.dialogs().chooseExportTarget(start, stem + ".txt").ifPresent(target -> {
            context.runner().submit("Exporting " + target.getFileName(), (cancelled, progress) -> {
                context.files().export(profile, target, roots, progress, cancelled);
                return target;
            }, done -> { }, error -> context.dialogs().error("Could not export", message(error, "Exporting " + target + " failed")));
        });
    }

    /** Writes the profile to {@code target} in the background; {@code then} runs after a successful save. */
    public void saveTo(Path target, Runnable then) {
        SavedView.putRange(profile, analysis.timeRangeProperty().get());
        SavedView.putRoots(profile, analysis.rootsProperty().get());
        long revision = profile.revision();
        context.runner().submit("Saving " + target.getFileName(), (cancelled, progress) -> {
            context.files().save(profile, target, progress, cancelled);
            return target;
        }, saved -> {
            savedRevision = revision;
            file.set(saved);
            context.recent().touch(saved);
            updateTitle();
            if (autosaveProblem.get() != null) {
                // Saved: nothing is lost any more, unless the recording goes on (its autosave is still broken).
                autosaveProblem.set(live.get() ? "Saved to " + saved.getFileName() + ". The autosave still fails: what is"
                    + " recorded from now on is in memory only until you save again (Ctrl+S)." : null);
            }
            then.run();
        }, error -> context.dialogs().error("Could not save", message(error, "Saving " + target + " failed")));
    }

    /**
     * Closes the workspace, asking first when a recording would be lost. {@code closed} runs once it is closed
     * (at once, or after a save); nothing happens when the user cancels.
     */
    public void requestClose(Runnable closed) {
        if (this.closed) {
            closed.run();
            return;
        }
        if (!isUnsaved()) {
            dispose(true);
            closed.run();
            return;
        }
        Dialogs.SaveChoice choice = context.dialogs().askToSave(title.get());
        switch (choice) {
            case SAVE -> save(() -> {
                dispose(true);
                closed.run();
            });
            case DISCARD -> {
                dispose(true);
                closed.run();
            }
            case CANCEL -> { }
        }
    }

    /**
     * The autosave could not be started or stopped writing: says so (once) and how to keep the recording, which goes
     * on in memory.
     */
    public void autosaveFailed(String why) {
        if (autosaveFailed) return;
        autosaveFailed = true;
        autosaveProblem.set("Autosave failed: " + why + " The recording is kept in memory only: Save As… to keep it.");
    }

    /**
     * Stops recording, lets go of the target, ends the autosave (deleting it when asked), all in the background: each
     * may wait (the sampler's last tick, a launched program's exit, an fsync) and none may hold up the window. A
     * failure is told in a dialog; {@link #disposedProperty()} turns true when it is all done.
     */
    public void dispose(boolean deleteAutosave) {
        if (closed) return;
        closed = true;
        refresher.close();
        RecordingViewModel rec = recording.get();
        Runnable stopRecording = rec != null ? rec.detach() : () -> { };
        SessionFiles.Autosave ending = autosave;
        context.runner().submit("Closing " + title.get(), (cancelled, progress) -> {
            try {
                stopRecording.run();
                if (target != null) target.close();
            } finally {
                if (ending != null) endAutosave(ending, deleteAutosave);
            }
            return null;
        }, done -> disposed.set(true), error -> {
            disposed.set(true);
            context.dialogs().error("Could not close " + title.get(), message(error, "Closing failed"));
        });
    }

    /** Ends the autosave; one about to be deleted may fail to end without anyone losing anything. */
    private static void endAutosave(SessionFiles.Autosave ending, boolean delete) {
        try {
            ending.close();
        } catch (RuntimeException failed) {
            if (!delete) throw failed;
        } finally {
            if (delete) {
                try {
                    Files.deleteIfExists(ending.file());
                } catch (IOException ignored) {
                    // a leftover autosave is harmless; it is in the app's own directory
                }
            }
        }
    }

    private void refreshLive() {
        if (autosave != null && !autosaveFailed) {
            String failure = autosave.failure();
            if (failure != null) autosaveFailed(failure);
        }
        analysis.refreshIfGrown();
    }

    /** The recording ended by itself or was stopped: the autosave is ended (and fsynced) in the background. */
    private void recordingEnded() {
        refresher.close();
        live.set(false);
        if (autosave != null) {
            SessionFiles.Autosave ending = autosave;
            context.runner().submit("Finishing the autosave", (cancelled, progress) -> {
                ending.close();
                return null;
            }, done -> { }, error -> autosaveFailed(message(error, "the autosave could not be finished")));
        }
        analysis.setSlowEvery(1);
        analysis.refreshIfGrown();
    }

    private void updateTitle() {
        Path f = file.get();
        String base = f != null ? f.getFileName().toString() : name;
        title.set(live.get() ? base + " (pid " + target.pid() + ")" : base);
    }

    private String suggestedName() {
        if (file.get() != null) return file.get().getFileName().toString();
        String stem = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        if (stem.endsWith(".py")) stem = stem.substring(0, stem.length() - 3);
        return (stem.isEmpty() ? "recording" : stem) + SessionFiles.EXTENSION;
    }

    /** Save As always writes a session (other formats are Export…): the name gets the session extension. */
    private static Path withExtension(Path target) {
        String fileName = target.getFileName().toString();
        return fileName.endsWith(SessionFiles.EXTENSION) ? target : target.resolveSibling(fileName + SessionFiles.EXTENSION);
    }

    /** "python3 app.py --fast" → "app.py": the script, or else the program. */
    static String shortCommand(String commandLine) {
        String[] words = commandLine.strip().split("\\s+");
        for (String w : words) {
            if (w.endsWith(".py")) return w.substring(w.lastIndexOf('/') + 1);
        }
        if (words.length >= 3 && words[1].equals("-m")) return words[2];
        String program = words.length == 0 || words[0].isEmpty() ? "python" : words[0];
        return program.substring(program.lastIndexOf('/') + 1);
    }

    static String message(Throwable error, String fallback) {
        if (error instanceof PyrometerException user) return user.getMessage();
        return fallback + ": " + error;
    }
}
