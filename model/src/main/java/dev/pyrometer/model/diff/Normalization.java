package dev.pyrometer.model.diff;

import dev.pyrometer.model.aggregate.CallTree;

/** How a comparison puts two recordings of different lengths and rates on one scale. */
public enum Normalization {
    /** Share of all selected samples, 0 to 1: "this function took 30% of the time". The default. */
    SHARE,
    /**
     * Thread-seconds per second of wall clock: samples divided by the sampler's ticks in the range. 0.5 means half a
     * core on average; it shows work that grew although its share did not (everything got slower).
     */
    PER_SECOND;

    /** The number samples are divided by in this normalization. */
    public long denominator(CallTree tree) {
        return switch (this) {
            case SHARE -> tree.sampleCount();
            case PER_SECOND -> tree.counts().ticks();
        };
    }
}
