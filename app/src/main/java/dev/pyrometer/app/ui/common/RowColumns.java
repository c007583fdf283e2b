package dev.pyrometer.app.ui.common;

import java.util.Comparator;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;

/**
 * Columns whose cells get the whole row (the tables of frames and of changes): each described once by a
 * {@link Spec}, and made into a column of a table or of a tree table. One place for the empty-cell handling, the
 * sorting and the widths every such column needs.
 */
public final class RowColumns {
    private RowColumns() {}

    /** Fills one cell for a row (null: the cell is empty). */
    @FunctionalInterface
    public interface Painter<S> {
        void paint(Labeled cell, S row);
    }

    /**
     * One column: its title, a painter for each new cell (a graphic cell keeps its own node), how it sorts, whether
     * its figures are right-aligned, and its widths ({@code maxWidth} NaN: no limit).
     */
    public record Spec<S>(String title, Supplier<Painter<S>> painter, Comparator<S> order, boolean numeric,
                          double prefWidth, double minWidth, double maxWidth) {}

    /** Cells showing a text of their row (null: blank). */
    public static <S> Supplier<Painter<S>> text(Function<S, String> text) {
        return () -> (cell, row) -> cell.setText(row == null ? null : text.apply(row));
    }

    /** Cells showing one node each, made by {@code node} and {@code fill}ed for every row they show. */
    public static <S, N extends Node> Supplier<Painter<S>> graphic(Supplier<N> node, BiConsumer<N, S> fill) {
        return () -> {
            N shown = node.get();
            return (cell, row) -> {
                if (row != null) fill.accept(shown, row);
                cell.setGraphic(row == null ? null : shown);
            };
        };
    }

    public static <S> TableColumn<S, S> table(Spec<S> spec) {
        TableColumn<S, S> column = new TableColumn<>(spec.title());
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Painter<S> painter = spec.painter().get();

            @Override
            protected void updateItem(S row, boolean empty) {
                super.updateItem(row, empty);
                painter.paint(this, empty ? null : row);
            }
        });
        return shaped(column, spec);
    }

    public static <S> TreeTableColumn<S, S> tree(Spec<S> spec) {
        TreeTableColumn<S, S> column = new TreeTableColumn<>(spec.title());
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        column.setCellFactory(c -> new TreeTableCell<>() {
            private final Painter<S> painter = spec.painter().get();

            @Override
            protected void updateItem(S row, boolean empty) {
                super.updateItem(row, empty);
                painter.paint(this, empty ? null : row);
            }
        });
        return shaped(column, spec);
    }

    private static <S, C extends TableColumnBase<?, S>> C shaped(C column, Spec<S> spec) {
        if (spec.numeric()) column.getStyleClass().add("numeric");
        column.setComparator(spec.order());
        column.setPrefWidth(spec.prefWidth());
        column.setMinWidth(spec.minWidth());
        if (!Double.isNaN(spec.maxWidth())) column.setMaxWidth(spec.maxWidth());
        return column;
    }
}
