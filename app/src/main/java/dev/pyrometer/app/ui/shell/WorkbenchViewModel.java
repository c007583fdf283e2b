package dev.pyrometer.app.ui.shell;

import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.Job;
import dev.pyrometer.app.ui.compare.CompareViewModel;
import dev.pyrometer.app.ui.compare.RunChoice;
import dev.pyrometer.app.ui.compare.RunResolver;
import dev.pyrometer.app.ui.editor.EditorLauncher;
import dev.pyrometer.app.ui.editor.EditorPreferences;
import dev.pyrometer.app.ui.editor.EditorTarget;
import dev.pyrometer.app.ui.picker.PickerViewModel;
import dev.pyrometer.app.ui.recording.AttachedTarget;
import dev.pyrometer.app.ui.recording.LaunchSpec;
import dev.pyrometer.app.ui.recording.RecordingSettings;
import dev.pyrometer.app.ui.recording.RecordingViewModel;
import dev.pyrometer.app.ui.session.RecentFiles;
import dev.pyrometer.app.ui.session.SessionFiles;
import dev.pyrometer.app.ui.session.WorkspaceContext;
import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.diff.MatchBy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The whole workbench: the start page's picker, the open workspaces (one per session or recording), the open
 * comparisons of two runs, the selected tab (neither: the start page), and the app-level commands — open, attach,
 * launch, compare, close, quit, theme. Long work
 * (opening, attaching) is the "foreground job" the window shows with a progress bar and a Cancel button.
 */
public final class WorkbenchViewModel {
    private final Services services;
    private final RecentFiles recent;
    private final ObservableList<PathMapping> mappings = FXCollections.observableArrayList();
    private final WorkspaceContext context;
    private final PickerViewModel picker;
    private final ObservableList<WorkspaceViewModel> workspaces = FXCollections.observableArrayList();
    private final ObjectProperty<WorkspaceViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<CompareViewModel> comparisons = FXCollections.observableArrayList();
    private final ObjectProperty<CompareViewModel> selectedComparison = new SimpleObjectProperty<>(this, "selectedComparison");
    private final RunResolver runs;
    private final ReadOnlyObjectWrapper<Job> foreground = new ReadOnlyObjectWrapper<>(this, "foreground");
    private final BooleanProperty dark;
    private EditorLauncher editor;
    /** Closed workspaces still ending in the background, and the quit waiting for them. */
    private final List<WorkspaceViewModel> disposing = new ArrayList<>();
    private Runnable quitWhenDisposed;

    public WorkbenchViewModel(Services services) {
        this.services = services;
        this.recent = new RecentFiles(services.settings());
        for (String rule : services.settings().getList("mapping")) {
            PathMapping mapping = PathMapping.decode(rule);
            if (mapping != null) mappings.add(mapping);
        }
        mappings.addListener((ListChangeListener<PathMapping>) c ->
            services.settings().putList("mapping", mappings.stream().map(PathMapping::encode).toList()));
        this.context = new WorkspaceContext(services.runner(), services.ticker(), services.files(), services.dialogs(),
            recent, mappings);
        this.picker = new PickerViewModel(services.processes(), services.runner(), services.ticker(), services.settings(),
            (pid, subprocesses) -> attach(pid, subprocesses, picker()::attachFinished));
        this.dark = new SimpleBooleanProperty(this, "dark", "dark".equals(services.settings().get("theme", "light")));
        dark.addListener((o, b, on) -> services.settings().put("theme", on ? "dark" : "light"));
        this.runs = new RunResolver(services.runner(), services.files(), services.dialogs(), recent, workspaces, foreground::set);
        this.editor = new EditorLauncher(this::editorPreferences, System.getenv());
        picker.activeProperty().bind(selected.isNull().and(selectedComparison.isNull()));
        // One tab is selected: a workspace, a comparison, or neither (the start page).
        selected.addListener((o, before, workspace) -> {
            if (workspace != null) selectedComparison.set(null);
        });
        selectedComparison.addListener((o, before, comparison) -> {
            if (comparison != null) selected.set(null);
        });
    }

    public PickerViewModel picker() { return picker; }
    public ObservableList<WorkspaceViewModel> workspaces() { return workspaces; }
    public ObjectProperty<WorkspaceViewModel> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<Job> foregroundProperty() { return foreground.getReadOnlyProperty(); }
    public BooleanProperty darkProperty() { return dark; }
    public RecentFiles recent() { return recent; }
    public ObservableList<PathMapping> mappings() { return mappings; }
    public Services services() { return services; }
    public WorkspaceViewModel selected() { return selected.get(); }
    public ObservableList<CompareViewModel> comparisons() { return comparisons; }
    /** The comparison shown, or null when a workspace or the start page is. */
    public ObjectProperty<CompareViewModel> selectedComparisonProperty() { return selectedComparison; }
    public CompareViewModel selectedComparison() { return selectedComparison.get(); }

