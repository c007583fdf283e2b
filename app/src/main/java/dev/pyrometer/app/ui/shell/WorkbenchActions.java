package dev.pyrometer.app.ui.shell;

import dev.pyrometer.app.Version;
import dev.pyrometer.app.ui.compare.CompareViewModel;
import dev.pyrometer.app.ui.picker.ProcessRow;
import dev.pyrometer.app.ui.recording.AttachedTarget;
import dev.pyrometer.app.ui.recording.RecordingViewModel;
import dev.pyrometer.app.ui.session.WorkspaceView;
import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import dev.pyrometer.app.ui.snapshot.SnapshotDialog;
import dev.pyrometer.app.ui.snapshot.SnapshotViewModel;
import dev.pyrometer.app.ui.flame.ColorMode;
import dev.pyrometer.app.ui.flame.FlameGraphViewModel;
import dev.pyrometer.model.aggregate.KeyBy;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.GridPane;

/** The menu bar and what its items do; every accelerator comes from {@link Shortcuts}. */
public final class WorkbenchActions {
    private final WorkbenchViewModel model;
    private final WorkbenchView view;

    WorkbenchActions(WorkbenchViewModel model, WorkbenchView view) {
        this.model = model;
        this.view = view;
    }

    MenuBar menuBar() {
        var noWorkspace = model.selectedProperty().isNull();
        var noTab = noWorkspace.and(model.selectedComparisonProperty().isNull());

        Menu recent = new Menu("Open _Recent");
        recent.setId("menu-recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path path : model.recent().files()) {
                MenuItem entry = item(path.toString(), null, () -> model.open(List.of(path)));
                entry.setMnemonicParsing(false); // paths have underscores
                recent.getItems().add(entry);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        model.recent().files().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();

        MenuItem save = item("_Save", Shortcuts.SAVE, this::save);
        MenuItem saveAs = item("Save _As…", Shortcuts.SAVE_AS, this::saveAs);
        MenuItem export = item("_Export…", null, () -> withWorkspace(WorkspaceViewModel::export));
        export.setId("menu-export");
        MenuItem close = item("_Close Tab", Shortcuts.CLOSE_TAB, this::closeTab);
        for (MenuItem m : List.of(save, saveAs, export)) m.disableProperty().bind(noWorkspace);
        close.disableProperty().bind(noTab);
        MenuItem compare = id(item("Co_mpare…", Shortcuts.COMPARE, view::showCompareDialog), "menu-compare");
        MenuItem baseline = id(item("Compare with _Baseline…", Shortcuts.COMPARE_BASELINE, model::compareWithBaseline), "menu-compare-baseline");
        baseline.disableProperty().bind(noWorkspace);
        save.setId("menu-save");
        saveAs.setId("menu-save-as");
        Menu file = new Menu("_File", null, id(item("_Open…", Shortcuts.OPEN, this::openDialog), "menu-open"), recent,
            new SeparatorMenuItem(), save, saveAs, export, new SeparatorMenuItem(), compare, baseline, new SeparatorMenuItem(),
            close, new SeparatorMenuItem(),
            id(item("_Preferences…", Shortcuts.PREFERENCES, () -> PreferencesDialog.show(view.window(), model)), "menu-preferences"),
            new SeparatorMenuItem(),
            id(item("_Quit", Shortcuts.QUIT, this::quit), "menu-quit"));

        MenuItem pause = item("_Pause / Resume", Shortcuts.PAUSE, () -> withRecording(RecordingViewModel::togglePause));
        MenuItem stop = item("S_top", Shortcuts.STOP, () -> withRecording(RecordingViewModel::stop));
        Menu record = new Menu("_Record", null,
            item("Show _Processes", Shortcuts.PROCESSES, () -> {
                model.selectedProperty().set(null);
                view.startPage().focusFilter();
            }),
            item("_Refresh Process List", Shortcuts.REFRESH, () -> model.picker().refresh()),
            id(item("_Launch…", Shortcuts.LAUNCH, this::launch), "menu-launch"),
            new SeparatorMenuItem(), pause, stop, new SeparatorMenuItem(),
            id(item("_Snapshot Stacks", Shortcuts.SNAPSHOT, this::snapshot), "menu-snapshot"));

        MenuItem find = item("_Find in Flame Graph", Shortcuts.FIND, () -> {
            if (view.selectedCompareView() != null) view.selectedCompareView().focusSearch();
            else withView(v -> v.flame().focusSearch());
        });
        MenuItem findNext = id(item("Find _Next", Shortcuts.FIND_NEXT, () -> withFlame(FlameGraphViewModel::nextMatch)), "menu-find-next");
        MenuItem findPrevious = id(item("Find Pre_vious", Shortcuts.FIND_PREVIOUS, () -> withFlame(FlameGraphViewModel::previousMatch)),
            "menu-find-previous");
        MenuItem undo = item("_Undo Transform", Shortcuts.UNDO, model::undo);
        undo.setId("menu-undo");
        MenuItem zoomOut = item("Zoom _Out", Shortcuts.ZOOM_OUT, () -> withFlame(FlameGraphViewModel::zoomOut));
        MenuItem resetZoom = item("_Reset Zoom", Shortcuts.RESET_ZOOM, () -> withFlame(FlameGraphViewModel::resetZoom));
        MenuItem byFunction = item("Frames by F_unction", Shortcuts.BY_FUNCTION, () -> keyBy(KeyBy.FUNCTION));
        MenuItem byLine = item("Frames by _Line", Shortcuts.BY_LINE, () -> keyBy(KeyBy.LINE));
        MenuItem byFile = item("Frames by F_ile", Shortcuts.BY_FILE, () -> keyBy(KeyBy.FILE));
        MenuItem byModule = item("Frames by _Module", Shortcuts.BY_MODULE, () -> keyBy(KeyBy.MODULE));
        MenuItem icicle = item("Flame / _Icicle", Shortcuts.ICICLE,
            () -> withFlame(f -> f.icicleProperty().set(!f.icicleProperty().get())));
        MenuItem colors = item("_Colour by Module / Category", Shortcuts.COLORS, () -> withWorkspace(w -> w.flame().colorModeProperty()
            .set(w.flame().colorModeProperty().get() == ColorMode.MODULE ? ColorMode.CATEGORY : ColorMode.MODULE)));
        MenuItem callTree = item("Call _Tree", Shortcuts.CALL_TREE, () -> withView(v -> v.showTable(true)));
        MenuItem hot = item("_Hot Functions", Shortcuts.HOT, () -> withView(v -> v.showTable(false)));
        MenuItem sandwich = id(item("_Sandwich", Shortcuts.SANDWICH, this::showSandwich), "menu-show-sandwich");
        MenuItem editor = id(item("Open in _Editor", Shortcuts.OPEN_IN_EDITOR, this::openInEditor), "menu-open-in-editor");
        for (MenuItem m : List.of(colors, callTree, hot)) m.disableProperty().bind(noWorkspace);
        for (MenuItem m : List.of(find, findNext, findPrevious, undo, zoomOut, resetZoom, byFunction, byLine, byFile, byModule,
            icicle, sandwich, editor)) {
            m.disableProperty().bind(noTab);
        }
        CheckMenuItem dark = new CheckMenuItem("_Dark Theme");
        dark.setId("menu-dark");
        dark.setAccelerator(Shortcuts.THEME.combination());
        dark.selectedProperty().bindBidirectional(model.darkProperty());
        Menu viewMenu = new Menu("_View", null, find, findNext, findPrevious, undo, zoomOut, resetZoom, new SeparatorMenuItem(),
            byFunction, byLine, byFile, byModule, new SeparatorMenuItem(), icicle, colors, callTree, hot, sandwich,
            editor, new SeparatorMenuItem(), dark);

        Menu help = new Menu("_Help", null, id(item("_Keyboard Shortcuts", Shortcuts.HELP, this::showShortcuts), "menu-shortcuts"),
            item("_About Pyrometer", null, this::about));

        MenuBar bar = new MenuBar(file, record, viewMenu, help);
        bar.setId("menu-bar");
        bar.setUseSystemMenuBar(true);
        // Greyed out while the menu is open if there is nothing to pause; the accelerators stay live and do nothing
        // then, because a recording can end between two looks at the menu.
        record.setOnShowing(e -> {
            pause.setDisable(!hasActiveRecording());
            stop.setDisable(!hasActiveRecording());
        });
        record.setOnHidden(e -> {
            pause.setDisable(false);
            stop.setDisable(false);
        });
        return bar;
    }

    void openDialog() {
        Path start = model.recent().files().isEmpty() ? null : model.recent().files().getFirst().getParent();
        List<Path> files = model.services().dialogs().chooseSessionsToOpen(start);
        if (!files.isEmpty()) model.open(files);
    }

    void launch() {
        view.showLaunchDialog();
    }

    void save() {
        withWorkspace(w -> w.save(() -> { }));
    }

    void saveAs() {
        withWorkspace(w -> w.saveAs(() -> { }));
    }

    void closeTab() {
        if (model.selectedComparison() != null) model.closeComparison(model.selectedComparison());
        else withWorkspace(w -> model.close(w, () -> { }));
    }

    void quit() {
        if (view.window() != null) view.window().fireEvent(new javafx.stage.WindowEvent(view.window(),
            javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
        else model.requestQuit(Platform::exit);
    }

    /** Snapshot stacks of the live target shown, or of the process selected on the start page. */
    void snapshot() {
        WorkspaceViewModel workspace = model.selected();
        SnapshotViewModel snapshot;
        if (workspace != null && workspace.target() != null && workspace.target().isAlive()) {
            AttachedTarget target = workspace.target();
            snapshot = new SnapshotViewModel("pid " + target.pid() + ": " + target.commandLine(), target::snapshot, model.services().runner());
        } else {
            ProcessRow row = view.startPage().selectedProcess();
            if (workspace != null || row == null) {
                model.services().dialogs().error("Nothing to snapshot",
                    "Select a running process on the Processes page, or a tab that is recording, then take a snapshot.");
                return;
            }
            int pid = row.pid();
            snapshot = new SnapshotViewModel("pid " + pid + ": " + row.commandLine(), () -> {
                try (AttachedTarget target = model.services().targets().attach(pid)) {
                    return target.snapshot();
                }
            }, model.services().runner());
        }
        new SnapshotDialog(view.window(), snapshot).show();
        snapshot.refresh();
    }

    /** F4: the source line under the caret when the code has the focus, else the selected frame. */
    void openInEditor() {
        CompareViewModel comparison = model.selectedComparison();
        if (comparison != null) {
            model.openInEditor(comparison, comparison.newSelectionProperty().get());
            return;
        }
        WorkspaceView v = view.selectedView();
        if (v == null) return;
        var doc = v.model().source().document();
        if (doc != null && v.source().codeArea().isFocused()) model.openInEditor(v.model(), doc.recordedPath(), v.source().caretLine());
        else model.openInEditor(v.model(), v.model().selectionProperty().get());
    }

    /** The sandwich of the selection: the workspace's tab, or the comparison's. */
    void showSandwich() {
        if (view.selectedCompareView() != null) view.selectedCompareView().showSandwich();
        else withView(WorkspaceView::showSandwich);
    }

    private boolean hasActiveRecording() {
        WorkspaceViewModel w = model.selected();
        return w != null && w.recording() != null && w.recording().isActive();
    }

    private void withRecording(java.util.function.Consumer<RecordingViewModel> action) {
        WorkspaceViewModel w = model.selected();
        if (w != null && w.recording() != null) action.accept(w.recording());
    }

    private void withWorkspace(java.util.function.Consumer<WorkspaceViewModel> action) {
        WorkspaceViewModel w = model.selected();
        if (w != null) action.accept(w);
    }

    private void withView(java.util.function.Consumer<WorkspaceView> action) {
        WorkspaceView v = view.selectedView();
        if (v != null) action.accept(v);
    }

    /** The flame graph on screen: the workspace's, or a comparison's differential graph (zoom is shared there). */
    private void withFlame(java.util.function.Consumer<FlameGraphViewModel> action) {
        if (model.selectedComparison() != null) action.accept(model.selectedComparison().diffFlame());
        else withWorkspace(w -> action.accept(w.flame()));
    }

    private void keyBy(KeyBy by) {
        if (model.selectedComparison() != null) model.selectedComparison().keyByProperty().set(by);
        else withWorkspace(w -> w.analysis().keyByProperty().set(by));
    }

    private void showShortcuts() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(4);
        int row = 0;
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
            Label keys = new Label(s.display());
            keys.getStyleClass().add("shortcut-keys");
            grid.addRow(row++, keys, new Label(s.action()));
        }
        grid.addRow(row++, keyLabel("Esc"), new Label("Zoom out (flame graph) · clear the search"));
        grid.addRow(row++, keyLabel("Enter"), new Label("Attach to the selected process · next match in the flame graph "
            + "or the call tree (Shift+Enter: previous)"));
        grid.addRow(row++, keyLabel("Minimap"), new Label("Click or drag: move a deep flame graph there"));
        grid.addRow(row++, keyLabel("Timeline"), new Label("Drag: select a range · Esc: clear it · Enter: zoom to it · "
            + "wheel, + / −: zoom · Shift+wheel, ← / →: pan · 0: show all"));
        grid.addRow(row, keyLabel("Processes"), new Label("On the timeline: ↑ / ↓ to a process's header · Space: fold it · "
            + "F: show only that process (again: all)"));
        Alert alert = styledAlert("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        alert.show();
    }

    private void about() {
        Alert alert = styledAlert("About Pyrometer");
        alert.setContentText("Pyrometer " + Version.NUMBER + "\nProfile running Python programs from the outside.\n"
            + "Java " + Runtime.version() + ", JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        alert.show();
    }

    private Alert styledAlert(String title) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (view.window() != null) {
            alert.initOwner(view.window());
            alert.getDialogPane().getStylesheets().setAll(view.window().getScene().getStylesheets());
        }
        return alert;
    }

    private static Label keyLabel(String text) {
        Label keys = new Label(text);
        keys.getStyleClass().add("shortcut-keys");
        return keys;
    }

    private static MenuItem item(String text, Shortcuts.Shortcut shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (shortcut != null) item.setAccelerator(shortcut.combination());
        item.setOnAction(e -> action.run());
        return item;
    }

    private static MenuItem id(MenuItem item, String id) {
        item.setId(id);
        return item;
    }
}
