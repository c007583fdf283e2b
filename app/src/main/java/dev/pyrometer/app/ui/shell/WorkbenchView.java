package dev.pyrometer.app.ui.shell;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.ui.common.Theme;
import dev.pyrometer.app.ui.compare.CompareDialog;
import dev.pyrometer.app.ui.compare.CompareView;
import dev.pyrometer.app.ui.compare.CompareViewModel;
import dev.pyrometer.app.ui.compare.RunChoice;
import dev.pyrometer.app.ui.picker.LaunchDialog;
import dev.pyrometer.app.ui.picker.StartPage;
import dev.pyrometer.app.ui.session.WorkspaceView;
import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Window;

/**
 * The main window's content: the menu bar, the tabs (the start page, then one per workspace or comparison), a drop
 * target for session files, and an overlay with progress and Cancel while a session opens or a process is attached.
 */
public final class WorkbenchView {
    private final WorkbenchViewModel model;
    private final StackPane root = new StackPane();
    private final TabPane tabs = new TabPane();
    private final Tab startTab;
    private final StartPage startPage;
    private final Map<WorkspaceViewModel, Tab> tabOf = new HashMap<>();
    private final Map<WorkspaceViewModel, WorkspaceView> viewOf = new HashMap<>();
    private final Map<CompareViewModel, Tab> compareTabOf = new HashMap<>();
    private final Map<CompareViewModel, CompareView> compareViewOf = new HashMap<>();
    private final WorkbenchActions actions;
    private boolean syncing;

