package dev.pyrometer.sampler.unwind;

import dev.pyrometer.sampler.memory.RemoteMemory;
import java.nio.ByteBuffer;

/**
 * The target's stack as the unwinder reads it: one {@code process_vm_readv} of a window above the stack pointer
 * (to the end of the stack's mapping, at most {@link #WINDOW} bytes) serves nearly every word of a sample; a word
 * outside it (a deep stack, a pointer into the heap) is read on its own. Reads never fail loudly: a word that cannot
 * be read ends the unwinding there.
 */
final class StackMemory implements Words, AutoCloseable {
    static final int WINDOW = 128 * 1024;
    private static final int SINGLE_AT = WINDOW;
    /** Single-word reads allowed per stack: a bound on the cost of a garbage stack. */
    private static final int MAX_SINGLE_READS = 256;
    private final RemoteMemory memory;
    private final ByteBuffer buffer;
    private long windowStart;
    private long windowEnd;
    private int singleReads;

    StackMemory(int pid) {
        this.memory = new RemoteMemory(pid, WINDOW + 64);
        this.buffer = memory.buffer();
    }

    /** Reads the window for a stack whose pointer is {@code sp} and whose mapping ends at {@code top} (0: unknown). */
    void load(long sp, long top) {
        windowStart = windowEnd = 0;
        singleReads = 0;
        if (sp == 0 || (sp & 7) != 0) return;
        long length = top > sp ? Math.min(top - sp, WINDOW) : 4096 - (sp & 4095);
        memory.beginBatch(0);
        if (memory.add(sp, (int) length) < 0) return;
        long got = memory.readBatch();
        if (got <= 0) return;
        windowStart = sp;
        windowEnd = sp + got;
    }

    @Override
    public boolean read(long address, long[] out, int index) {
        long offset = address - windowStart; // unsigned: an address below the window is a huge offset
        if (windowEnd - windowStart >= 8 && Long.compareUnsigned(offset, windowEnd - windowStart - 8) <= 0) {
            out[index] = buffer.getLong((int) offset);
            return true;
        }
        if (address == 0 || singleReads++ >= MAX_SINGLE_READS) return false;
        if (!memory.read(address, 8, SINGLE_AT)) return false;
        out[index] = buffer.getLong(SINGLE_AT);
        return true;
    }

    @Override
    public void close() {
        memory.close();
    }
}
