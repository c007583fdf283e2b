package dev.pyrometer.app.ui.source;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.ui.common.Formats;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The source pane: a read-only RichTextFX {@code CodeArea} with Python colouring and a heat gutter, a header naming
 * the file and the gutter's columns, the file's hottest lines on the side, and a banner when the file is missing.
 */
public final class SourceView extends BorderPane {
    private final SourceViewModel model;
    private final Function<String, Optional<PathMapping>> askMapping;
    private final CodeArea code = new CodeArea();
    private final Label fileName = new Label("No file");
    private final Label filePath = new Label();
    private final Label columnsNumber = new Label();
    private final Label columnsStats = new Label(SourceDocument.GUTTER_HEADER);
    private final Label columnsMemory = new Label(SourceDocument.memoryHeader());
    private final javafx.scene.layout.Region columnsBar = new javafx.scene.layout.Region();
    private GutterFactory gutter = SourceGutter::new;
    /** Whether the gutter has the memory columns: the default one does, one set with {@link #setGutter} does not. */
    private boolean memoryColumns = true;
    private final HBox columns;
    private final Label missing = new Label();
    private final Button map;
    private final HBox banner;
    private final ListView<HotLine> hotLines = new ListView<>();
    private final Label empty = new Label("Click a frame in the flame graph or a row in a table to see its source with line heat.");
    private int targetParagraph = -1;

    /**
     * @param askMapping asks the user where a missing file's directory really is; gets the recorded file path
     */
    public SourceView(SourceViewModel model, Function<String, Optional<PathMapping>> askMapping) {
        this.model = model;
        this.askMapping = askMapping;
        getStyleClass().add("source-view");
        setId("source-view");

        code.setId("source-code");
        code.setEditable(false);
        code.setWrapText(false);
        code.getStyleClass().add("source-code");

        fileName.getStyleClass().add("pane-title");
        fileName.setId("source-file-name");
        filePath.getStyleClass().add("muted");
        filePath.setMinWidth(0);
        HBox header = new HBox(8, fileName, filePath);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");

        // The titles are laid out like a gutter line (same fonts, same bar width), so they line up with its columns.
        columnsNumber.getStyleClass().addAll("gutter-line-number");
        columnsStats.getStyleClass().addAll("gutter-stats");
        columnsBar.setMinWidth(HeatBar.WIDTH);
        columnsMemory.getStyleClass().addAll("gutter-stats", "gutter-memory");
        columnsMemory.setId("source-memory-columns");
        columnsMemory.setVisible(false);
        columnsMemory.setManaged(false);
        columns = new HBox(columnsNumber, columnsBar, columnsStats, columnsMemory);
        columns.setAlignment(Pos.CENTER_LEFT);
        columns.getStyleClass().add("gutter-header");
        columns.visibleProperty().bind(model.documentProperty().isNotNull());
        columns.managedProperty().bind(columns.visibleProperty());
        columns.setId("source-columns");
        Tooltip.install(columns, new Tooltip("count: samples with the line on the stack; self: the line was executing; "
            + "total: the line was executing or calling; py / nat / sys: the line's total split into Python code, "
            + "native code and the kernel; percentages are of all samples shown. Bars are scaled to the busiest line. "
            + "net: resident memory grown minus released while the line was this file's innermost line on the stacks of two "
            + "consecutive ticks (calls into libraries and C count for the calling line), with +mem / −mem the growth and "
            + "release behind it; total: the net while the line was anywhere on them, what it called included. Greyed: "
            + "within the memory track's noise (its tick-to-tick jitter × √ticks). Hover a figure for its ticks."));

        missing.setWrapText(true);
        missing.setId("source-missing");
        map = new Button("Map path…");
        map.setId("source-map-path");
        map.setOnAction(e -> {
            SourceDocument doc = model.document();
            if (doc != null) askMapping.apply(doc.recordedPath()).ifPresent(model::addMapping);
        });
        banner = new HBox(10, missing, map);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("warning-banner");
        HBox.setHgrow(missing, Priority.ALWAYS);
        banner.setVisible(false);
        banner.setManaged(false);

        setTop(new VBox(header, banner, columns));

        hotLines.setId("source-hot-lines");
        hotLines.setCellFactory(list -> new HotLineCell());
        Label noHotLines = new Label("");
        noHotLines.getStyleClass().add("muted");
        hotLines.setPlaceholder(noHotLines);
        model.documentProperty().addListener((o, b, doc) -> noHotLines.setText(doc == null ? "" : "No samples in this file"));
        hotLines.getSelectionModel().selectedItemProperty().addListener((o, before, line) -> {
            if (line != null) model.jumpTo(line.line());
        });
        Label hotTitle = new Label("Hottest lines");
        hotTitle.getStyleClass().add("subpane-title");
        VBox side = new VBox(hotTitle, hotLines);
        side.getStyleClass().add("hot-lines");
        side.setMinWidth(160);
        side.setPrefWidth(200);
        VBox.setVgrow(hotLines, Priority.ALWAYS);

        empty.getStyleClass().add("placeholder");
        empty.setWrapText(true);
        StackPane codeStack = new StackPane(new VirtualizedScrollPane<>(code), empty);
        SplitPane split = new SplitPane(codeStack, side);
        split.setDividerPositions(0.82);
        SplitPane.setResizableWithParent(side, false);
        setCenter(split);

        model.documentProperty().addListener((o, before, doc) -> show(before, doc));
        model.jumpProperty().addListener((o, before, jump) -> {
            if (jump != null) jumpTo(jump.line());
        });
    }