    /** The editor preferences, as Preferences last saved them. */
    public EditorPreferences editorPreferences() {
        return EditorPreferences.load(services.settings());
    }

    public void setEditorPreferences(EditorPreferences preferences) {
        preferences.save(services.settings());
    }

    /** Opens frames in editors found in another environment (tests: a PATH of fake editors). */
    public void useEditorEnvironment(java.util.Map<String, String> env) {
        this.editor = new EditorLauncher(this::editorPreferences, env);
    }

    /**
     * Opens a frame of a workspace in the user's editor, at its line (for a function, the line it spent most time
     * on); the file is found as the source pane finds it. Failures go to an error dialog.
     */
    public void openInEditor(WorkspaceViewModel workspace, FrameSelection frame) {
        if (workspace == null || frame == null || frame.file() == null) return;
        var shown = workspace.analysis().analysis();
        StackCounts counts = shown == null ? null : shown.counts();
        int pid = livePid(workspace);
        List<PathMapping> rules = List.copyOf(mappings);
        services.runner().submit("Opening " + frame.file() + " in the editor",
            (cancelled, progress) -> editor.open(frame.file(), EditorTarget.line(frame, counts, cancelled), pid, rules),
            started -> { }, error -> services.dialogs().error("Could not open the editor", message(error, "Opening the editor failed")));
    }

    /** Opens a file a workspace recorded at a line (a source pane's line). */
    public void openInEditor(WorkspaceViewModel workspace, String recordedFile, int line) {
        if (recordedFile == null) return;
        int pid = workspace == null ? 0 : livePid(workspace);
        List<PathMapping> rules = List.copyOf(mappings);
        services.runner().submit("Opening " + recordedFile + " in the editor",
            (cancelled, progress) -> editor.open(recordedFile, line, pid, rules),
            started -> { }, error -> services.dialogs().error("Could not open the editor", message(error, "Opening the editor failed")));
    }

    /** Opens a frame of a comparison's new run (or its base run's, for a frame only that one has). */
    public void openInEditor(CompareViewModel comparison, FrameSelection frame) {
        if (comparison == null || frame == null || frame.file() == null) return;
        var c = comparison.comparison();
        StackCounts counts = c == null ? null : c.news().counts();
        int pid = comparison.news().isLive() ? comparison.news().pid() : 0;
        List<PathMapping> rules = List.copyOf(mappings);
        services.runner().submit("Opening " + frame.file() + " in the editor",
            (cancelled, progress) -> editor.open(frame.file(), EditorTarget.line(frame, counts, cancelled), pid, rules),
            started -> { }, error -> services.dialogs().error("Could not open the editor", message(error, "Opening the editor failed")));
    }

    private static int livePid(WorkspaceViewModel workspace) {
        AttachedTarget target = workspace.target();
        return target != null && workspace.liveProperty().get() && target.isAlive() ? target.pid() : 0;
    }

    /** What the command line asked for: the picker, a recording of a pid or a command, sessions to open or compare. */
    public void handle(DesktopRequest request) {
        if (!request.sessions().isEmpty()) open(request.sessions());
        if (request.compare().size() == 2) {
            compare(new RunChoice.File(request.compare().get(0)), new RunChoice.File(request.compare().get(1)), request.match(),
                request.baseProcess(), request.newProcess());
        }
        if (request.pid() != null) attach(request.pid(), this::reportFailure);
        if (!request.command().isEmpty()) {
            List<String> command = request.command();
            launch(new LaunchSpec(command.getFirst(), command.subList(1, command.size()), null, java.util.Map.of()));
        }
    }

    /** Opens session files one after the other; each becomes a workspace, or an error dialog. */
    public void open(List<Path> files) {
        Deque<Path> queue = new ArrayDeque<>(files);
        openNext(queue);
    }

    private void openNext(Deque<Path> queue) {
        Path file = queue.poll();
        if (file == null) return;
        for (WorkspaceViewModel open : workspaces) {
            if (file.toAbsolutePath().normalize().equals(open.file() == null ? null : open.file().toAbsolutePath().normalize())) {
                selected.set(open);
                openNext(queue);
                return;
            }
        }
        Job job = services.runner().submit("Opening " + file.getFileName(),
            (cancelled, progress) -> services.files().open(file, progress, cancelled),
            opened -> {
                foreground.set(null);
                WorkspaceViewModel workspace = WorkspaceViewModel.opened(context, opened.profile(), file);
                add(workspace);
                recent.touch(file);
                if (opened.warning() != null) services.dialogs().warning("Part of the session could be read", opened.warning());
                openNext(queue);
            },
            error -> {
                foreground.set(null);
                if (!Files.exists(file)) recent.forget(file);
                services.dialogs().error("Could not open " + file.getFileName(), message(error, "Opening " + file + " failed"));
                openNext(queue);
            });
        if (!job.isDone()) foreground.set(job);
    }

