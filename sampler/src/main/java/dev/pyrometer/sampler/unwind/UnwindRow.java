package dev.pyrometer.sampler.unwind;

/**
 * One row of a CFI table, for one instruction address: how to find the canonical frame address (CFA) and where
 * the caller's registers were saved. Made once per distinct address (then cached by {@link CfiTable}), read at
 * every frame of every sample. Registers are DWARF numbers 0–16 of x86-64 (16 is the return address).
 */
final class UnwindRow {
    static final int REGISTERS = 17;
    static final int RA = 16;
    static final int RSP = 7;
    static final int RBP = 6;

    static final byte SAME = 0;
    static final byte UNDEFINED = 1;
    /** Saved at CFA + value. */
    static final byte OFFSET = 2;
    /** Is CFA + value. */
    static final byte VAL_OFFSET = 3;
    /** Is in register value. */
    static final byte REGISTER = 4;
    /** Saved at the address the expression computes (the CFA pushed first). */
    static final byte EXPRESSION = 5;
    /** Is the value the expression computes. */
    static final byte VAL_EXPRESSION = 6;

    int cfaRegister = RSP;
    long cfaOffset = 8;
    /** A DWARF expression computing the CFA instead of register + offset (PLT entries use one), or null. */
    byte[] cfaExpression;
    final byte[] kinds = new byte[REGISTERS];
    final long[] values = new long[REGISTERS];
    final byte[][] expressions = new byte[REGISTERS][];

    UnwindRow() {
        kinds[RA] = UNDEFINED;
    }

    UnwindRow copy() {
        UnwindRow c = new UnwindRow();
        c.cfaRegister = cfaRegister;
        c.cfaOffset = cfaOffset;
        c.cfaExpression = cfaExpression;
        System.arraycopy(kinds, 0, c.kinds, 0, REGISTERS);
        System.arraycopy(values, 0, c.values, 0, REGISTERS);
        System.arraycopy(expressions, 0, c.expressions, 0, REGISTERS);
        return c;
    }

    void set(int register, byte kind, long value, byte[] expression) {
        if (register < 0 || register >= REGISTERS) return; // vector registers & co.: not needed to unwind
        kinds[register] = kind;
        values[register] = value;
        expressions[register] = expression;
    }
}
