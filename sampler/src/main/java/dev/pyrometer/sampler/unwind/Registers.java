package dev.pyrometer.sampler.unwind;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.pyrometer.sampler.memory.Libc;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A stopped thread's registers ({@code PTRACE_GETREGS}, x86-64's {@code user_regs_struct}), in DWARF numbering for
 * the unwinder. Only a thread this thread traces, and that is stopped, can be read.
 */
final class Registers implements AutoCloseable {
    private static final long PTRACE_GETREGS = 12;
    /** user_regs_struct slot of each DWARF register 0–16: rax rdx rcx rbx rsi rdi rbp rsp r8–r15 rip. */
    private static final int[] SLOT = {10, 12, 11, 5, 13, 14, 4, 19, 9, 8, 7, 6, 3, 2, 1, 0, 16};
    private final Memory raw = new Memory(27 * 8);
    private final long address = Pointer.nativeValue(raw);
    private final ByteBuffer view = raw.getByteBuffer(0, raw.size()).order(ByteOrder.nativeOrder());

    /** Reads thread {@code tid}'s registers into {@code out} (17 DWARF registers); false if it cannot. */
    boolean read(int tid, long[] out) {
        if (Libc.ptrace(PTRACE_GETREGS, tid, 0, address) != 0) return false;
        for (int r = 0; r < SLOT.length; r++) out[r] = view.getLong(SLOT[r] * 8);
        return true;
    }

    @Override
    public void close() {
        raw.close();
    }
}