    /**
     * Attaches to a running process and starts recording it in a new workspace; {@code finished} gets null on
     * success or the sentence explaining the failure.
     */
    public void attach(int pid, Consumer<String> finished) {
        attach(pid, false, finished);
    }

    /** Attaches to a process and, with {@code subprocesses}, records its Python descendants too. */
    public void attach(int pid, boolean subprocesses, Consumer<String> finished) {
        Job job = services.runner().submit("Attaching to process " + pid,
            (cancelled, progress) -> services.targets().attach(pid, subprocesses),
            target -> {
                foreground.set(null);
                finished.accept(startRecording(target));
            },
            error -> {
                foreground.set(null);
                finished.accept(message(error, "Attaching to process " + pid + " failed"));
            });
        if (!job.isDone()) foreground.set(job);
    }

    /** Starts a program under the profiler and records it from the start. */
    public void launch(LaunchSpec requested) {
        // Native frames hold the program with ptrace, which the Java runtime's own child cannot be.
        LaunchSpec spec = requested.holdable(requested.holdable() || picker.nativeFramesProperty().get());
        Job job = services.runner().submit("Starting " + String.join(" ", spec.command()),
            (cancelled, progress) -> services.targets().launch(spec),
            target -> {
                foreground.set(null);
                String failure = startRecording(target);
                if (failure != null) reportFailure(failure);
            },
            error -> {
                foreground.set(null);
                reportFailure(message(error, "Starting " + spec.program() + " failed"));
            });
        if (!job.isDone()) foreground.set(job);
    }

    /**
     * Opens a comparison of two runs in a new tab: {@code base} is before, {@code news} after. Files are read first
     * (a file already open in a tab is not read again); a recording keeps growing and the comparison follows it.
     */
    public void compare(RunChoice base, RunChoice news) {
        compare(base, news, MatchBy.RELATIVE_PATH);
    }

    /** Opens a comparison whose frames pair as {@code match} says (the "Match by" choice, which the user can change). */
    public void compare(RunChoice base, RunChoice news, MatchBy match) {
        compare(base, news, match, null, null);
    }

    /**
     * Opens a comparison with each run restricted to the process its words name ({@code compare --base-process}; null:
     * all of them); words that name no process of their run say so in a dialog and leave that run merged.
     */
    public void compare(RunChoice base, RunChoice news, MatchBy match, String baseProcess, String newProcess) {
        runs.resolve(base, baseRun -> runs.resolve(news, newRun -> {
            CompareViewModel comparison = new CompareViewModel(baseRun, newRun, services.runner(), services.ticker(), mappings);
            comparison.matchByProperty().set(match);
            try {
                comparison.chooseProcesses(baseProcess, null);
            } catch (IllegalArgumentException e) {
                services.dialogs().error("No such process", baseRun.name() + ": " + e.getMessage() + ".");
            }
            try {
                comparison.chooseProcesses(null, newProcess);
            } catch (IllegalArgumentException e) {
                services.dialogs().error("No such process", newRun.name() + ": " + e.getMessage() + ".");
            }
            comparisons.add(comparison);
            selectedComparison.set(comparison);
        }));
    }

    /** The open tabs and recent files, as choices for a comparison. */
    public List<RunChoice> runChoices() {
        return runs.choices();
    }

    /** Compares the selected tab's profile (a recording goes on growing) with a saved session the user picks. */
    public void compareWithBaseline() {
        WorkspaceViewModel current = selected.get();
        if (current == null) return;
        Path start = current.file() != null ? current.file().getParent()
            : recent.files().isEmpty() ? null : recent.files().getFirst().getParent();
        services.dialogs().chooseSession("Choose the baseline session to compare with", start)
            .ifPresent(baseline -> compare(new RunChoice.File(baseline), new RunChoice.Open(current)));
    }

    /** Closes a comparison tab; the runs' own tabs stay open. */
    public void closeComparison(CompareViewModel comparison) {
        comparison.dispose();
        int index = comparisons.indexOf(comparison);
        comparisons.remove(comparison);
        if (selectedComparison.get() == comparison) {
            selectedComparison.set(null);
            if (!comparisons.isEmpty()) selectedComparison.set(comparisons.get(Math.max(0, Math.min(index, comparisons.size() - 1))));
            else if (!workspaces.isEmpty()) selected.set(workspaces.getLast());
        }
    }

