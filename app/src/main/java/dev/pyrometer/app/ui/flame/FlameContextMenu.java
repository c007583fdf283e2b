package dev.pyrometer.app.ui.flame;

import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.Controls;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.Transforms;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import dev.pyrometer.model.aggregate.RootFrames;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The right-click menu of a flame graph canvas: open the frame in the editor, show its sandwich, the transforms
 * (focus, merge into callers, collapse recursion, undo), zoom, copy its name. The first two appear once a handler is
 * set.
 */
public final class FlameContextMenu {
    private final FlameGraphViewModel model;
    private final FlameCanvas canvas;
    private Consumer<FrameSelection> openInEditor;
    private Consumer<FrameSelection> showSandwich;

    public FlameContextMenu(FlameGraphViewModel model, FlameCanvas canvas) {
        this.model = model;
        this.canvas = canvas;
        ContextMenu menu = new ContextMenu();
        canvas.canvas().setOnContextMenuRequested(e -> {
            model.hover(-1);
            FlameScene scene = model.scene();
            int node = scene == null ? -1 : canvas.geometry().nodeAt(scene, e.getX(), e.getY());
            menu.getItems().setAll(items(node));
            menu.show(canvas.canvas(), e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    public void setOnOpenInEditor(Consumer<FrameSelection> open) {
        this.openInEditor = open;
    }

    public void setOnShowSandwich(Consumer<FrameSelection> show) {
        this.showSandwich = show;
    }

    /** The menu's items for a layout node (-1: the background). */
    public List<MenuItem> items(int node) {
        FrameRef ref = model.refAt(node);
        FrameSelection frame = model.selectionAt(node);
        String name = frame == null ? null : shortName(frame.ref());
        String what = name == null ? "frame" : name;
        List<MenuItem> items = new ArrayList<>();
        if (openInEditor != null) {
            MenuItem edit = Controls.item("Open in editor", () -> openInEditor.accept(frame));
            edit.setId("menu-open-in-editor");
            edit.setDisable(frame == null || frame.file() == null || RootFrames.isRootRef(frame.ref()));
            items.add(edit);
        }
        if (showSandwich != null) {
            MenuItem sandwich = Controls.item("Sandwich of " + what, () -> showSandwich.accept(frame));
            sandwich.setId("menu-sandwich");
            sandwich.setDisable(frame == null);
            items.add(sandwich);
        }
        if (!items.isEmpty()) items.add(new SeparatorMenuItem());
        MenuItem focus = Controls.item("Focus on " + what, () -> model.focusOn(node));
        MenuItem merge = Controls.item("Merge " + what + " into callers", () -> model.mergeIntoCallers(node));
        MenuItem collapse = Controls.item("Collapse recursion of " + what, () -> model.collapseRecursion(node));
        focus.setId("menu-focus");
        merge.setId("menu-merge");
        collapse.setId("menu-collapse-recursion");
        for (MenuItem item : List.of(focus, merge, collapse)) item.setDisable(ref == null);
        // A process's or thread's frame is no code: it has no file and never calls itself.
        if (RootFrames.isRootRef(ref)) collapse.setDisable(true);
        Transforms transforms = model.analysis().transformsProperty().get();
        MenuItem undo = Controls.item(transforms.isEmpty() ? "Undo transform" : "Undo: " + transforms.list().getLast().describe(),
            () -> model.analysis().undo());
        undo.setDisable(transforms.isEmpty());
        MenuItem clear = Controls.item("Clear all transforms", () -> model.analysis().clearTransforms());
        clear.setDisable(transforms.isEmpty());
        MenuItem zoomOut = Controls.item("Zoom out", model::zoomOut);
        MenuItem reset = Controls.item("Reset zoom", model::resetZoom);
        zoomOut.setDisable(model.zoomPathProperty().get().isEmpty());
        reset.setDisable(model.zoomPathProperty().get().isEmpty());
        MenuItem copy = Controls.item("Copy name", () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(frame.ref().label());
            Clipboard.getSystemClipboard().setContent(content);
        });
        copy.setDisable(frame == null);
        items.addAll(List.of(focus, merge, collapse, new SeparatorMenuItem(), undo, clear, new SeparatorMenuItem(),
            zoomOut, reset, new SeparatorMenuItem(), copy));
        return items;
    }

    FlameCanvas canvas() {
        return canvas;
    }

    /** A frame's name as a menu says it: the function, the file's base name, the module. */
    static String shortName(FrameRef ref) {
        String name = switch (ref.level()) {
            case MODULE -> ref.module();
            case FILE -> FlameSceneBuilder.baseName(ref.file());
            case FUNCTION, LINE -> ref.function();
        };
        return name.length() > 48 ? name.substring(0, 47) + "…" : name;
    }
}
