package dev.pyrometer.app.ui.calltree;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.MemoryFigure;
import dev.pyrometer.app.ui.common.RowColumns;
import dev.pyrometer.app.ui.common.RowColumns.Spec;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** The hot functions table's memory columns: net figures with their ticks in a tooltip, greyed within the noise. */
final class MemoryColumns {
    private MemoryColumns() {}

    /** A net figure: its text, a tooltip saying what it rests on, and the noise style when it is not a finding. */
    static TableColumn<FrameRow, FrameRow> net(String title, String id, Function<FrameRow, MemoryFigure> figure, String tip) {
        Spec<FrameRow> spec = new Spec<>("", () -> (cell, row) -> {
            MemoryFigure f = row == null ? null : figure.apply(row);
            boolean blank = f == null || f.isEmpty();
            cell.setText(blank ? null : f.text());
            cell.setTooltip(blank ? null : new Tooltip(f.tooltip()));
            cell.getStyleClass().remove(MemoryFigure.NOISE_STYLE);
            if (!blank && !f.finding()) cell.getStyleClass().add(MemoryFigure.NOISE_STYLE);
        }, Comparator.comparingLong(row -> figure.apply(row).net()), true, 84, 70, 120);
        return titled(RowColumns.table(spec), title, id, tip);
    }

    /** Bytes of resident memory, blank for none. */
    static TableColumn<FrameRow, FrameRow> bytes(String title, String id, ToLongFunction<FrameRow> bytes, String tip) {
        TableColumn<FrameRow, FrameRow> column = RowColumns.table(FrameColumns.figure("",
            row -> bytes.applyAsLong(row) == 0 ? null : Formats.bytes(bytes.applyAsLong(row)), Comparator.comparingLong(bytes)));
        return titled(column, title, id, tip);
    }

    private static TableColumn<FrameRow, FrameRow> titled(TableColumn<FrameRow, FrameRow> column, String title, String id, String tip) {
        Label header = new Label(title);
        header.setTooltip(new Tooltip(tip));
        column.setGraphic(header);
        column.setId(id);
        return column;
    }
}
