package dev.pyrometer.sampler;

import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.SampleSink;

/**
 * What one followed process's {@link Sampler} writes, passed on to the recording's sink with its threads filed under
 * the process. Only the first Python process (the primary) writes the recording's metadata and memory track: the
 * others' facts are in their {@link ProcessInfo}.
 */
final class ProcessSink implements SampleSink {
    private final SampleSink sink;
    private final int process;
    private final boolean primary;

    ProcessSink(SampleSink sink, int process, boolean primary) {
        this.sink = sink;
        this.process = process;
        this.primary = primary;
    }

    @Override
    public int frame(String file, String function, int line, int firstLine) {
        return sink.frame(file, function, line, firstLine);
    }

    @Override
    public int thread(long osThreadId, String name) {
        return sink.thread(process, osThreadId, name);
    }

    @Override
    public void sample(long timeNanos, int thread, int[] frames, int depth, int state, int userMicros, int systemMicros) {
        sink.sample(timeNanos, thread, frames, depth, state, userMicros, systemMicros);
    }

    @Override
    public void memory(long timeNanos, long residentBytes) {
        if (primary) sink.memory(timeNanos, residentBytes);
    }

    @Override
    public void metadata(String key, String value) {
        if (primary) sink.metadata(key, value);
    }
}
