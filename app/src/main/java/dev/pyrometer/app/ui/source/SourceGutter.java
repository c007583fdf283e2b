package dev.pyrometer.app.ui.source;

import dev.pyrometer.app.ui.common.MemoryFigure;
import java.util.Locale;
import java.util.function.IntFunction;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The paragraph graphic factory of the source pane: per visible line, its number, its heat bar and the precomputed
 * samples / self / total / python / native / system columns, and the memory columns when the profile has a memory
 * track. RichTextFX calls it only for lines on screen, and
 * every value comes from the document's arrays, so a call costs three small nodes and no computation.
 */
final class SourceGutter implements IntFunction<Node> {
    private final SourceDocument document;
    private final String numberFormat;
    private final int targetLine;

    SourceGutter(SourceDocument document, int targetLine) {
        this.document = document;
        this.numberFormat = "%" + digits(document) + "d";
        this.targetLine = targetLine;
    }

    static int digits(SourceDocument document) {
        return Math.max(4, Integer.toString(Math.max(document.lineCount(), document.heat().lastLine())).length());
    }

    /** A memory figure: greyed when within the track's noise, with a tooltip saying what it rests on. */
    private static Label memoryLabel(String text, MemoryFigure figure) {
        Label label = new Label(text);
        label.getStyleClass().addAll("gutter-stats", "gutter-memory");
        if (!figure.isEmpty()) {
            if (!figure.finding()) label.getStyleClass().add(MemoryFigure.NOISE_STYLE);
            label.setTooltip(new Tooltip(figure.tooltip()));
        }
        return label;
    }

    @Override
    public Node apply(int paragraph) {
        int line = paragraph + 1;
        Label number = new Label(String.format(Locale.ROOT, numberFormat, line));
        number.getStyleClass().add("gutter-line-number");
        Label stats = new Label(document.gutterText(line));
        stats.getStyleClass().add("gutter-stats");
        HBox box = new HBox(number, new HeatBar(document.totalBar(line), document.selfBar(line)), stats);
        if (document.hasMemory()) {
            Label memory = memoryLabel(document.memoryText(line), document.memoryFigure(line));
            Label total = memoryLabel(document.memoryTotalText(line), document.memoryTotalFigure(line));
            total.getStyleClass().add("gutter-memory-total");
            box.getChildren().addAll(memory, total);
        }
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("source-gutter");
        if (line == targetLine) box.getStyleClass().add("gutter-target");
        if (document.heat().total(line) > 0) box.getStyleClass().add("gutter-hot");
        return box;
    }
}
