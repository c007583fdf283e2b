package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.diff.DiffTable;
import dev.pyrometer.model.diff.DiffValues.Presence;

/**
 * One row of the delta table: a function (or line, file, module) with its value in each run, the change, the
 * change's standard error and whether it is beyond noise, and its colour level. Values follow the comparison's
 * normalisation and measure (total or self).
 *
 * @param ref   the frame by name, matching either run (functions by file and name)
 * @param level the colour level, as in the flame graphs
 */
public record DeltaRow(String name, String location, FrameRef ref, double base, double news, double delta, double noise,
                       boolean beyondNoise, Presence presence, int level) {

    static DeltaRow of(DiffTable table, int row, ChangeMeasure measure, ChangeLevels levels) {
        boolean self = measure == ChangeMeasure.SELF;
        String file = table.file(row);
        String function = table.function(row);
        FrameRef ref;
        String name;
        String location;
        switch (table.keyBy()) {
            case MODULE -> {
                ref = FrameRef.module(file);
                name = file;
                location = "module";
            }
            case FILE -> {
                ref = FrameRef.file(file);
                name = Formats.baseName(file);
                location = file;
            }
            case LINE -> {
                ref = FrameRef.line(file, function, table.line(row));
                name = function;
                location = Formats.baseName(file) + ":" + table.line(row);
            }
            default -> {
                ref = FrameRef.function(file, function);
                name = function;
                location = Formats.baseName(file);
            }
        }
        return new DeltaRow(name, location, ref, self ? table.baseSelf(row) : table.baseTotal(row),
            self ? table.newSelf(row) : table.newTotal(row), ChangeLevels.delta(table, measure, row),
            self ? table.selfNoise(row) : table.totalNoise(row), ChangeLevels.beyondNoise(table, measure, row),
            table.presence(row), levels.level(row));
    }

    /** The change in standard errors (0 when it cannot be told). */
    public double sigmas() {
        return noise > 0 && !Double.isInfinite(noise) ? Math.abs(delta) / noise : 0;
    }

    public boolean isLine() {
        return ref.level() == KeyBy.LINE;
    }
}
