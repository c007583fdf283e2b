package dev.pyrometer.sampler.walk;

import dev.pyrometer.sampler.PythonVersion;
import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.memory.RemoteMemory;
import java.nio.ByteBuffer;

/**
 * Python 3.8–3.10: frames are heap {@code PyFrameObject}s chained by {@code f_back}. Each frame is read once; the
 * chain seen in the previous sample is read ahead in one batch, so a stack that did not change (or only at its
 * innermost end) costs one system call instead of one per frame.
 */
final class FrameObjectWalker extends FrameWalker {
    /** {@code f_lasti} counts bytes up to 3.9 and 2-byte code units in 3.10. */
    private final int lastiScale;
    private static final int MAX_THREADS = 256;
    /** Each thread's frame chain from its previous sample, by thread state address. */
    private final LongIntMap chainOf = new LongIntMap(64);
    private final long[][] chains = new long[MAX_THREADS][];
    private final int[] chainDepths = new int[MAX_THREADS];
    private int chainCount;
    private long[] predicted;
    private int predictedDepth;
    private final int[] predictedAt = new int[StackWalk.MAX_DEPTH];

    FrameObjectWalker(RemoteMemory memory, Layout layout, CodeCache codes, PythonVersion version) {
        super(memory, layout, codes);
        this.lastiScale = version.atLeast(3, 10) ? 2 : 1;
    }

    @Override
    boolean collect(long thread, long firstFrame, long unusedChunk, StackWalk out) {
        ByteBuffer buf = memory.buffer();
        int slot = chainSlot(thread);
        predicted = chains[slot];
        predictedDepth = chainDepths[slot];
        int ahead = readAhead(firstFrame);
        long frame = firstFrame;
        int i = 0;
        while (frame != 0) {
            if (seen(out, frame)) return fail(RemoteMemoryErrors.TORN);
            int at;
            if (i < ahead && predicted[i] == frame) {
                at = predictedAt[i];
            } else {
                ahead = 0; // the chain left the prediction: read the rest frame by frame
                at = SINGLE_FRAME_AT;
                if (!memory.read(frame, frameRead, at)) return fail(memory.lastError());
            }
            long code = buf.getLong(at + layout.frameCode);
            int lasti = buf.getInt(at + layout.frameLasti);
            if (!push(out, frame, code, lasti)) break;
            frame = buf.getLong(at + layout.framePrevious);
            i++;
        }
        remember(slot, out);
        return true;
    }

    private int chainSlot(long thread) {
        int slot = chainOf.get(thread);
        if (slot >= 0) return slot;
        if (chainCount == MAX_THREADS) { // threads came and went: start over
            chainOf.clear();
            chainCount = 0;
        }
        slot = chainCount++;
        chainOf.put(thread, slot);
        chainDepths[slot] = 0;
        if (chains[slot] == null) chains[slot] = new long[64];
        return slot;
    }

    private void remember(int slot, StackWalk out) {
        int n = Math.min(out.depth, RemoteMemory.MAX_BATCH);
        if (chains[slot].length < n) chains[slot] = new long[Math.max(n, chains[slot].length * 2)];
        System.arraycopy(out.frameAddresses, 0, chains[slot], 0, n);
        chainDepths[slot] = n;
    }

    /** Reads the frames of the predicted chain starting at {@code first}; returns how many are in the buffer. */
    private int readAhead(long first) {
        if (predictedDepth == 0 || predicted[0] != first) return 0;
        int n = Math.min(predictedDepth, RemoteMemory.MAX_BATCH);
        memory.beginBatch(FRAMES_AT);
        for (int i = 0; i < n; i++) {
            predictedAt[i] = memory.add(predicted[i], frameRead);
            if (predictedAt[i] < 0) {
                n = i;
                break;
            }
        }
        long got = memory.readBatch();
        if (got <= 0) return 0;
        int valid = 0;
        while (valid < n && predictedAt[valid] + frameRead <= FRAMES_AT + got) valid++;
        return valid;
    }

    @Override
    int offsetOf(StackWalk out, int i, CodeInfo code) {
        int lasti = (int) out.instructions[i];
        return lasti < 0 ? -1 : lasti * lastiScale;
    }

    @Override
    long opcodeAddress(StackWalk out, CodeInfo code) {
        int offset = offsetOf(out, 0, code);
        return code.bytecode == 0 || offset < 0 ? 0 : code.bytecode + offset;
    }
}