    public WorkbenchView(WorkbenchViewModel model) {
        this.model = model;
        this.actions = new WorkbenchActions(model, this);
        root.setId("main-window");
        root.getStyleClass().add("workbench");

        startPage = new StartPage(model.picker(), model.recent().files(), actions::launch, actions::openDialog,
            path -> model.open(List.of(path)));
        startTab = new Tab("Processes", startPage);
        startTab.setId("tab-start");
        startTab.setClosable(false);
        tabs.setId("workspace-tabs");
        tabs.getTabs().add(startTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, before, tab) -> {
            if (syncing) return;
            // Selecting one clears the other in the model, so only one of them is ever set here.
            CompareViewModel comparison = keyOf(compareTabOf, tab);
            WorkspaceViewModel workspace = keyOf(tabOf, tab);
            if (comparison != null) {
                model.selectedComparisonProperty().set(comparison);
            } else if (workspace != null) {
                model.selectedProperty().set(workspace);
            } else {
                model.selectedComparisonProperty().set(null);
                model.selectedProperty().set(null);
            }
        });
        model.comparisons().addListener((ListChangeListener<CompareViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::removeCompareTab);
                c.getAddedSubList().forEach(this::addCompareTab);
            }
        });
        model.selectedComparisonProperty().addListener((o, before, comparison) -> showSelection());
        model.workspaces().addListener((ListChangeListener<WorkspaceViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::removeTab);
                c.getAddedSubList().forEach(this::addTab);
            }
        });
        model.selectedProperty().addListener((o, before, workspace) -> showSelection());

        BorderPane frame = new BorderPane(tabs);
        frame.setTop(actions.menuBar());
        root.getChildren().addAll(frame, foregroundOverlay());
        installDropTarget();
        model.darkProperty().addListener((o, before, dark) -> applyTheme());
        root.sceneProperty().addListener((o, before, scene) -> {
            if (scene != null) applyTheme();
        });
    }

    public Parent root() { return root; }
    public StartPage startPage() { return startPage; }
    public TabPane tabs() { return tabs; }
    public WorkbenchViewModel model() { return model; }
    public WorkbenchActions actions() { return actions; }

    /** The view of a workspace, or null. */
    public WorkspaceView viewOf(WorkspaceViewModel workspace) {
        return viewOf.get(workspace);
    }

    /** The view of the selected comparison, or null. */
    public CompareView selectedCompareView() {
        CompareViewModel selected = model.selectedComparison();
        return selected == null ? null : compareViewOf.get(selected);
    }

    /** The view of the selected workspace, or null on the start page. */
    public WorkspaceView selectedView() {
        WorkspaceViewModel selected = model.selected();
        return selected == null ? null : viewOf.get(selected);
    }

    Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Asks where a missing source file's directory is on this machine. */
    Optional<PathMapping> askMapping(String recordedFile) {
        Path recorded = Path.of(recordedFile);
        Path recordedDir = recorded.getParent();
        if (recordedDir == null) return Optional.empty();
        return model.services().dialogs().chooseDirectory("Where is " + recordedDir + " on this machine?", null)
            .map(local -> new PathMapping(recordedDir.toString(), local.toString()));
    }

    void showLaunchDialog() {
        LaunchDialog.show(window(), model.picker().nativeFramesProperty()).ifPresent(model::launch);
    }

    /**
     * File ▸ Compare…: the new run defaults to the tab shown (else the first open tab or the most recent session),
     * the base to the next run in the list.
     */
    void showCompareDialog() {
        List<RunChoice> choices = model.runChoices();
        RunChoice news = choices.stream().filter(c -> c instanceof RunChoice.Open open && open.workspace() == model.selected())
            .findFirst().orElse(choices.isEmpty() ? null : choices.getFirst());
        RunChoice base = choices.stream().filter(c -> c != news).findFirst().orElse(null);
        Path start = model.recent().files().isEmpty() ? null : model.recent().files().getFirst().getParent();
        CompareDialog.show(window(), choices, base, news,
                () -> model.services().dialogs().chooseSession("Choose a session to compare", start))
            .ifPresent(pair -> model.compare(pair.base(), pair.news()));
    }

    private void addTab(WorkspaceViewModel workspace) {
        WorkspaceView view = new WorkspaceView(workspace, model.services().settings(), model.darkProperty().get(), this::askMapping);
        view.setOnOpenInEditor(frame -> model.openInEditor(workspace, frame), (file, line) -> model.openInEditor(workspace, file, line));
        Tab tab = new Tab();
        tab.textProperty().bind(workspace.titleProperty());
        tab.setContent(view);
        Circle dot = new Circle(4);
        dot.getStyleClass().add("live-dot");
        dot.visibleProperty().bind(workspace.liveProperty());
        dot.managedProperty().bind(workspace.liveProperty());
        tab.setGraphic(dot);
        tab.setOnCloseRequest(e -> {
            e.consume();
            model.close(workspace, () -> { });
        });
        tabOf.put(workspace, tab);
        viewOf.put(workspace, view);
        tabs.getTabs().add(tab);
    }

    private void addCompareTab(CompareViewModel comparison) {
        CompareView view = new CompareView(comparison, model.services().settings(), model.darkProperty().get(), this::askMapping);
        view.setOnOpenInEditor(frame -> model.openInEditor(comparison, frame), (file, line) -> model.openInEditor(null, file, line));
        Tab tab = new Tab(comparison.title(), view);
        tab.setId("tab-compare");
        javafx.scene.control.Label icon = new javafx.scene.control.Label("⇄");
        icon.getStyleClass().add("compare-tab-icon");
        javafx.scene.layout.HBox graphic = new javafx.scene.layout.HBox(4, icon);
        graphic.setAlignment(Pos.CENTER);
        for (var live : new javafx.beans.value.ObservableBooleanValue[] {comparison.base().live(), comparison.news().live()}) {
            if (live == null) continue;
            Circle dot = new Circle(4);
            dot.getStyleClass().add("live-dot");
            dot.visibleProperty().bind(live);
            dot.managedProperty().bind(live);
            graphic.getChildren().add(dot);
        }
        tab.setGraphic(graphic);
        tab.setOnCloseRequest(e -> {
            e.consume();
            model.closeComparison(comparison);
        });
        compareTabOf.put(comparison, tab);
        compareViewOf.put(comparison, view);
        tabs.getTabs().add(tab);
    }

    private void removeCompareTab(CompareViewModel comparison) {
        Tab tab = compareTabOf.remove(comparison);
        compareViewOf.remove(comparison);
        if (tab != null) tabs.getTabs().remove(tab);
    }

    private static <K> K keyOf(Map<K, Tab> map, Tab tab) {
        return map.entrySet().stream().filter(e -> e.getValue() == tab).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private void removeTab(WorkspaceViewModel workspace) {
        Tab tab = tabOf.remove(workspace);
        viewOf.remove(workspace);
        if (tab != null) tabs.getTabs().remove(tab);
    }

    /** Shows the tab of what the model has selected: a workspace, a comparison, or the start page. */
    private void showSelection() {
        WorkspaceViewModel workspace = model.selected();
        CompareViewModel comparison = model.selectedComparison();
        Tab tab = workspace != null ? tabOf.get(workspace) : comparison != null ? compareTabOf.get(comparison) : startTab;
        if (tab == null || tabs.getSelectionModel().getSelectedItem() == tab) return;
        syncing = true;
        try {
            tabs.getSelectionModel().select(tab);
        } finally {
            syncing = false;
        }
    }

    private void applyTheme() {
        if (root.getScene() == null) return;
        boolean dark = model.darkProperty().get();
        Theme.apply(root.getScene(), dark);
        viewOf.values().forEach(v -> v.setDark(dark));
        compareViewOf.values().forEach(v -> v.setDark(dark));
    }

    private void installDropTarget() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            e.setDropCompleted(!files.isEmpty());
            e.consume();
            if (!files.isEmpty()) model.open(files.stream().map(File::toPath).toList());
        });
    }

    private StackPane foregroundOverlay() {
        Label title = new Label();
        title.setId("foreground-title");
        title.getStyleClass().add("overlay-title");
        ProgressBar progress = new ProgressBar();
        progress.setId("foreground-progress");
        progress.setPrefWidth(320);
        Button cancel = new Button("Cancel");
        cancel.setId("foreground-cancel");
        cancel.setOnAction(e -> model.cancelForeground());
        VBox card = new VBox(12, title, progress, cancel);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("overlay-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane overlay = new StackPane(card);
        overlay.getStyleClass().add("overlay");
        overlay.setVisible(false);
        // Shown only when the work takes long enough to notice, so quick opens do not flash a dialog.
        javafx.animation.PauseTransition delay = new javafx.animation.PauseTransition(javafx.util.Duration.millis(250));
        delay.setOnFinished(e -> overlay.setVisible(model.foregroundProperty().get() != null));
        model.foregroundProperty().addListener((o, before, job) -> {
            if (job == null) {
                delay.stop();
                overlay.setVisible(false);
            } else {
                delay.playFromStart();
            }
            progress.progressProperty().unbind();
            title.textProperty().unbind();
            if (job != null) {
                title.textProperty().bind(job.titleProperty());
                progress.progressProperty().bind(job.progressProperty());
            }
        });
        return overlay;
    }
}
