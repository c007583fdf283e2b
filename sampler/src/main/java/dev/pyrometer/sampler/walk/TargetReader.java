package dev.pyrometer.sampler.walk;

import dev.pyrometer.model.RunRoots;
import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.memory.Prefetch;
import dev.pyrometer.sampler.memory.RemoteMemory;
import dev.pyrometer.sampler.target.PythonBinary;
import dev.pyrometer.sampler.version.PythonVersion;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Reads one attached interpreter: its thread list, which thread holds the GIL, each thread's OS id and stack.
 *
 * <p>Use per sample: {@link #beginTick()}, {@link #refresh()}, then for each thread from {@link #firstThread()}
 * along {@link #nextThread()}: {@link #readThread}, its accessors and {@link #walk}. Every read goes through a
 * {@link Prefetch}: what the previous tick read is read again ahead, in one system call, at {@link #beginTick()}.
 * All reads land in one {@link RemoteMemory} whose buffer is split into regions: [0, 256 KiB) the read-ahead,
 * then 4 KiB for a thread state and words read on demand, 4 KiB for single frames, then a data-stack chunk, then
 * batched code headers, then a scratch area at the top. Not thread-safe.
 */
public final class TargetReader implements AutoCloseable {
    static final int PREFETCH_SIZE = 256 * 1024;
    public static final int BUFFER_SIZE = FrameWalker.BATCH_AT + 512 * 1024;
    private static final int TSTATE_AT = PREFETCH_SIZE;
    private static final int WORDS_AT = PREFETCH_SIZE + 3072;

    private final RemoteMemory memory;
    private final Prefetch prefetch;
    private final Layout layout;
    private final long runtime;
    private final int pthreadTidOffset;
    private final FrameWalker walker;
    private final CodeCache codes;
    private final int tstateRead;
    private final ThreadNames names;
    private final TargetRoots roots;

    private long interp;
    private long threadsHead;
    private long gilHolder;
    private int lastError;

    // The thread read last by readThread.
    private long tstate;
    private long next;
    private long osThreadId;
    private long threadId;
    private long firstFrame;
    private long datastackChunk;

    /**
     * @param interp           the validated interpreter state address
     * @param pthreadTidOffset up to 3.10, where glibc's {@code struct pthread} keeps the kernel thread id
     */
    public TargetReader(RemoteMemory memory, Layout layout, PythonBinary binary, long interp, int pthreadTidOffset) {
        PythonVersion version = binary.version();
        this.memory = memory;
        this.prefetch = new Prefetch(memory, 0, PREFETCH_SIZE);
        this.layout = layout;
        this.runtime = binary.runtime();
        this.interp = interp;
        this.pthreadTidOffset = pthreadTidOffset;
        this.codes = new CodeCache(memory, layout, binary.codeType(), version);
        PyObjects objects = layout.objects == null ? null
            : new PyObjects(memory, layout, binary.types(), FrameWalker.BATCH_AT);
        this.names = objects == null ? null : new ThreadNames(objects);
        this.roots = objects == null ? null : new TargetRoots(objects);
        this.walker = layout.interpreterFrames()
            ? new InterpreterFrameWalker(memory, prefetch, layout, codes)
            : new FrameObjectWalker(memory, prefetch, layout, codes, version);
        this.tstateRead = layout.tstateReadSize();
    }

    public Layout layout() {
        return layout;
    }

    public CodeCache codes() {
        return codes;
    }

    /** The read-ahead (for its counters). */
    public Prefetch prefetch() {
        return prefetch;
    }

    /** errno or a negative walk failure code of the last failed call ({@code Libc.ESRCH}: the process is gone). */
    public int lastError() {
        return lastError;
    }

    /** Starts a tick: reads again, in one system call, everything the previous tick read. */
    public void beginTick() {
        prefetch.read();
    }

    /** Reads the interpreter's thread list head and the GIL holder; false on failure (see {@link #lastError()}). */
    public boolean refresh() {
        ByteBuffer buf = memory.buffer();
        int headAt = fetch(runtime + layout.runtimeInterpretersHead, 8, WORDS_AT);
        if (headAt < 0) return false;
        long head = buf.getLong(headAt);
        if (head != interp) {
            // Another interpreter was created or ours went away; follow the head once.
            if (head == 0) {
                lastError = RemoteMemoryErrors.TORN;
                return false;
            }
            interp = head;
            return refresh();
        }
        int threadsAt = fetch(interp + layout.interpThreadsHead, 8, WORDS_AT);
        if (threadsAt < 0) return false;
        threadsHead = buf.getLong(threadsAt);
        gilHolder = 0;
        if (layout.runtimeGilTstateCurrent >= 0) {
            int gilAt = fetch(runtime + layout.runtimeGilTstateCurrent, 8, WORDS_AT);
            if (gilAt < 0) return false;
            gilHolder = buf.getLong(gilAt);
        } else if (layout.interpGilHolder >= 0) {
            int lockedAt = fetch(interp + layout.interpGilLocked, 4, WORDS_AT);
            if (lockedAt < 0) return false;
            boolean locked = buf.getInt(lockedAt) != 0;
            int gilAt = fetch(interp + layout.interpGilHolder, 8, WORDS_AT);
            if (gilAt < 0) return false;
            gilHolder = locked ? buf.getLong(gilAt) : 0;
        }
        return true;
    }

    /** Read ahead, or read now to {@code fallbackAt}; -1 (and lastError) on failure. */
    private int fetch(long address, int length, int fallbackAt) {
        int at = prefetch.fetch(address, length, fallbackAt);
        if (at < 0) lastError = memory.lastError();
        return at;
    }

    public long firstThread() {
        return threadsHead;
    }

    /**
     * Reads one thread state; false on failure. After it, the accessors describe that thread.
     */
    public boolean readThread(long address) {
        ByteBuffer buf = memory.buffer();
        int at = fetch(address, tstateRead, TSTATE_AT);
        if (at < 0) return false;
        if (buf.getLong(at + layout.tstateInterp) != interp) {
            lastError = RemoteMemoryErrors.TORN;
            return false;
        }
        tstate = address;
        next = buf.getLong(at + layout.tstateNext);
        threadId = buf.getLong(at + layout.tstateThreadId);
        datastackChunk = layout.tstateDatastackChunk >= 0 ? buf.getLong(at + layout.tstateDatastackChunk) : 0;
        long nativeId = layout.tstateNativeThreadId >= 0 ? buf.getLong(at + layout.tstateNativeThreadId) : 0;
        if (layout.tstateFrame >= 0) {
            firstFrame = buf.getLong(at + layout.tstateFrame);
        } else {
            long cframe = buf.getLong(at + layout.tstateCframe);
            firstFrame = 0;
            if (cframe != 0) {
                int frameAt = fetch(cframe + layout.cframeCurrentFrame, 8, WORDS_AT);
                if (frameAt < 0) return false;
                firstFrame = buf.getLong(frameAt);
            }
        }
        osThreadId = layout.tstateNativeThreadId >= 0 ? nativeId : tidOfPthread(threadId);
        return true;
    }

    private long tidOfPthread(long pthread) {
        if (pthread == 0 || pthreadTidOffset < 0) return 0;
        int at = prefetch.fetch(pthread + pthreadTidOffset, 4, WORDS_AT);
        return at < 0 ? 0 : memory.buffer().getInt(at);
    }

    /** The next thread state after the one read last (0 at the end of the list). */
    public long nextThread() {
        return next;
    }

    /** The kernel's id for the thread (what /proc/PID/task lists); 0 if unknown. */
    public long osThreadId() {
        return osThreadId;
    }

    /** Python's {@code threading.get_ident()} for the thread: its pthread_t. */
    public long pythonThreadId() {
        return threadId;
    }

    /**
     * Whether the thread read last is a thread state made for a thread that has not started running Python yet: no
     * frame, and no ids of its own (3.12+ leaves them 0 until the thread binds its state; earlier versions give it
     * the ids of the thread that created it, which {@link dev.pyrometer.sampler.ThreadSetup} tells apart). Such a state is no thread yet.
     * Also true when the ids read lead to no OS thread where they always can (up to 3.10 the kernel clears an
     * ended thread's tid: the state was read as its thread ended and its memory was reused).
     */
    public boolean starting() {
        if (firstFrame == 0 && (osThreadId == 0 || threadId == 0)) return true;
        return osThreadId == 0 && (layout.tstateNativeThreadId >= 0 || pthreadTidOffset >= 0);
    }

    public boolean holdsGil() {
        return gilHolder != 0 && gilHolder == tstate;
    }

    /** Walks the stack of the thread read last into {@code out}; false if the sample must be dropped. */
    public boolean walk(StackWalk out) {
        if (walker.walk(tstate, firstFrame, datastackChunk, out)) return true;
        lastError = walker.lastError;
        return false;
    }

    /**
     * Reads the thread read last and its stack again, all of it afresh rather than from the tick's read-ahead: for
     * a walk that found memory changing under it (a frame pushed or popped meanwhile). False if it fails again.
     */
    public boolean rewalk(StackWalk out) {
        prefetch.bypass(true);
        try {
            long next = this.next;
            boolean ok = readThread(tstate) && walk(out);
            this.next = next; // keep walking the list as it was read
            return ok;
        } finally {
            prefetch.bypass(false);
        }
    }

    /**
     * The Python name of every thread {@code threading} knows, by {@link #pythonThreadId()}: empty when the
     * program never imported threading, null when this version's layout cannot tell. Reads a few dicts: call it
     * now and then, not per sample.
     */
    public Map<Long, String> threadNames() {
        return names == null ? null : names.read(interp);
    }

    /**
     * The program's {@code sys.path}, prefixes and main script as its memory holds them now (the working directory
     * left unknown), or null when they cannot be read this time or this version's layout cannot tell. A few dozen
     * reads: once per recording, not per sample.
     */
    public RunRoots roots() {
        return roots == null ? null : roots.read(interp);
    }

    /** Closes the memory reader. */
    @Override
    public void close() {
        memory.close();
    }
}
