package dev.pyrometer.sampler.walk;

import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.memory.RemoteMemory;
import java.nio.ByteBuffer;

/**
 * Walks one thread's frames from its innermost frame outward, then resolves every frame's code object and line with
 * one batched read of all the code object headers. Subclasses know how one version family lays out its frames.
 */
abstract sealed class FrameWalker permits FrameObjectWalker, InterpreterFrameWalker {
    /** Buffer regions of the shared {@link RemoteMemory}: see {@link TargetReader}. */
    static final int FRAMES_AT = 8192;
    static final int FRAMES_SIZE = 512 * 1024;
    static final int SINGLE_FRAME_AT = 4096;
    static final int BATCH_AT = FRAMES_AT + FRAMES_SIZE;

    final RemoteMemory memory;
    final Layout layout;
    final CodeCache codes;
    final int frameRead;
    private final int headerSize;
    private final int[] headerAt = new int[StackWalk.MAX_DEPTH];
    int lastError;

    FrameWalker(RemoteMemory memory, Layout layout, CodeCache codes) {
        this.memory = memory;
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
        return resolve(out);
    }

    private boolean resolve(StackWalk out) {
        ByteBuffer buf = memory.buffer();
        int n = out.depth;
        // The innermost opcode, read in the same batch when the code object is already known.
        CodeInfo innermostGuess = n > 0 ? codes.peek(out.codeAddresses[0]) : null;
        for (int from = 0; from < n; from += RemoteMemory.MAX_BATCH - 1) {
            int to = Math.min(n, from + RemoteMemory.MAX_BATCH - 1);
            memory.beginBatch(BATCH_AT);
            for (int i = from; i < to; i++) {
                if (i > from && out.codeAddresses[i] == out.codeAddresses[i - 1]) {
                    headerAt[i] = headerAt[i - 1]; // recursion: read the header once
                    continue;
                }
                headerAt[i] = memory.add(out.codeAddresses[i], headerSize);
                if (headerAt[i] < 0) return fail(RemoteMemoryErrors.BATCH_FULL);
            }
            int opcodeAt = -1;
            long opcodeGuess = from == 0 && innermostGuess != null ? opcodeAddress(out, innermostGuess) : 0;
            if (opcodeGuess != 0) opcodeAt = memory.add(opcodeGuess, 1);
            long got = memory.readBatch();
            if (got < 0) return fail(memory.lastError());
            long validEnd = BATCH_AT + got;
            for (int i = from; i < to; i++) {
                if (headerAt[i] + headerSize > validEnd) return fail(RemoteMemoryErrors.TORN);
                CodeInfo code = codes.resolve(out.codeAddresses[i], buf, headerAt[i]);
                if (code == null) return fail(RemoteMemoryErrors.TORN);
                out.codes[i] = code;
                out.lines[i] = code.lineAt(offsetOf(out, i, code));
            }
            if (from == 0 && n > 0) {
                if (opcodeAt >= 0 && out.codes[0] == innermostGuess && opcodeAt < validEnd) {
                    out.inCall = isCall(buf.get(opcodeAt));
                } else {
                    out.inCall = readInCall(out);
                }
            }
        }
        return true;
    }

    private boolean readInCall(StackWalk out) {
        long address = opcodeAddress(out, out.codes[0]);
        if (address == 0 || !memory.read(address, 1, SINGLE_FRAME_AT)) return false;
        return isCall(memory.buffer().get(SINGLE_FRAME_AT));
    }

    private boolean isCall(byte opcode) {
        return layout.callOpcodes != null && layout.callOpcodes[opcode & 0xFF];
    }

    final boolean fail(int error) {
        lastError = error;
        return false;
    }

    /** Records a frame; false (and a truncated stack) once the depth cap is reached. */
    static boolean push(StackWalk out, long frame, long code, long instruction) {
        if (out.depth == StackWalk.MAX_DEPTH) {
            out.truncated = true;
            return false;
        }
        out.frameAddresses[out.depth] = frame;
        out.codeAddresses[out.depth] = code;
        out.instructions[out.depth] = instruction;
        out.depth++;
        return true;
    }

    /** A cycle in the frame chain can only come from a torn read: the next frame was already visited. */
    static boolean seen(StackWalk out, long frame) {
        // Cheap check of the recent frames on every step; a full check only when a stack gets deep.
        int from = Math.max(0, out.depth - 8);
        for (int i = from; i < out.depth; i++) if (out.frameAddresses[i] == frame) return true;
        if (out.depth >= 256 && (out.depth & 255) == 0) {
            for (int i = 0; i < from; i++) if (out.frameAddresses[i] == frame) return true;
        }
        return false;
    }
}
