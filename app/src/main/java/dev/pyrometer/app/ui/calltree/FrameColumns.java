package dev.pyrometer.app.ui.calltree;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.RowColumns;
import dev.pyrometer.app.ui.common.RowColumns.Spec;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The columns the call tree and the hot functions table share: the function with its location, shares with a bar
 * (sorted by their samples), and figures.
 */
final class FrameColumns {
    private FrameColumns() {}

    static final Spec<FrameRow> FUNCTION = new Spec<>("Function", RowColumns.graphic(FunctionCell::new, FunctionCell::set),
        (a, b) -> a.name().compareToIgnoreCase(b.name()), false, 260, 120, Double.NaN);
    static final Spec<FrameRow> SELF_SHARE = share("Self %", FrameRow::selfShare, Comparator.comparingInt(FrameRow::self));
    static final Spec<FrameRow> TOTAL_SHARE = share("Total %", FrameRow::totalShare, Comparator.comparingInt(FrameRow::total));
    static final Spec<FrameRow> SELF = figure("Self", row -> Formats.count(row.self()), Comparator.comparingInt(FrameRow::self));
    static final Spec<FrameRow> TOTAL = figure("Total", row -> Formats.count(row.total()), Comparator.comparingInt(FrameRow::total));

    static Spec<FrameRow> share(String title, ToDoubleFunction<FrameRow> share, Comparator<FrameRow> order) {
        return new Spec<>(title, RowColumns.graphic(ShareCell::new, (cell, row) -> cell.set(share.applyAsDouble(row))),
            order, false, 88, 76, 120);
    }

    /** A right-aligned figure (null: blank). */
    static Spec<FrameRow> figure(String title, Function<FrameRow, String> text, Comparator<FrameRow> order) {
        return new Spec<>(title, RowColumns.text(text), order, true, 84, 70, 120);
    }
}
