package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.SampleTable;

/**
 * The samples a selection's time range covers, for a counting loop: in time order, a slice found by binary search
 * ({@code from} to {@code to}); out of order, every sample, each checked
 * ({@code checkTime}).
 */
record SampleWindow(int from, int to, boolean checkTime) {

    static SampleWindow of(SampleTable samples, int n, Selection selection) {
        boolean ordered = samples.isTimeOrdered();
        if (!selection.isTimeBounded()) return new SampleWindow(0, n, false);
        if (!ordered) return new SampleWindow(0, n, true);
        int from = selection.fromMicros() == Selection.START ? 0 : samples.firstAtOrAfter(selection.fromMicros(), n);
        int to = selection.toMicros() == Selection.END ? n : samples.firstAtOrAfter(selection.toMicros(), n);
        return new SampleWindow(from, to, false);
    }

    /** One table answers both "is this state selected?" and "which category?": -1 means skip. */
    static byte[] categoryOfState(Selection selection) {
        byte[] categoryOfState = new byte[256];
        for (int s = 0; s < 256; s++) {
            categoryOfState[s] = (byte) (selection.includesState(s) ? SampleState.category(s) : -1);
        }
        return categoryOfState;
    }
}
