package dev.pyrometer.app.ui.sandwich;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.Keys;
import dev.pyrometer.model.aggregate.Sandwich;

/**
 * The sandwich's header in words: the function and where it is, its total and self time with their python / native
 * / system / idle split, and how many places call it.
 *
 * @param totalSplit the total's samples per category, as shares of the total
 * @param selfSplit  the self samples per category, as shares of self
 */
public record SandwichSummary(String title, String location, String total, String self, String callers,
                              double[] totalSplit, double[] selfSplit) {

    public static SandwichSummary of(Sandwich sandwich) {
        Keys keys = sandwich.tree().keys();
        int key = sandwich.key();
        var root = keys.root(key);
        String title = root != null ? root.label() : switch (keys.by()) {
            case MODULE -> keys.module(key);
            case FILE -> Formats.baseName(keys.file(key));
            case FUNCTION, LINE -> keys.function(key);
        };
        String location = root != null ? (root.isProcess() ? "every sample of this process" : "every sample of this thread")
            : switch (keys.by()) {
            case MODULE -> "module or package";
            case FILE -> keys.file(key);
            case FUNCTION -> keys.file(key) + (keys.line(key) > 0 ? ":" + keys.line(key) : "");
            case LINE -> keys.file(key) + ":" + keys.line(key);
        };
        double[] totalSplit = new double[SampleState.CATEGORY_COUNT];
        double[] selfSplit = new double[SampleState.CATEGORY_COUNT];
        for (int c = 0; c < totalSplit.length; c++) {
            totalSplit[c] = sandwich.total() == 0 ? 0 : (double) sandwich.totalIn(c) / sandwich.total();
            selfSplit[c] = sandwich.self() == 0 ? 0 : (double) sandwich.selfIn(c) / sandwich.self();
        }
        String total = "Total " + Formats.percent(sandwich.totalShare()) + " · " + Formats.count(sandwich.total(), "sample")
            + "   " + split(totalSplit);
        String self = "Self " + Formats.percent(sandwich.selfShare()) + " · " + Formats.count(sandwich.self(), "sample")
            + "   " + (sandwich.self() == 0 ? "" : split(selfSplit));
        int direct = sandwich.directCallers();
        String callers = direct == 0 ? "never called: its samples start at it"
            : "called by " + Formats.count(direct, "function") + " · " + Formats.count(sandwich.occurrences(), "call path");
        return new SandwichSummary(title, location, total, self.strip(), callers, totalSplit, selfSplit);
    }

    /** {@code python 80% · native 20%}: the categories that have samples. */
    static String split(double[] shares) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < shares.length; c++) {
            if (shares[c] == 0) continue;
            if (!text.isEmpty()) text.append(" · ");
            text.append(SampleState.categoryName(c)).append(' ').append(Formats.percent(shares[c]));
        }
        return text.toString();
    }
}
