package dev.pyrometer.model.interchange;

import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import java.util.function.BooleanSupplier;

/**
 * Builds a profile from a foreign format, which knows stacks and counts but rarely times: each imported sample is
 * placed one step after the previous one, so timelines stay ordered and durations plausible.
 */
final class Importer {
    /** More samples than this would need gigabytes: refuse rather than run out of memory. */
    static final long MAX_SAMPLES = 50_000_000L;

    private final Profile profile = new Profile();
    private final String source;
    private final BooleanSupplier cancelled;
    private long clockMicros;
    private long samples;

    Importer(String source, String format, BooleanSupplier cancelled) {
        this.source = source;
        this.cancelled = cancelled;
        profile.metadata("source.format", format);
        profile.metadata("source.file", source);
    }

    Profile profile() { return profile; }
    long samples() { return samples; }

    int thread(long osThreadId, String name) {
        return profile.thread(osThreadId, name);
    }

    /** A thread of its own even when another has the same OS id (see {@link dev.pyrometer.model.ThreadTable#add}). */
    int distinctThread(long osThreadId, String name) {
        return profile.addThread(osThreadId, name);
    }

    int frame(String file, String function, int line, int firstLine) {
        return profile.frame(file == null ? "" : file, function == null ? "" : function, Math.max(0, line), Math.max(0, firstLine));
    }

    /** A native (C) frame: its library as the file, no line. */
    int nativeFrame(String library, String function) {
        return profile.nativeFrame(library, function == null ? "" : function);
    }

    /** Appends {@code count} running samples of one stack, {@code stepMicros} apart. */
    void add(int thread, int[] innermostFirst, int depth, long count, long stepMicros) {
        if (count <= 0) return;
        // Subtracted, not added: a file may claim up to Long.MAX_VALUE samples, and the sum would wrap to negative.
        if (count > MAX_SAMPLES - samples) {
            throw FileErrors.badInput(String.format("%s holds more than %,d samples; Pyrometer imports at most that many.",
                source, MAX_SAMPLES));
        }
        for (long i = 0; i < count; i++) {
            if ((samples++ & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
            profile.sample(clockMicros * 1000, thread, innermostFirst, depth, SampleState.RUNNING, 0, 0);
            clockMicros += stepMicros;
        }
    }

    /** Moves the clock to a time taken from the file. */
    void clockAt(long micros) {
        clockMicros = micros;
    }

    long clock() { return clockMicros; }
}
