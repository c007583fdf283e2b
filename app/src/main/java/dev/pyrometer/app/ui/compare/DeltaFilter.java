package dev.pyrometer.app.ui.compare;

import dev.pyrometer.model.diff.DiffValues.Presence;
import java.util.function.Predicate;

/** Which rows of the delta table are shown. */
public enum DeltaFilter {
    ALL("All rows", row -> true),
    BEYOND_NOISE("Beyond noise", DeltaRow::beyondNoise),
    MORE("More time", row -> row.beyondNoise() && row.delta() > 0),
    LESS("Less time", row -> row.beyondNoise() && row.delta() < 0),
    NEW("Only in new", row -> row.presence() == Presence.NEW),
    VANISHED("Vanished", row -> row.presence() == Presence.VANISHED);

    private final String label;
    private final Predicate<DeltaRow> test;

    DeltaFilter(String label, Predicate<DeltaRow> test) {
        this.label = label;
        this.test = test;
    }

    public boolean test(DeltaRow row) {
        return test.test(row);
    }

    @Override
    public String toString() {
        return label;
    }
}
