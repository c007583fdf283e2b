package dev.pyrometer.sampler.walk;

import dev.pyrometer.sampler.PythonVersion;
import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.memory.RemoteMemory;
import java.nio.ByteBuffer;

/**
 * Reads one attached interpreter: its thread list, which thread holds the GIL, each thread's OS id and stack.
 *
 * <p>Use per sample: {@link #refresh()}, then for each thread from {@link #firstThread()} along
 * {@link #nextThread()}: {@link #readThread}, its accessors and {@link #walk}. All reads land in one
 * {@link RemoteMemory} whose buffer is split into regions: [0, 4 KiB) thread state and interpreter words,
 * [4, 8 KiB) single frames, then the data-stack chunk, then batched code headers, then a scratch area at the top.
 * Not thread-safe.
 */
public final class TargetReader implements AutoCloseable {
    public static final int BUFFER_SIZE = FrameWalker.BATCH_AT + 512 * 1024;
    private static final int TSTATE_AT = 0;
    private static final int WORDS_AT = 2048;

    private final RemoteMemory memory;
    private final Layout layout;
    private final long runtime;
    private final int pthreadTidOffset;
    private final FrameWalker walker;
    private final CodeCache codes;
    private final int tstateRead;

    private long interp;
    private long threadsHead;
    private long gilHolder;
    private int lastError;
    /** The first thread state, read ahead in refresh()'s batch when the list head did not change. */
    private long prefetched;
    private int prefetchedAt;

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
    public TargetReader(RemoteMemory memory, Layout layout, PythonVersion version, long runtime, long interp,
                        long codeType, int pthreadTidOffset) {
        this.memory = memory;
        this.layout = layout;
        this.runtime = runtime;
        this.interp = interp;
        this.pthreadTidOffset = pthreadTidOffset;
        this.codes = new CodeCache(memory, layout, codeType, version);
        this.walker = layout.interpreterFrames()
            ? new InterpreterFrameWalker(memory, layout, codes)
            : new FrameObjectWalker(memory, layout, codes, version);
        this.tstateRead = layout.tstateReadSize();
    }

    public Layout layout() {
        return layout;
    }

    public CodeCache codes() {
        return codes;
    }

    /** errno or a negative walk failure code of the last failed call ({@code Libc.ESRCH}: the process is gone). */
    public int lastError() {
        return lastError;
    }

    /**
     * Reads the interpreter's thread list head and the GIL holder in one batched read; false on failure
     * (see {@link #lastError()}).
     */
    public boolean refresh() {
        ByteBuffer buf = memory.buffer();
        prefetched = 0;
        memory.beginBatch(WORDS_AT);
        int headAt = memory.add(runtime + layout.runtimeInterpretersHead, 8);
        int threadsAt = memory.add(interp + layout.interpThreadsHead, 8);
        int gilAt = -1;
        int lockedAt = -1;
        if (layout.runtimeGilTstateCurrent >= 0) {
            gilAt = memory.add(runtime + layout.runtimeGilTstateCurrent, 8);
        } else if (layout.interpGilHolder >= 0) {
            gilAt = memory.add(interp + layout.interpGilHolder, 8);
            lockedAt = memory.add(interp + layout.interpGilLocked, 4);
        }
        int wordsEnd = memory.batchEnd();
        // Speculatively read the thread state that headed the list last time: usually still the head.
        long guess = threadsHead;
        int guessAt = guess != 0 ? memory.add(guess, tstateRead) : -1;
        long got = memory.readBatch();
        if (got < wordsEnd - WORDS_AT) {
            lastError = got < 0 ? memory.lastError() : RemoteMemoryErrors.TORN;
            return false;
        }
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
        threadsHead = buf.getLong(threadsAt);
        boolean guessed = guessAt >= 0 && got == memory.batchEnd() - WORDS_AT && guess == threadsHead;
        prefetched = guessed ? guess : 0;
        prefetchedAt = guessAt;
        gilHolder = gilAt < 0 ? 0 : buf.getLong(gilAt);
        if (lockedAt >= 0 && buf.getInt(lockedAt) == 0) gilHolder = 0;
        return true;
    }

    public long firstThread() {
        return threadsHead;
    }

    /**
     * Reads one thread state; false on failure. After it, the accessors describe that thread.
     */
    public boolean readThread(long address) {
        ByteBuffer buf = memory.buffer();
        int at = TSTATE_AT;
        if (address == prefetched) {
            at = prefetchedAt;
            prefetched = 0;
        } else if (!memory.read(address, tstateRead, TSTATE_AT)) {
            lastError = memory.lastError();
            return false;
        }
        if (buf.getLong(at + layout.tstateInterp) != interp) {
            lastError = RemoteMemoryErrors.TORN;
            return false;
        }
        tstate = address;
        next = buf.getLong(at + layout.tstateNext);
        threadId = buf.getLong(at + layout.tstateThreadId);
        datastackChunk = layout.tstateDatastackChunk >= 0 ? buf.getLong(at + layout.tstateDatastackChunk) : 0;
        if (layout.tstateFrame >= 0) {
            firstFrame = buf.getLong(at + layout.tstateFrame);
        } else {
            long cframe = buf.getLong(at + layout.tstateCframe);
            long nativeId = buf.getLong(at + layout.tstateNativeThreadId);
            firstFrame = 0;
            if (cframe != 0) {
                if (!memory.read(cframe + layout.cframeCurrentFrame, 8, WORDS_AT)) {
                    lastError = memory.lastError();
                    return false;
                }
                firstFrame = buf.getLong(WORDS_AT);
            }
            osThreadId = nativeId;
            return true;
        }
        if (layout.tstateNativeThreadId >= 0) {
            osThreadId = buf.getLong(at + layout.tstateNativeThreadId);
        } else {
            osThreadId = tidOfPthread(threadId);
        }
        return true;
    }

    private long tidOfPthread(long pthread) {
        if (pthread == 0 || pthreadTidOffset < 0) return 0;
        if (!memory.read(pthread + pthreadTidOffset, 4, WORDS_AT)) return 0;
        return memory.buffer().getInt(WORDS_AT);
    }

    /** The next thread state after the one read last (0 at the end of the list). */
    public long nextThread() {
        return next;
    }

    public long threadState() {
        return tstate;
    }

    /** The kernel's id for the thread (what /proc/PID/task lists); 0 if unknown. */
    public long osThreadId() {
        return osThreadId;
    }

    /** Python's {@code threading.get_ident()} for the thread: its pthread_t. */
    public long pythonThreadId() {
        return threadId;
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

    /** Closes the memory reader. */
    @Override
    public void close() {
        memory.close();
    }
}
