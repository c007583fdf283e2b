package dev.pyrometer.sampler.walk;

import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.memory.Prefetch;
import dev.pyrometer.sampler.memory.RemoteMemory;
import java.nio.ByteBuffer;

/**
 * Python 3.11+: frames are {@code _PyInterpreterFrame}s laid out one after another in the thread's data-stack
 * chunk, the innermost highest. One read of the chunk from its start to the end of the innermost frame brings every
 * frame that lives there (and the next tick reads it ahead with the rest, a little longer in case the stack grows);
 * frames elsewhere (generators, older chunks) are read one by one.
 */
final class InterpreterFrameWalker extends FrameWalker {
    /** 3.14 tags {@code _PyStackRef} pointers in their low bits; objects are 8-byte aligned, so masking is safe. */
    private static final long TAG_MASK = ~7L;
    /** Extra bytes of the chunk planned for the next tick, so a slightly deeper stack is still read ahead. */
    private static final int GROWTH = 2048;

    InterpreterFrameWalker(RemoteMemory memory, Prefetch prefetch, Layout layout, CodeCache codes) {
        super(memory, prefetch, layout, codes);
    }

    @Override
    boolean collect(long thread, long firstFrame, long chunk, StackWalk out) {
        ByteBuffer buf = memory.buffer();
        long localStart = 0;
        long localEnd = 0;
        int localAt = 0;
        if (chunk != 0 && firstFrame > chunk && firstFrame + frameRead - chunk <= FRAMES_SIZE) {
            int length = (int) (firstFrame + frameRead - chunk);
            int at = prefetch.find(chunk, length);
            if (at < 0 && memory.read(chunk, length, FRAMES_AT)) at = FRAMES_AT;
            if (at >= 0) {
                localStart = chunk;
                localEnd = chunk + length;
                localAt = at;
                prefetch.plan(chunk, plannedLength(buf, at, length));
            }
        }
        long frame = firstFrame;
        for (int steps = 0; frame != 0; steps++) {
            // Skipped shim frames are not in `out`, so bound the steps too.
            if (steps > 2 * StackWalk.MAX_WALK || seen(out, frame)) return fail(RemoteMemoryErrors.TORN);
            int at;
            if (frame >= localStart && frame + frameRead <= localEnd) {
                at = localAt + (int) (frame - localStart);
            } else {
                at = frameAt(frame);
                if (at < 0) return false;
            }
            long previous = buf.getLong(at + layout.framePrevious);
            int owner = buf.get(at + layout.frameOwner);
            if (owner != layout.frameOwnerCstack || layout.frameOwnerCstack < 0) {
                long code = buf.getLong(at + layout.frameCode) & TAG_MASK;
                long instruction = buf.getLong(at + layout.frameInstr);
                if (!push(out, frame, code, instruction)) return fail(RemoteMemoryErrors.TORN);
                // 3.11: is_entry is the byte before owner; from 3.12 a shim frame marks the boundary instead.
                // (Native frames are merged only into stacks that were not cut, where depth - 1 is this frame.)
                out.entries[out.depth - 1] = layout.frameOwnerCstack < 0 && buf.get(at + layout.frameOwner - 1) != 0;
            } else if (out.depth > 0) {
                out.entries[out.depth - 1] = true; // the shim an evaluation loop call pushed below its frames
            }
            frame = previous;
        }
        return true;
    }

    /** What to read ahead of the chunk next time: a little more than now, within the chunk's own size. */
    private int plannedLength(ByteBuffer buf, int at, int length) {
        if (layout.chunkSize < 0) return length;
        long size = buf.getLong(at + layout.chunkSize);
        if (size < length || size > FRAMES_SIZE) return length;
        return (int) Math.min(size, length + GROWTH);
    }

    @Override
    int offsetOf(StackWalk out, int i, CodeInfo code) {
        long offset = out.instructions[i] - code.bytecode;
        return offset < Integer.MIN_VALUE || offset > Integer.MAX_VALUE ? -1 : (int) offset;
    }

    @Override
    long opcodeAddress(StackWalk out, CodeInfo code) {
        return out.instructions[0];
    }
}
