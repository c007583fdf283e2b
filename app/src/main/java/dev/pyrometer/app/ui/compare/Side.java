package dev.pyrometer.app.ui.compare;

import dev.pyrometer.model.diff.DiffSide;

/** The two runs of a comparison: BASE is before (the baseline), NEW is after. */
public enum Side {
    BASE("Base"),
    NEW("New");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    /** The same run as the model's comparisons name it. */
    public DiffSide run() {
        return this == BASE ? DiffSide.BASE : DiffSide.NEW;
    }

    public Side other() {
        return this == BASE ? NEW : BASE;
    }

    @Override
    public String toString() {
        return label;
    }
}
