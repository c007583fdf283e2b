package dev.pyrometer.sampler.unwind;

/**
 * Walks a stopped thread's native stack from its registers, caller by caller, with each module's CFI (frame
 * pointers where a module has none for the address). Bounded however bad the input: at most {@link #MAX_DEPTH}
 * frames, the stack pointer must grow at every step (so a loop is impossible), and every read goes through
 * {@link Words}, which bounds its own cost. Registers are DWARF-numbered (0–16, 16 the return address).
 */
final class NativeUnwinder {
    static final int MAX_DEPTH = 512;
    private final ModuleMap modules;
    private final DwarfExpression expression = new DwarfExpression();
    private final long[] regs = new long[UnwindRow.REGISTERS];
    private final boolean[] valid = new boolean[UnwindRow.REGISTERS];
    private final long[] next = new long[UnwindRow.REGISTERS];
    private final boolean[] nextValid = new boolean[UnwindRow.REGISTERS];
    private final boolean[] fail = new boolean[1];

    NativeUnwinder(ModuleMap modules) {
        this.modules = modules;
    }

    /**
     * Unwinds from {@code initial} (rip in slot 16, rsp in 7, and the callee-saved ones) and writes each frame's
     * instruction address into {@code pcs}, innermost first; returns how many. Callers' addresses are return
     * addresses (the instruction after the call).
     */
    int unwind(long[] initial, Words memory, long[] pcs) {
        System.arraycopy(initial, 0, regs, 0, UnwindRow.REGISTERS);
        java.util.Arrays.fill(valid, true);
        int depth = 0;
        int max = Math.min(MAX_DEPTH, pcs.length);
        while (depth < max) {
            long pc = regs[UnwindRow.RA];
            if (pc == 0 || !valid[UnwindRow.RA]) break;
            int mapping = modules.find(pc);
            if (mapping < 0) break; // not code: garbage, or the end
            pcs[depth++] = pc;
            // A return address points after the call, which may be the next function's first byte: look up pc - 1.
            long lookup = (depth == 1 ? pc : pc - 1) - modules.bias(mapping);
            UnwindRow row = modules.module(mapping).row(lookup);
            boolean stepped = row != null ? stepWithCfi(row, memory) : stepWithFramePointer(memory);
            if (!stepped) break;
            if (Long.compareUnsigned(next[UnwindRow.RSP], regs[UnwindRow.RSP]) <= 0) break; // must move outward
            System.arraycopy(next, 0, regs, 0, UnwindRow.REGISTERS);
            System.arraycopy(nextValid, 0, valid, 0, UnwindRow.REGISTERS);
        }
        return depth;
    }

    private boolean stepWithCfi(UnwindRow row, Words memory) {
        long cfa;
        fail[0] = false;
        if (row.cfaExpression != null) {
            cfa = expression.evaluate(row.cfaExpression, regs, valid, memory, false, 0, fail);
            if (fail[0]) return false;
        } else {
            int r = row.cfaRegister;
            if (r < 0 || r >= UnwindRow.REGISTERS || !valid[r]) return false;
            cfa = regs[r] + row.cfaOffset;
        }
        for (int r = 0; r < UnwindRow.REGISTERS; r++) {
            nextValid[r] = true;
            switch (row.kinds[r]) {
                case UnwindRow.SAME -> { next[r] = regs[r]; nextValid[r] = valid[r]; }
                case UnwindRow.UNDEFINED -> { next[r] = 0; nextValid[r] = false; }
                case UnwindRow.OFFSET -> nextValid[r] = memory.read(cfa + row.values[r], next, r);
                case UnwindRow.VAL_OFFSET -> next[r] = cfa + row.values[r];
                case UnwindRow.REGISTER -> {
                    int from = (int) row.values[r];
                    boolean known = from >= 0 && from < UnwindRow.REGISTERS && valid[from];
                    next[r] = known ? regs[from] : 0;
                    nextValid[r] = known;
                }
                case UnwindRow.EXPRESSION, UnwindRow.VAL_EXPRESSION -> {
                    fail[0] = false;
                    long value = expression.evaluate(row.expressions[r], regs, valid, memory, true, cfa, fail);
                    if (fail[0]) {
                        nextValid[r] = false;
                    } else if (row.kinds[r] == UnwindRow.EXPRESSION) {
                        nextValid[r] = memory.read(value, next, r);
                    } else {
                        next[r] = value;
                    }
                }
                default -> nextValid[r] = false;
            }
        }
        if (row.kinds[UnwindRow.RA] == UnwindRow.UNDEFINED) return false; // the outermost frame says so
        if (!nextValid[UnwindRow.RA]) return false;
        next[UnwindRow.RSP] = cfa;
        nextValid[UnwindRow.RSP] = true;
        return true;
    }

    /** No CFI: the classic frame chain, rbp → (saved rbp, return address). */
    private boolean stepWithFramePointer(Words memory) {
        if (!valid[UnwindRow.RBP]) return false;
        long fp = regs[UnwindRow.RBP];
        if ((fp & 7) != 0 || Long.compareUnsigned(fp, regs[UnwindRow.RSP]) < 0) return false;
        System.arraycopy(regs, 0, next, 0, UnwindRow.REGISTERS);
        System.arraycopy(valid, 0, nextValid, 0, UnwindRow.REGISTERS);
        if (!memory.read(fp, next, UnwindRow.RBP)) return false;
        if (!memory.read(fp + 8, next, UnwindRow.RA)) return false;
        next[UnwindRow.RSP] = fp + 16;
        return true;
    }
}