    /** Cancels the open or attach in progress. */
    public void cancelForeground() {
        Job job = foreground.get();
        if (job != null) job.cancel();
        foreground.set(null);
        picker.attachFinished(null);
    }

    /** The recording settings the start page holds. */
    public RecordingSettings recordingSettings() {
        int seconds = picker.durationSecondsProperty().get();
        return new RecordingSettings(picker.rateProperty().get(), seconds > 0 ? Duration.ofSeconds(seconds) : null,
            picker.nativeFramesProperty().get(), picker.showPlumbingProperty().get());
    }

    /** Closes a workspace (asking about an unsaved recording); {@code then} runs once it is gone. */
    public void close(WorkspaceViewModel workspace, Runnable then) {
        workspace.requestClose(() -> {
            int index = workspaces.indexOf(workspace);
            workspaces.remove(workspace);
            awaitDisposal(workspace);
            if (selected.get() == workspace) {
                selected.set(workspaces.isEmpty() ? null : workspaces.get(Math.max(0, Math.min(index, workspaces.size() - 1))));
            }
            then.run();
        });
    }

    /** A closed tab ends its recording, target and autosave in the background; quitting waits for that. */
    private void awaitDisposal(WorkspaceViewModel workspace) {
        if (workspace.disposedProperty().get()) return;
        disposing.add(workspace);
        workspace.disposedProperty().addListener((o, was, done) -> {
            if (!done) return;
            disposing.remove(workspace);
            if (disposing.isEmpty() && quitWhenDisposed != null) {
                Runnable quit = quitWhenDisposed;
                quitWhenDisposed = null;
                quit.run();
            }
        });
    }

    /**
     * Closes every workspace, one question at a time; runs {@code quit} only if none was cancelled, once their
     * recordings, targets and autosaves are ended (a launched program must not outlive the app, nor an autosave stay
     * unfinished).
     */
    public void requestQuit(Runnable quit) {
        List.copyOf(comparisons).forEach(this::closeComparison);
        if (workspaces.isEmpty()) {
            services.settings().save();
            if (disposing.isEmpty()) quit.run();
            else quitWhenDisposed = quit;
            return;
        }
        WorkspaceViewModel next = workspaces.getFirst();
        selected.set(next);
        close(next, () -> requestQuit(quit));
    }

    /** Ctrl+Z: undoes the last transform of the selected workspace (or comparison: both runs keep one stack). */
    public boolean undo() {
        if (selectedComparison.get() != null) return selectedComparison.get().newAnalysis().undo();
        WorkspaceViewModel workspace = selected.get();
        return workspace != null && workspace.analysis().undo();
    }

    private String startRecording(AttachedTarget target) {
        Profile profile = new Profile();
        SessionFiles.Autosave autosave = null;
        String autosaveProblem = null;
        try {
            Files.createDirectories(services.autosaveDirectory());
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            autosave = services.files().autosave(profile, services.autosaveDirectory()
                .resolve("pid" + target.pid() + "-" + stamp + SessionFiles.EXTENSION));
        } catch (IOException | PyrometerException e) {
            // A full disk or a read-only home should not stop the recording; it only loses the crash safety.
            autosaveProblem = e instanceof PyrometerException ? e.getMessage()
                : "the folder " + services.autosaveDirectory() + " cannot be made (" + e.getMessage() + ").";
        }
        RecordingSettings settings = recordingSettings();
        WorkspaceViewModel workspace;
        try {
            workspace = WorkspaceViewModel.recording(context, profile, target, onEnded ->
                new RecordingViewModel(target.record(settings, profile), settings, services.ticker(), services.runner(), onEnded),
                autosave);
        } catch (PyrometerException e) {
            if (autosave != null) autosave.close();
            target.close();
            return e.getMessage();
        }
        add(workspace);
        // In the status bar, with Save As…, like an autosave that fails later: no dialog holds up the first samples.
        if (autosaveProblem != null) workspace.autosaveFailed(autosaveProblem);
        return null;
    }

    private void add(WorkspaceViewModel workspace) {
        workspaces.add(workspace);
        selected.set(workspace);
    }

    private void reportFailure(String failure) {
        if (failure != null) services.dialogs().error("Could not record", failure);
    }

    static String message(Throwable error, String fallback) {
        if (error instanceof PyrometerException user) return user.getMessage();
        return fallback + ": " + Objects.requireNonNullElse(error.getMessage(), error.getClass().getSimpleName());
    }
}
