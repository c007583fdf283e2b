package dev.pyrometer.sampler.walk;

import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.memory.RemoteMemory;
import java.nio.ByteBuffer;

/**
 * Python 3.11+: frames are {@code _PyInterpreterFrame}s laid out one after another in the thread's data-stack
 * chunk, the innermost highest. One read of the chunk from its start to the end of the innermost frame brings every
 * frame that lives there; frames elsewhere (generators, older chunks) are read one by one.
 */
final class InterpreterFrameWalker extends FrameWalker {
    /** 3.14 tags {@code _PyStackRef} pointers in their low bits; objects are 8-byte aligned, so masking is safe. */
    private static final long TAG_MASK = ~7L;

    InterpreterFrameWalker(RemoteMemory memory, Layout layout, CodeCache codes) {
        super(memory, layout, codes);
    }

    @Override
    boolean collect(long thread, long firstFrame, long chunk, StackWalk out) {
        ByteBuffer buf = memory.buffer();
        long localStart = 0;
        long localEnd = 0;
        if (chunk != 0 && firstFrame > chunk && firstFrame + frameRead - chunk <= FRAMES_SIZE) {
            int length = (int) (firstFrame + frameRead - chunk);
            if (memory.read(chunk, length, FRAMES_AT)) {
                localStart = chunk;
                localEnd = chunk + length;
            }
        }
        long frame = firstFrame;
        for (int steps = 0; frame != 0; steps++) {
            // Skipped shim frames are not in `out`, so bound the steps too.
            if (steps > 2 * StackWalk.MAX_DEPTH || seen(out, frame)) return fail(RemoteMemoryErrors.TORN);
            int at;
            if (frame >= localStart && frame + frameRead <= localEnd) {
                at = FRAMES_AT + (int) (frame - localStart);
            } else {
                at = SINGLE_FRAME_AT;
                if (!memory.read(frame, frameRead, at)) return fail(memory.lastError());
            }
            long previous = buf.getLong(at + layout.framePrevious);
            int owner = buf.get(at + layout.frameOwner);
            if (owner != layout.frameOwnerCstack || layout.frameOwnerCstack < 0) {
                long code = buf.getLong(at + layout.frameCode) & TAG_MASK;
                long instruction = buf.getLong(at + layout.frameInstr);
                if (!push(out, frame, code, instruction)) break;
            }
            frame = previous;
        }
        return true;
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
