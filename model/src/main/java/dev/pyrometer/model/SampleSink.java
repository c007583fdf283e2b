package dev.pyrometer.model;

/**
 * Where a sampler streams what it reads, sample by sample, as it reads it.
 *
 * <p>All calls come from one thread (the sampling loop). Ids are dense and stable: the same frame always interns to
 * the same id, so a sampler may cache them (by code object address and line, say) and skip the strings entirely on
 * later samples. Nothing here allocates per sample.
 */
public interface SampleSink {

    /** Interns a frame: file path, function (qualified where known), current line, the function's first line. */
    int frame(String file, String function, int line, int firstLine);

    /**
     * Interns a native (C) frame: {@code library} is the file name of the ELF file holding it (its "file"), and
     * {@code function} its symbol, or {@code library+0x…} without one. Lines are 0.
     */
    default int nativeFrame(String library, String function) {
        return frame(library, function, 0, 0);
    }

    /** Registers a thread, or renames it when its Python name changes; returns its dense index. */
    int thread(long osThreadId, String name);

    /**
     * Registers a process of a recording that follows subprocesses; returns its dense index. A sink that keeps no
     * processes returns -1 and files every thread under the one process it knows.
     */
    default int process(ProcessInfo process) { return -1; }

    /** The process ended (or was let go), {@code timeNanos} after the recording started. */
    default void processEnded(int process, long timeNanos) {}

    /** {@link #thread(long, String)} for a thread of process {@code process} (an index from {@link #process}). */
    default int thread(int process, long osThreadId, String name) { return thread(osThreadId, name); }

    /**
     * Files a thread registered without a process under {@code process}: a recording of one program that exec'd
     * another gets a process table then, its first program's threads filed under the first entry.
     */
    default void assignProcess(int thread, int process) {}

    /**
     * One thread's sample.
     *
     * @param timeNanos   nanoseconds since the recording started
     * @param thread      an index from {@link #thread}
     * @param frames      frame ids, innermost first; only the first {@code depth} are read and the array is not kept
     * @param state       {@link SampleState} bits
     * @param userMicros  the thread's user CPU time since its previous sample
     * @param systemMicros the thread's kernel CPU time since its previous sample
     */
    void sample(long timeNanos, int thread, int[] frames, int depth, int state, int userMicros, int systemMicros);

    /** The target's resident memory at one tick of the sampler (feeds the memory track and per-line growth). */
    default void memory(long timeNanos, long residentBytes) {}

    /** A fact about the recording: command line, pid, Python version, rate, error counts... Later values win. */
    void metadata(String key, String value);
}
