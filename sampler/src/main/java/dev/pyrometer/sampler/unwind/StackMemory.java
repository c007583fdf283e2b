package dev.pyrometer.sampler.unwind;

import dev.pyrometer.sampler.memory.RemoteMemory;
import java.nio.ByteBuffer;

/**
 * The target's stack as the unwinder reads it: one {@code process_vm_readv} of a window above the stack pointer
 * serves most words of a sample, and the window grows upward (toward the stack's top, read from its mapping) in
 * further reads when the walk goes past it, up to {@link #WINDOW} bytes; a word elsewhere (a pointer into the heap)
 * is read on its own. Reads never fail loudly: a word that cannot be read ends the unwinding there.
 */
final class StackMemory implements Words, AutoCloseable {
    static final int WINDOW = 256 * 1024;
    /** The first read: most C stacks of a Python thread are a few KiB deep at the innermost frames. */
    private static final int FIRST_READ = 8 * 1024;
    private static final int GROW_BY = 32 * 1024;
    private static final int SINGLE_AT = WINDOW;
    /** Single-word reads allowed per stack: a bound on the cost of a garbage stack. */
    private static final int MAX_SINGLE_READS = 256;
    private final RemoteMemory memory;
    private final ByteBuffer buffer;
    private long windowStart;
    private long windowEnd;
    /** How far the window may grow: the stack mapping's end, within {@link #WINDOW}. */
    private long limit;
    private int singleReads;

    StackMemory(int pid) {
        this.memory = new RemoteMemory(pid, WINDOW + 64);
        this.buffer = memory.buffer();
    }

    /** Starts a stack whose pointer is {@code sp} and whose mapping ends at {@code top} (0: unknown). */
    void load(long sp, long top) {
        windowStart = windowEnd = limit = 0;
        singleReads = 0;
        if (sp == 0 || (sp & 7) != 0) return;
        windowStart = windowEnd = sp;
        // Without a known top, stay within sp's page (a read across an unmapped page would fail whole).
        limit = Long.compareUnsigned(top, sp) > 0 ? sp + Math.min(top - sp, WINDOW) : sp + 4096 - (sp & 4095);
        if (Long.compareUnsigned(limit, sp) <= 0) limit = sp;
        grow(sp + FIRST_READ);
    }

    /** Reads from the window's end up to {@code to} (within the limit); false if nothing more could be read. */
    private boolean grow(long to) {
        long end = Long.compareUnsigned(to, limit) > 0 ? limit : to;
        if (Long.compareUnsigned(end, windowEnd) <= 0) return false;
        int at = (int) (windowEnd - windowStart);
        memory.beginBatch(at);
        if (memory.add(windowEnd, (int) (end - windowEnd)) < 0) return false;
        long got = memory.readBatch();
        if (got <= 0) {
            limit = windowEnd; // unreadable beyond: do not try again for this stack
            return false;
        }
        windowEnd += got;
        return true;
    }

    @Override
    public boolean read(long address, long[] out, int index) {
        long offset = address - windowStart; // unsigned: an address below the window is a huge offset
        if (Long.compareUnsigned(offset + 8, limit - windowStart) <= 0 && Long.compareUnsigned(offset, offset + 8) < 0) {
            if (Long.compareUnsigned(address + 8, windowEnd) > 0) grow(Math.max(address + 8, windowEnd + GROW_BY));
            if (Long.compareUnsigned(address + 8, windowEnd) <= 0) {
                out[index] = buffer.getLong((int) offset);
                return true;
            }
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
