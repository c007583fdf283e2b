package dev.pyrometer.app.ui.recording;

import java.time.Duration;

/**
 * How to record: the sampling rate, an optional duration, and whether to record native (C) frames.
 *
 * @param duration     stop after this long, or null to record until stopped or the target exits
 * @param nativeFrames also unwind each thread's C stack and merge it with the Python frames (holds the program
 *                     still at every sample)
 * @param showPlumbing with native frames, keep the interpreter's own call plumbing (hidden by default)
 */
public record RecordingSettings(double rateHz, Duration duration, boolean nativeFrames, boolean showPlumbing) {
    /** What holding the program still costs, for the places that offer native frames. */
    public static final String NATIVE_COST = "Also records the C functions under each Python line (numpy, zlib,"
        + " hashlib, your extensions). Holds the program still at every sample to read its C stack (ptrace): it"
        + " runs about 1.1x slower at 100 Hz and 1.2–1.5x at 1 kHz (py-spy --native: 1.2x and 4–8x), and needs the"
        + " right to trace it.";

    public static final double DEFAULT_RATE = 100;
    public static final double MAX_RATE = 10_000;

    public RecordingSettings {
        if (!(rateHz >= 1 && rateHz <= MAX_RATE)) {
            throw new IllegalArgumentException("the sampling rate must be between 1 and " + (int) MAX_RATE + " Hz");
        }
        if (duration != null && (duration.isZero() || duration.isNegative())) duration = null;
    }

    public RecordingSettings(double rateHz, Duration duration) {
        this(rateHz, duration, false, false);
    }
}
