package dev.pyrometer.sampler.walk;

import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.memory.Prefetch;
import dev.pyrometer.sampler.memory.RemoteMemory;
import java.nio.ByteBuffer;

/**
 * Walks one thread's frames from its innermost frame outward, then resolves every frame's code object and line.
 * Reads go through the tick's {@link Prefetch}: in the steady state every frame and code object header is already
 * in the buffer, and only what is new since the last tick is read, in one batch. Subclasses know how one version
 * family lays out its frames.
 */
abstract sealed class FrameWalker permits FrameObjectWalker, InterpreterFrameWalker {
    /** Buffer regions of the shared {@link RemoteMemory}: see {@link TargetReader}. */
    static final int SINGLE_FRAME_AT = TargetReader.PREFETCH_SIZE + 4096;
    static final int FRAMES_AT = TargetReader.PREFETCH_SIZE + 8192;
    static final int FRAMES_SIZE = 512 * 1024;
    static final int BATCH_AT = FRAMES_AT + FRAMES_SIZE;
    /** Bytes around the innermost instruction planned for the next tick, so its opcode is usually read ahead. */
    private static final int OPCODE_WINDOW = 256;
    /** Recursion through up to this many frames shares one header read (and one planned range). */
    private static final int RECURSION_LOOKBACK = 8;
    /**
     * Ticks a code object's header (or a frame object) stays read ahead after its last use: functions that come and
     * go at the top of a stack are then still in the buffer when they come back.
     */
    static final int KEEP_TICKS = 64;

    final RemoteMemory memory;
    final Prefetch prefetch;
    final Layout layout;
    final CodeCache codes;
    final int frameRead;
    private final int headerSize;
    private final int[] headerAt = new int[StackWalk.MAX_DEPTH];
    private final int[] sameAs = new int[StackWalk.MAX_DEPTH];
    int lastError;

    FrameWalker(RemoteMemory memory, Prefetch prefetch, Layout layout, CodeCache codes) {
        this.memory = memory;
        this.prefetch = prefetch;
        this.layout = layout;
        this.codes = codes;
        this.frameRead = layout.frameReadSize();
        this.headerSize = layout.codeHeaderSize();
    }

    /** Collects frame, code and instruction addresses into {@code out}; false on a failed or torn read. */
    abstract boolean collect(long thread, long firstFrame, long datastackChunk, StackWalk out);

    /** The byte offset of frame {@code i}'s current instruction in its bytecode. */
    abstract int offsetOf(StackWalk out, int i, CodeInfo code);

    /** The address of the innermost frame's current opcode, given its resolved code object (0 if unknown). */
    abstract long opcodeAddress(StackWalk out, CodeInfo code);

    /** Walks, resolves and fills {@code out}; false if the sample must be dropped. */
    final boolean walk(long thread, long firstFrame, long datastackChunk, StackWalk out) {
        out.clear();
        if (firstFrame == 0) return true; // a thread with no Python frames (yet)
        if (!collect(thread, firstFrame, datastackChunk, out)) return false;
        out.finish();
        return resolve(out);
    }

    /** The buffer offset of one frame's header: read ahead, or read now; -1 on failure. */
    final int frameAt(long frame) {
        int at = prefetch.fetch(frame, frameRead, SINGLE_FRAME_AT, KEEP_TICKS / 4);
        if (at < 0) lastError = memory.lastError();
        return at;
    }

    /**
     * Finds every frame's code object header (read ahead, or read now in one batch with the other missing ones),
     * checks it and looks up the line.
     */
    private boolean resolve(StackWalk out) {
        ByteBuffer buf = memory.buffer();
        int n = out.depth;
        memory.beginBatch(BATCH_AT);
        for (int i = 0; i < n; i++) {
            long code = out.codeAddresses[i];
            int same = recent(out, i);
            sameAs[i] = same;
            if (same >= 0) {
                headerAt[i] = headerAt[same]; // recursion: one header
                continue;
            }
            int at = prefetch.find(code, headerSize);
            if (at < 0) {
                at = memory.add(code, headerSize);
                if (at < 0) return fail(RemoteMemoryErrors.BATCH_FULL);
            }
            headerAt[i] = at;
        }
        long validEnd = BATCH_AT;
        if (memory.batchCount() > 0) {
            long got = memory.readBatch();
            if (got < 0) return fail(memory.lastError());
            validEnd += got;
        }
        for (int i = 0; i < n; i++) {
            long address = out.codeAddresses[i];
            int at = headerAt[i];
            if (at >= BATCH_AT && at + headerSize > validEnd) return fail(RemoteMemoryErrors.TORN);
            if (sameAs[i] >= 0) {
                out.codes[i] = out.codes[sameAs[i]]; // checked once
            } else {
                CodeInfo code = codes.resolve(address, buf, at);
                if (code == null) return fail(RemoteMemoryErrors.TORN);
                prefetch.plan(address, headerSize, KEEP_TICKS);
                out.codes[i] = code;
            }
            out.lines[i] = out.codes[i].lineAt(offsetOf(out, i, out.codes[i]));
        }
        // A generator's frame links to its caller only while it runs: read as it is resumed or suspended, the walk
        // ends in it, cut from its callers. Such a stack is read again (by the caller), else dropped and counted.
        if (n > 0 && out.codes[n - 1].suspendable) return fail(RemoteMemoryErrors.CUT_AT_GENERATOR);
        if (n > 0 && out.cut == 0) out.inCall = innermostInCall(out); // cut: the innermost frame is not read
        return true;
    }

    /** A frame among the few before {@code i} with the same code object (recursion), or -1. */
    private static int recent(StackWalk out, int i) {
        long code = out.codeAddresses[i];
        for (int j = i - 1; j >= 0 && j >= i - RECURSION_LOOKBACK; j--) if (out.codeAddresses[j] == code) return j;
        return -1;
    }

    /** Whether the innermost frame sits on a CALL-family opcode; plans the bytes around it for the next tick. */
    private boolean innermostInCall(StackWalk out) {
        CodeInfo code = out.codes[0];
        long address = opcodeAddress(out, code);
        if (address == 0) return false;
        int at = prefetch.find(address, 1);
        if (at < 0) {
            if (!memory.read(address, 1, SINGLE_FRAME_AT)) return false;
            at = SINGLE_FRAME_AT;
        }
        if (code.bytecodeLength > 0 && address >= code.bytecode && address < code.bytecode + code.bytecodeLength) {
            long from = Math.max(code.bytecode, address - OPCODE_WINDOW);
            long to = Math.min(code.bytecode + code.bytecodeLength, address + OPCODE_WINDOW);
            prefetch.plan(from, to - from);
        } else {
            prefetch.plan(address, 1);
        }
        return isCall(memory.buffer().get(at));
    }

    private boolean isCall(byte opcode) {
        return layout.callOpcodes != null && layout.callOpcodes[opcode & 0xFF];
    }

    final boolean fail(int error) {
        lastError = error;
        return false;
    }

    /** Records a frame; false when the chain is longer than any real stack (a torn read). */
    static boolean push(StackWalk out, long frame, long code, long instruction) {
        return out.push(frame, code, instruction);
    }

    /** A cycle in the frame chain can only come from a torn read: the next frame was already visited. */
    static boolean seen(StackWalk out, long frame) {
        return out.seen(frame);
    }
}
