package dev.pyrometer.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A recording: interned strings, frames, stacks, threads and sample columns, plus metadata.
 *
 * <p>Append-only while recording. One writer (the sampler, through {@link SampleSink}, or a file reader) appends;
 * views read concurrently without locks: every table publishes its size after its data, and {@link #revision()}
 * changes whenever anything was added, so a view knows when to rebuild.
 */
public final class Profile implements SampleSink {
    private final StringTable strings = new StringTable();
    private final FrameTable frames = new FrameTable();
    private final StackTable stacks = new StackTable();
    private final ThreadTable threads = new ThreadTable();
    private final SampleTable samples = new SampleTable();
    private final MemoryTrack memory = new MemoryTrack();
    private final Map<String, String> metadata = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile long revision;

    public StringTable strings() { return strings; }
    public FrameTable frames() { return frames; }
    public StackTable stacks() { return stacks; }
    public ThreadTable threads() { return threads; }
    public SampleTable samples() { return samples; }
    public MemoryTrack memory() { return memory; }

    /** Grows whenever the profile changes; equal revisions mean equal contents. */
    public long revision() { return revision; }

    /** A copy of the metadata, in the order keys were first set. */
    public Map<String, String> metadata() {
        synchronized (metadata) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    public String metadata(String key) {
        return metadata.get(key);
    }

    @Override
    public int frame(String file, String function, int line, int firstLine) {
        return frames.intern(strings.intern(file), strings.intern(function), line, firstLine);
    }

    @Override
    public int thread(long osThreadId, String name) {
        int index = threads.intern(osThreadId, name);
        revision++;
        return index;
    }

    @Override
    public void sample(long timeNanos, int thread, int[] frameIds, int depth, int state, int userMicros, int systemMicros) {
        int stack = stacks.intern(frameIds, depth);
        samples.add(timeNanos / 1000, thread, stack, state, userMicros, systemMicros);
        revision++;
    }

    /** Writer only: a sample whose stack is already interned (file readers use this). */
    public void sampleOfStack(long timeMicros, int thread, int stack, int state, int userMicros, int systemMicros) {
        samples.add(timeMicros, thread, stack, state, userMicros, systemMicros);
        revision++;
    }

    @Override
    public void memory(long timeNanos, long residentBytes) {
        memory.add(timeNanos / 1000, residentBytes);
        revision++;
    }

    /** Writer only: a memory point with its time in microseconds (file readers use this). */
    public void memoryAt(long timeMicros, long residentBytes) {
        memory.add(timeMicros, residentBytes);
        revision++;
    }

    @Override
    public void metadata(String key, String value) {
        metadata.put(key, value);
        revision++;
    }

    /** A frame's function name. */
    public String functionName(int frameId) {
        return strings.get(frames.function(frameId));
    }

    /** A frame's file path. */
    public String fileName(int frameId) {
        return strings.get(frames.file(frameId));
    }
}
