package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Profile;

/** Lets tests in other packages reuse the aggregation tests' fixtures. */
public final class TransformsTestAccess {
    private TransformsTestAccess() {}

    public static Profile recursive() {
        return TransformsTest.recursive();
    }

    public static Profile sample() {
        return CallTreeTest.sample();
    }
}
