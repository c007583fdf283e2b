package dev.pyrometer.model.diff;

/** One of the two runs of a comparison. */
public enum DiffSide {
    BASE, NEW;

    public DiffSide other() {
        return this == BASE ? NEW : BASE;
    }
}