    /** Makes the gutter of each visible line: its number, a bar, and columns of figures. */
    @FunctionalInterface
    public interface GutterFactory {
        /** @param targetLine the line shown highlighted (1-based), 0 for none */
        java.util.function.IntFunction<javafx.scene.Node> create(SourceDocument document, int targetLine);
    }

    /**
     * Draws the gutter another way (a comparison's per-line deltas): {@code header} titles its figures and
     * {@code barWidth} is its bar's width, so the titles line up with the columns. Redraws the visible lines.
     */
    public void setGutter(String header, double barWidth, GutterFactory factory) {
        columnsStats.setText(header);
        columnsBar.setMinWidth(barWidth);
        columnsMemory.setVisible(false);
        columnsMemory.setManaged(false);
        memoryColumns = false;
        gutter = factory;
        refreshGutter();
    }

    /** Redraws the visible lines' gutters (the figures they show changed). */
    public void refreshGutter() {
        SourceDocument doc = model.document();
        if (doc != null) code.setParagraphGraphicFactory(gutter.create(doc, targetParagraph + 1));
    }

    /** The width of line numbers in the gutter, in digits, so other gutters can match the header. */
    public static int lineNumberDigits(SourceDocument document) {
        return SourceGutter.digits(document);
    }

    public CodeArea codeArea() {
        return code;
    }

    public ListView<HotLine> hotLines() {
        return hotLines;
    }

    private void show(SourceDocument before, SourceDocument doc) {
        empty.setVisible(doc == null);
        if (doc == null) return;
        fileName.setText(Formats.baseName(doc.recordedPath()));
        filePath.setText(doc.foundAt() == null ? doc.recordedPath()
            : doc.foundAt().toString().equals(doc.recordedPath()) ? doc.recordedPath()
            : doc.recordedPath() + "  →  " + doc.foundAt());
        missing.setText(doc.missing() ? doc.missingMessage() : "");
        banner.setVisible(doc.missing());
        banner.setManaged(doc.missing());
        map.setVisible(!doc.nativeCode());
        map.setManaged(!doc.nativeCode());
        int digits = lineNumberDigits(doc);
        columnsNumber.setText(String.format(Locale.ROOT, "%" + digits + "s", "line"));
        columnsMemory.setVisible(memoryColumns && doc.hasMemory());
        columnsMemory.setManaged(memoryColumns && doc.hasMemory());

        boolean sameText = before != null && before.text().equals(doc.text());
        if (!sameText) {
            code.replaceText(doc.text());
            if (doc.highlighting() != null) code.setStyleSpans(0, doc.highlighting());
            code.moveTo(0);
            targetParagraph = -1;
        }
        code.setParagraphGraphicFactory(gutter.create(doc, targetParagraph + 1));
        List<HotLine> lines = doc.hotLines();
        if (!lines.equals(hotLines.getItems())) {
            HotLine selected = hotLines.getSelectionModel().getSelectedItem();
            hotLines.getItems().setAll(lines);
            if (selected != null) {
                lines.stream().filter(l -> l.line() == selected.line()).findFirst()
                    .ifPresent(l -> hotLines.getSelectionModel().select(l));
            }
        }
    }

