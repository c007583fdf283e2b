package dev.pyrometer.app.ui.snapshot;

import java.util.List;

/**
 * One thread's stack at the moment of a snapshot.
 *
 * @param name    the Python thread name, or null when unknown
 * @param frames  innermost first
 */
public record ThreadDump(long osThreadId, String name, boolean running, boolean ownsGil, boolean inNativeCall,
                         List<Frame> frames) {

    public ThreadDump {
        frames = List.copyOf(frames);
    }

    /** One frame of a dumped stack. */
    public record Frame(String function, String file, int line) {}

    /** A short state for the dump header: {@code running, holds the GIL}. */
    public String state() {
        StringBuilder text = new StringBuilder(running ? "running" : "idle");
        if (ownsGil) text.append(", holds the GIL");
        if (inNativeCall) text.append(", in native code");
        return text.toString();
    }
}
