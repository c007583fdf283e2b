package dev.pyrometer.model.session;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.Roots;
import dev.pyrometer.model.aggregate.TimeRange;
import java.util.Objects;

/**
 * The part of the workbench's view state a session keeps, stored as metadata keys under {@code view.}: old readers
 * keep such keys as they keep any other, and files without them open as before. Values are hints: a malformed one
 * reads as absent, never as an error.
 */
public final class SavedView {
    /** The selected time range, {@code "FROM-TO"} in microseconds since the recording started; empty for none. */
    public static final String RANGE = "view.range.us";

    /** The flame graph's root frames ({@link Roots} by name: {@code PROCESS}); absent for merged. */
    public static final String ROOTS = "view.roots";

    private SavedView() {}

    /** The saved root choice; MERGED when none (or not one this release knows). */
    public static Roots roots(Profile profile) {
        return Roots.parse(profile.metadata(ROOTS));
    }

    /** Records the root choice, only when it differs from what is there (merged and absent are the same). */
    public static void putRoots(Profile profile, Roots roots) {
        String value = roots == null || roots == Roots.MERGED ? "" : roots.name();
        String current = profile.metadata(ROOTS);
        if (Objects.equals(current, value) || (current == null && value.isEmpty())) return;
        profile.metadata(ROOTS, value);
    }

    /** The saved time range, or null. */
    public static TimeRange range(Profile profile) {
        return TimeRange.parse(profile.metadata(RANGE));
    }

    /**
     * Records the range (null: none) in the profile's metadata, only when it differs from what is there, so an
     * unchanged view does not make the profile look changed.
     */
    public static void putRange(Profile profile, TimeRange range) {
        String value = range == null ? "" : range.format();
        String current = profile.metadata(RANGE);
        if (Objects.equals(current, value) || (current == null && value.isEmpty())) return;
        profile.metadata(RANGE, value);
    }
}