    private void jumpTo(int line) {
        int paragraph = Math.min(Math.max(0, line - 1), Math.max(0, code.getParagraphs().size() - 1));
        if (targetParagraph >= 0 && targetParagraph < code.getParagraphs().size()) {
            code.setParagraphStyle(targetParagraph, List.of());
        }
        targetParagraph = paragraph;
        code.setParagraphStyle(paragraph, List.of("target-line"));
        SourceDocument doc = model.document();
        if (doc != null) code.setParagraphGraphicFactory(gutter.create(doc, line));
        code.moveTo(paragraph, 0);
        code.showParagraphAtCenter(paragraph);
    }

    /**
     * Lets the user open the shown file in an editor: a double click on a line's gutter, or the code's right-click
     * menu at the line clicked; {@code open} gets the recorded path and the line.
     */
    public void setOnOpenInEditor(java.util.function.ObjIntConsumer<String> open) {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        code.setOnContextMenuRequested(e -> {
            SourceDocument doc = model.document();
            if (doc == null) return;
            int line = lineAt(e.getX(), e.getY());
            javafx.scene.control.MenuItem item = dev.pyrometer.app.ui.common.Controls.item(
                "Open " + Formats.baseName(doc.recordedPath()) + ":" + line + " in editor", () -> open.accept(doc.recordedPath(), line));
            item.setId("source-open-in-editor");
            menu.getItems().setAll(item);
            menu.show(code, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        code.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            SourceDocument doc = model.document();
            if (doc == null || e.getButton() != javafx.scene.input.MouseButton.PRIMARY || e.getClickCount() != 2) return;
            int line = gutterLine(e.getPickResult().getIntersectedNode());
            if (line > 0) {
                open.accept(doc.recordedPath(), line);
                e.consume();
            }
        });
    }

    /** The line (1-based) at a point of the code area. */
    public int lineAt(double x, double y) {
        int offset = code.hit(x, y).getInsertionIndex();
        return code.offsetToPosition(offset, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor() + 1;
    }

    /** The line the caret is on (1-based). */
    public int caretLine() {
        return code.getCurrentParagraph() + 1;
    }

    /** The line of a gutter a node belongs to, read from its line number; 0 when the node is not in a gutter. */
    private static int gutterLine(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.getStyleClass().contains("source-gutter") || !(n instanceof javafx.scene.layout.Pane box)) continue;
            for (javafx.scene.Node child : box.getChildren()) {
                if (child instanceof Label number && child.getStyleClass().contains("gutter-line-number")) {
                    try {
                        return Integer.parseInt(number.getText().strip());
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }
            }
        }
        return 0;
    }

    /** The line shown highlighted, 1-based; 0 for none. */
    public int targetLine() {
        return targetParagraph + 1;
    }


    /** "18   42.1%   row = [random.random() ...": the line, its self share, and its code. */
    private final class HotLineCell extends ListCell<HotLine> {
        private final Label line = new Label();
        private final Label share = new Label();
        private final Label text = new Label();
        private final HBox box = new HBox(8, line, share, text);

        HotLineCell() {
            line.getStyleClass().add("hot-line-number");
            share.getStyleClass().add("hot-line-share");
            text.getStyleClass().add("hot-line-text");
            line.setMinWidth(Region.USE_PREF_SIZE);
            share.setMinWidth(Region.USE_PREF_SIZE);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setMinWidth(0);
            // A cell that asks for no width is sized to the list: long code is cut with an ellipsis, never scrolled.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(HotLine item, boolean isEmpty) {
            super.updateItem(item, isEmpty);
            if (isEmpty || item == null) {
                setGraphic(null);
                return;
            }
            SourceDocument doc = model.document();
            int all = doc == null ? 1 : Math.max(1, doc.heat().sampleCount());
            // As wide as the file's longest line number: the code beside it gets the rest of a narrow list.
            int digits = doc == null ? 5 : Integer.toString(Math.max(doc.lineCount(), doc.heat().lastLine())).length();
            line.setText(String.format(Locale.ROOT, "%" + digits + "d", item.line()));
            boolean calls = item.self() == 0;
            share.setText(Formats.percent((double) (calls ? item.total() : item.self()) / all));
            share.getStyleClass().remove("hot-line-calls");
            if (calls) share.getStyleClass().add("hot-line-calls");
            // The code is cut short in a narrow list: the tooltip has all of it.
            String code = item.text().isBlank() ? "" : ":\n" + item.text().strip();
            setTooltip(new javafx.scene.control.Tooltip(calls
                ? "Line " + item.line() + " calls code that takes " + share.getText() + " of the samples" + code
                : "Line " + item.line() + " itself runs in " + share.getText() + " of the samples" + code));
            text.setText(item.text().isEmpty() ? "…" : item.text());
            setGraphic(box);
            setText(null);
        }
    }
}
