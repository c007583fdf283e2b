package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.diff.DiffTable;
import dev.pyrometer.model.diff.Noise;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The delta table: one row per function (or line, file, module) seen in either run, the biggest changes first,
 * filtered by name and by kind of change, with the row the rest of the comparison has selected.
 */
public final class DeltaTableViewModel {
    private final ObservableList<DeltaRow> all = FXCollections.observableArrayList();
    private final FilteredList<DeltaRow> shown = new FilteredList<>(all);
    /** One read-only view, kept: its listeners live as long as it does. */
    private final ObservableList<DeltaRow> allView = FXCollections.unmodifiableObservableList(all);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<DeltaFilter> show = new SimpleObjectProperty<>(this, "show", DeltaFilter.ALL);
    private final ReadOnlyObjectWrapper<DeltaRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final Consumer<DeltaRow> picked;
    private Side followedSide = Side.NEW;
    private FrameRef followed;
    private double largest;

    /** @param picked told when the user picks a row, to select its frame everywhere */
    public DeltaTableViewModel(Consumer<DeltaRow> picked) {
        this.picked = picked;
        filter.addListener(o -> refilter());
        show.addListener(o -> refilter());
    }

    /** The rows after the filters, biggest change first (the view may sort them otherwise). */
    public ObservableList<DeltaRow> rows() { return shown; }
    public StringProperty filterProperty() { return filter; }
    public ObjectProperty<DeltaFilter> showProperty() { return show; }
    public ReadOnlyObjectProperty<DeltaRow> selectedProperty() { return selected.getReadOnlyProperty(); }
    /** "7 of 41 beyond noise": how much of the table is real change. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /**
     * What change bars are scaled to: the largest real change, or the noise threshold of the noisiest row when that
     * is larger, so changes within noise never draw long bars just because nothing real changed.
     */
    public double largestChange() { return largest; }

    /** Every row before filtering, biggest change first. */
    public ObservableList<DeltaRow> allRows() { return allView; }

    /** The user picked a row. */
    public void select(DeltaRow row) {
        if (row == null) return;
        selected.set(row);
        followedSide = row.newRef() != null ? Side.NEW : Side.BASE;
        followed = row.ref(followedSide);
        picked.accept(row);
    }

    /** A frame of run {@code side} was selected elsewhere: select its row, if the table has one. */
    public void follow(Side side, FrameRef ref) {
        followedSide = side;
        followed = ref;
        selected.set(ref == null ? null : all.stream().filter(r -> Matching.same(r.ref(side), ref)).findFirst().orElse(null));
    }

    /**
     * The table's rows for one comparison and measure, biggest change first, with how many are beyond noise and the
     * scale of the change bars. Pure, so it is made off the UI thread along with the comparison.
     */
    record Rows(List<DeltaRow> all, int real, double largest) {
        static Rows of(Comparison comparison, ChangeMeasure measure) {
            DiffTable table = comparison.table();
            ChangeLevels levels = ChangeLevels.of(table, measure);
            List<DeltaRow> rows = new ArrayList<>(table.size());
            int real = 0;
            double max = 0;
            for (int r = 0; r < table.size(); r++) {
                DeltaRow row = DeltaRow.of(table, r, measure, levels);
                rows.add(row);
                if (row.beyondNoise()) {
                    real++;
                    max = Math.max(max, Math.abs(row.delta()));
                } else if (Double.isFinite(row.noise())) {
                    max = Math.max(max, Noise.THRESHOLD * row.noise());
                }
            }
            // Biggest change of the measure shown first; the model orders by total change.
            rows.sort(Comparator.comparingDouble((DeltaRow row) -> -Math.abs(row.delta()))
                .thenComparingDouble(row -> -Math.max(row.base(), row.news())));
            return new Rows(rows, real, max);
        }
    }

    /** Shows a comparison's rows (null: none). */
    void show(Rows rows) {
        if (rows == null) {
            largest = 0;
            all.clear();
            summary.set("");
            return;
        }
        largest = rows.largest();
        all.setAll(rows.all());
        summary.set(Formats.count(rows.real()) + " of " + Formats.count(rows.all().size()) + " beyond noise");
        if (followed != null) follow(followedSide, followed);
    }

    private void refilter() {
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        DeltaFilter kind = show.get() == null ? DeltaFilter.ALL : show.get();
        shown.setPredicate(row -> kind.test(row) && (needle.isEmpty() || row.name().toLowerCase(Locale.ROOT).contains(needle)
            || row.location().toLowerCase(Locale.ROOT).contains(needle)));
    }
}
