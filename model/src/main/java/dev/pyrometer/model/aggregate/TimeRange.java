package dev.pyrometer.model.aggregate;

import java.util.Locale;

/**
 * A span of a recording's time, in microseconds since the recording started: from (included) to (excluded). What a
 * user selects on the timeline, and what a {@link Selection} narrows the samples to.
 */
public record TimeRange(long fromMicros, long toMicros) {

    public TimeRange {
        if (fromMicros >= toMicros) throw new IllegalArgumentException("empty time range " + fromMicros + ".." + toMicros);
    }

    public long durationMicros() {
        return toMicros - fromMicros;
    }

    public boolean contains(long micros) {
        return micros >= fromMicros && micros < toMicros;
    }

    /** A selection's time range, or null when it is open at either end. */
    public static TimeRange of(Selection selection) {
        if (selection.fromMicros() == Selection.START || selection.toMicros() == Selection.END) return null;
        return selection.fromMicros() < selection.toMicros() ? new TimeRange(selection.fromMicros(), selection.toMicros()) : null;
    }

    /** The text form kept in files: {@code "1500000-2750000"}. */
    public String format() {
        return String.format(Locale.ROOT, "%d-%d", fromMicros, toMicros);
    }

    /** Reads {@link #format()}'s text; null for blank or malformed text (a file's view state is a hint, never an error). */
    public static TimeRange parse(String text) {
        if (text == null) return null;
        int dash = text.indexOf('-', 1);
        if (dash < 0) return null;
        try {
            long from = Long.parseLong(text.substring(0, dash).strip());
            long to = Long.parseLong(text.substring(dash + 1).strip());
            return from < to ? new TimeRange(from, to) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
