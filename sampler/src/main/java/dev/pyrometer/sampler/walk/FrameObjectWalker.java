package dev.pyrometer.sampler.walk;

import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.memory.Prefetch;
import dev.pyrometer.sampler.memory.RemoteMemory;
import dev.pyrometer.sampler.version.PythonVersion;
import java.nio.ByteBuffer;

/**
 * Python 3.8–3.10: frames are heap {@code PyFrameObject}s chained by {@code f_back}. Each is fetched through the
 * tick's {@link Prefetch}: a chain that did not change since the last tick (or only at its innermost end) is
 * already in the buffer, so a stable stack costs no read of its own.
 */
final class FrameObjectWalker extends FrameWalker {
    /** {@code f_lasti} counts bytes up to 3.9 and 2-byte code units in 3.10. */
    private final int lastiScale;

    FrameObjectWalker(RemoteMemory memory, Prefetch prefetch, Layout layout, CodeCache codes, PythonVersion version) {
        super(memory, prefetch, layout, codes);
        this.lastiScale = version.atLeast(3, 10) ? 2 : 1;
    }

    @Override
    boolean collect(long thread, long firstFrame, long unusedChunk, StackWalk out) {
        ByteBuffer buf = memory.buffer();
        long frame = firstFrame;
        while (frame != 0) {
            if (seen(out, frame)) return fail(RemoteMemoryErrors.TORN);
            int at = frameAt(frame);
            if (at < 0) return false;
            long code = buf.getLong(at + layout.frameCode);
            int lasti = buf.getInt(at + layout.frameLasti);
            if (!push(out, frame, code, lasti)) return fail(RemoteMemoryErrors.TORN);
            out.entries[out.depth - 1] = true; // one evaluation loop call per frame object (read only when not cut)
            frame = buf.getLong(at + layout.framePrevious);
        }
        return true;
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
