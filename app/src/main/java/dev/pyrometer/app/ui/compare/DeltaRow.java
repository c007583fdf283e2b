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
 * @param location the file as the comparison names it (relative to its run's roots), with the line for lines
 * @param baseRef  the frame as the base run names it, null when only the new run has it (functions by file and name)
 * @param newRef   the frame as the new run names it, null when only the base run has it
 * @param level    the colour level, as in the flame graphs
 */
public record DeltaRow(String name, String location, FrameRef baseRef, FrameRef newRef, double base, double news,
                       double delta, double noise, boolean beyondNoise, Presence presence, int level) {

    static DeltaRow of(DiffTable table, int row, ChangeMeasure measure, ChangeLevels levels) {
        boolean self = measure == ChangeMeasure.SELF;
        String file = table.file(row);
        String name;
        String location;
        switch (table.keyBy()) {
            case MODULE -> {
                name = file;
                location = "module";
            }
            case FILE -> {
                name = Formats.baseName(file);
                location = file;
            }
            case LINE -> {
                name = table.function(row);
                location = file + ":" + table.line(row);
            }
            default -> {
                name = table.function(row);
                location = file;
            }
        }
        return new DeltaRow(name, location, anyFirstLine(table.baseRef(row)), anyFirstLine(table.newRef(row)),
            self ? table.baseSelf(row) : table.baseTotal(row), self ? table.newSelf(row) : table.newTotal(row),
            ChangeLevels.delta(table, measure, row), self ? table.selfNoise(row) : table.totalNoise(row),
            ChangeLevels.beyondNoise(table, measure, row), table.presence(row), levels.level(row));
    }

    /** A function row stands for every first line of the function's name in its file. */
    private static FrameRef anyFirstLine(FrameRef ref) {
        return ref != null && ref.level() == KeyBy.FUNCTION ? FrameRef.function(ref.file(), ref.function()) : ref;
    }

    /** The frame as the new run names it, or as the base run does when only it has the frame. */
    public FrameRef ref() {
        return newRef != null ? newRef : baseRef;
    }

    /** The frame as one run names it, or null when that run does not have it. */
    public FrameRef ref(Side side) {
        return side == Side.BASE ? baseRef : newRef;
    }

    /** Where each run has the frame, by absolute path: {@code base: /v1/app.py} and {@code new: /v2/app.py}. */
    public String whereText() {
        StringBuilder text = new StringBuilder(location);
        if (baseRef != null) text.append("\nbase: ").append(where(baseRef));
        if (newRef != null) text.append("\nnew: ").append(where(newRef));
        return text.toString();
    }

    private static String where(FrameRef ref) {
        return ref.level() == KeyBy.MODULE ? ref.module() : ref.file();
    }

    /** The change in standard errors (0 when it cannot be told). */
    public double sigmas() {
        return noise > 0 && !Double.isInfinite(noise) ? Math.abs(delta) / noise : 0;
    }

    public boolean isLine() {
        return ref().level() == KeyBy.LINE;
    }
}
