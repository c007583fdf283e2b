package dev.pyrometer.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A recording: interned strings, frames, stacks, threads and sample columns, plus metadata.
 *
 * <p>Append-only while recording. One writer (the sampler, through {@link SampleSink}, or a file reader) appends;
 * views read concurrently without locks: every table publishes its size after its data, and {@link #revision()}
 * changes whenever anything was added, so a view knows when to rebuild. Metadata alone may also be set from other
 * threads (the workbench keeps its view state there while a recording streams in).
 */
public final class Profile implements SampleSink {
    private final StringTable strings = new StringTable();
    private final FrameTable frames = new FrameTable();
    private final StackTable stacks = new StackTable();
    private final ThreadTable threads = new ThreadTable();
    private final ProcessTable processes = new ProcessTable();
    private final SampleTable samples = new SampleTable();
    private final MemoryTrack memory = new MemoryTrack();
    private final Map<String, String> metadata = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile long revision;
    /** Metadata changes, counted apart: they may come from any thread, and an atomic count loses none. */
    private final AtomicLong metadataChanges = new AtomicLong();
    /** Writer only: each thread's previous stack, root first, with the stack id of every prefix. */
    private int[][] lastFrames = new int[16][];
    private int[][] lastStacks = new int[16][];
    private int[] lastDepth = new int[16];

    public StringTable strings() { return strings; }
    public FrameTable frames() { return frames; }
    public StackTable stacks() { return stacks; }
    public ThreadTable threads() { return threads; }
    /** The processes, when the recording followed subprocesses; empty otherwise. */
    public ProcessTable processes() { return processes; }
    public SampleTable samples() { return samples; }
    public MemoryTrack memory() { return memory; }

    /** Grows whenever the profile changes; equal revisions mean equal contents. */
    public long revision() { return revision + metadataChanges.get(); }

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
    public int nativeFrame(String library, String function) {
        return frames.intern(strings.intern(library), strings.intern(function), 0, 0, FrameTable.NATIVE);
    }

    /** Whether a frame is a native (C) function, whose file is its library. */
    public boolean isNative(int frameId) {
        return frames.isNative(frameId);
    }

    @Override
    public int thread(long osThreadId, String name) {
        int index = threads.intern(osThreadId, name);
        revision++;
        return index;
    }

    @Override
    public int thread(int process, long osThreadId, String name) {
        int index = threads.intern(process, osThreadId, name);
        revision++;
        return index;
    }

    @Override
    public int process(ProcessInfo process) {
        int index = processes.add(process);
        revision++;
        return index;
    }

    @Override
    public void processEnded(int process, long timeNanos) {
        processes.set(process, processes.get(process).endedAt(timeNanos / 1000));
        revision++;
    }

    /** Writer only: replaces what is known of a process (file readers use this). */
    public void updateProcess(int process, ProcessInfo info) {
        processes.set(process, info);
        revision++;
    }

    /** Writer only: files a thread under a process (file readers, and a sampler following an exec, use this). */
    @Override
    public void assignProcess(int thread, int process) {
        threads.assignProcess(thread, process);
        revision++;
    }

    /** Writer only: a thread's new name, by index (file readers use this). */
    public void renameThread(int thread, String name) {
        threads.rename(thread, name);
        revision++;
    }

    /** A new thread of {@code process} even when one with this OS id exists: for imports only. */
    public int addThread(int process, long osThreadId, String name) {
        int index = threads.add(process, osThreadId, name);
        revision++;
        return index;
    }

    /** A new thread even when one with this OS id exists (see {@link ThreadTable#add}): for imports only. */
    public int addThread(long osThreadId, String name) {
        int index = threads.add(osThreadId, name);
        revision++;
        return index;
    }

    @Override
    public void sample(long timeNanos, int thread, int[] frameIds, int depth, int state, int userMicros, int systemMicros) {
        int stack = internForThread(thread, frameIds, depth);
        samples.add(timeNanos / 1000, thread, stack, state, userMicros, systemMicros);
        revision++;
    }

    /**
     * Interns a stack, starting from the longest root-side part it shares with the thread's previous sample: a thread
     * sampled a thousand times a second mostly repeats its outer frames, and those need no lookup.
     */
    private int internForThread(int thread, int[] innermostFirst, int depth) {
        if (thread < 0 || thread >= 1 << 16) return stacks.intern(innermostFirst, depth);
        if (thread >= lastDepth.length) {
            int n = Math.max(thread + 1, lastDepth.length * 2);
            lastFrames = Arrays.copyOf(lastFrames, n);
            lastStacks = Arrays.copyOf(lastStacks, n);
            lastDepth = Arrays.copyOf(lastDepth, n);
        }
        int[] frames = lastFrames[thread];
        int[] ids = lastStacks[thread];
        int known = lastDepth[thread];
        if (frames == null || frames.length < depth) {
            int n = Math.max(64, depth);
            frames = lastFrames[thread] = frames == null ? new int[n] : Arrays.copyOf(frames, n);
            ids = lastStacks[thread] = ids == null ? new int[n] : Arrays.copyOf(ids, n);
        }
        int common = 0;
        while (common < depth && common < known && frames[common] == innermostFirst[depth - 1 - common]) common++;
        int stack = common == 0 ? StackTable.EMPTY : ids[common - 1];
        for (int i = common; i < depth; i++) {
            int frame = innermostFirst[depth - 1 - i];
            stack = stacks.intern(stack, frame);
            frames[i] = frame;
            ids[i] = stack;
        }
        lastDepth[thread] = depth;
        return stack;
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
        metadataChanges.incrementAndGet();
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
