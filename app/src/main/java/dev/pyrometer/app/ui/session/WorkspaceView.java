package dev.pyrometer.app.ui.session;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.ui.analysis.AnalysisBar;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.calltree.CallTreeView;
import dev.pyrometer.app.ui.calltree.HotFunctionsView;
import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.flame.FlameGraphView;
import dev.pyrometer.app.ui.flame.TimeOrderView;
import dev.pyrometer.app.ui.recording.RecordingStatusBar;
import dev.pyrometer.app.ui.sandwich.SandwichView;
import dev.pyrometer.app.ui.source.SourceView;
import dev.pyrometer.app.ui.timeline.TimelineView;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

/**
 * A workspace on screen: the analysis bar and the timeline on top; the flame graph above the call tree / hot functions tabs and the
 * source pane; the recording's status bar (or the session's) at the bottom, with the autosave's failure above it when it
 * fails. Divider positions are remembered.
 */
public final class WorkspaceView extends BorderPane {
    private final WorkspaceViewModel model;
    private final FlameGraphView flame;
    private final SourceView source;
    private CallTreeView callTree;
    private final HotFunctionsView hotFunctions;
    private final TimelineView timeline;
    private final TimeOrderView timeOrder;
    private final SplitPane main;
    private final SplitPane bottom;
    private final TabPane tables;
    private final SandwichView sandwich;
    private final Tab sandwichTab;
    private Consumer<FrameSelection> openFrame;

    public WorkspaceView(WorkspaceViewModel model, UiSettings settings, boolean dark,
                         Function<String, Optional<PathMapping>> askMapping) {
        this.model = model;
        getStyleClass().add("workspace");
        setId("workspace");
        flame = new FlameGraphView(model.flame(), dark);
        source = new SourceView(model.source(), askMapping);
        hotFunctions = new HotFunctionsView(model.hotFunctions());
        timeline = new TimelineView(model.timeline(), dark);
        timeOrder = new TimeOrderView(model.timeOrder(), dark);
        flame.setTimeOrderView(timeOrder);

        // The call tree is made when its tab is first shown: a workspace opens faster without building a hidden table.
        Tab treeTab = new Tab("Call tree");
        treeTab.setId("tab-call-tree");
        treeTab.selectedProperty().addListener((o, was, selected) -> {
            if (selected && treeTab.getContent() == null) treeTab.setContent(callTree());
        });
        Tab hotTab = new Tab("Hot functions", hotFunctions);
        hotTab.setId("tab-hot-functions");
        sandwich = new SandwichView(model.sandwich(), dark);
        sandwichTab = new Tab("Sandwich", sandwich);
        sandwichTab.setId("tab-sandwich");
        sandwichTab.setTooltip(new javafx.scene.control.Tooltip("The selected function's callers above and callees below (Ctrl+Shift+W)"));
        // Cut only while on screen: a hidden sandwich costs nothing.
        model.sandwich().activeProperty().bind(sandwichTab.selectedProperty());
        flame.setOnShowSandwich(frame -> {
            if (frame != null) model.selectionProperty().set(frame);
            showSandwich();
        });
        hotFunctions.setOnShowSandwich(this::showSandwich);
        tables = new TabPane(hotTab, treeTab, sandwichTab);
        tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tables.getStyleClass().add("tables");

        bottom = new SplitPane(tables, source);
        bottom.setOrientation(Orientation.HORIZONTAL);
        main = new SplitPane(flame, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(settings.getDouble("divider.main", 0.5));
        bottom.setDividerPositions(settings.getDouble("divider.bottom", 0.34));
        main.getDividers().getFirst().positionProperty().addListener((o, b, p) -> settings.putDouble("divider.main", p.doubleValue()));
        bottom.getDividers().getFirst().positionProperty().addListener((o, b, p) -> settings.putDouble("divider.bottom", p.doubleValue()));

        // The timeline across the top, above everything that follows its selection.
        SplitPane withTimeline = new SplitPane(timeline, main);
        withTimeline.setOrientation(Orientation.VERTICAL);
        withTimeline.setDividerPositions(settings.getDouble("divider.timeline", 0.24));
        withTimeline.getDividers().getFirst().positionProperty().addListener((o, b, p) -> settings.putDouble("divider.timeline", p.doubleValue()));
        SplitPane.setResizableWithParent(timeline, false);

        setTop(new AnalysisBar(model.analysis(), model.threads(), model.processes()));
        setCenter(withTimeline);
        setBottom(new VBox(new AutosaveProblemBar(model),
            model.recording() != null ? new RecordingStatusBar(model.recording()) : sessionStatus()));
    }

    public FlameGraphView flame() { return flame; }
    public SourceView source() { return source; }
    /** The call tree view, made on first use. */
    public CallTreeView callTree() {
        if (callTree == null) {
            callTree = new CallTreeView(model.callTree());
            callTree.setOnShowSandwich(this::showSandwich);
            if (openFrame != null) callTree.setOnOpenInEditor(() -> openFrame.accept(model.selectionProperty().get()));
        }
        return callTree;
    }

    /**
     * Offers "Open in editor" everywhere a frame or a line is shown: flame graph, sandwich, tables, source gutter.
     *
     * @param frames opens a frame (at its hottest line when it is a function)
     * @param lines  opens a recorded file at a line
     */
    public void setOnOpenInEditor(Consumer<FrameSelection> frames, ObjIntConsumer<String> lines) {
        this.openFrame = frames;
        flame.setOnOpenInEditor(frames);
        sandwich.setOnOpenInEditor(frames);
        hotFunctions.setOnOpenInEditor(() -> frames.accept(model.selectionProperty().get()));
        if (callTree != null) callTree.setOnOpenInEditor(() -> frames.accept(model.selectionProperty().get()));
        source.setOnOpenInEditor(lines);
    }
    public HotFunctionsView hotFunctions() { return hotFunctions; }
    public TimelineView timeline() { return timeline; }
    public TimeOrderView timeOrder() { return timeOrder; }
    public WorkspaceViewModel model() { return model; }

    public void setDark(boolean dark) {
        flame.setDark(dark);
        sandwich.setDark(dark);
        timeline.setDark(dark);
        timeOrder.setDark(dark);
    }

    public SandwichView sandwich() { return sandwich; }

    /** Shows the sandwich tab (Ctrl+Shift+W). */
    public void showSandwich() {
        tables.getSelectionModel().select(sandwichTab);
    }

    /** Shows the call tree or the hot functions tab. */
    public void showTable(boolean callTreeTab) {
        tables.getSelectionModel().select(callTreeTab ? 1 : 0);
    }

    private StatusBar sessionStatus() {
        StatusBar bar = new StatusBar();
        bar.setId("session-status");
        bar.getStyleClass().add("session-status");
        model.analysis().analysisProperty().addListener((o, before, analysis) -> {
            if (analysis == null) return;
            // The recording's length, as its samples and threads are the recording's: the selected range's length
            // is on the timeline.
            double seconds = model.recordingSeconds();
            String python = model.profile().metadata("python.version");
            bar.setText(Formats.count(model.profile().samples().size(), "sample") + "  ·  "
                + Formats.count(model.profile().threads().size(), "thread") + "  ·  " + Formats.seconds(seconds)
                + (python == null ? "" : "  ·  Python " + python));
        });
        bar.textProperty().setValue("Loading…");
        return bar;
    }
}
