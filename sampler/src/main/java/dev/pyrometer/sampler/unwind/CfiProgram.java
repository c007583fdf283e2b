package dev.pyrometer.sampler.unwind;

import java.util.ArrayDeque;

/**
 * Runs the call-frame instructions of a CIE and an FDE up to one address, giving that address's {@link UnwindRow}
 * (DWARF 5 §6.4.2). Unknown instructions make the row unusable (null), so the unwinder falls back to frame pointers
 * rather than guess.
 */
final class CfiProgram {
    private CfiProgram() {}

    /** The row in effect at {@code pc} (a linked address) for {@code fde}; null if its instructions are damaged. */
    static UnwindRow rowAt(CfiTable.Cie cie, CfiTable table, int fde, long pc) {
        try {
            UnwindRow initial = new UnwindRow();
            initial.set(cie.returnRegister() == UnwindRow.RA ? UnwindRow.RA : -1, UnwindRow.UNDEFINED, 0, null);
            UnwindRow row = initial.copy();
            if (!run(table, cie, cie.instructionsStart(), cie.instructionsEnd(), Long.MAX_VALUE, 0, row, null)) {
                return null;
            }
            UnwindRow afterCie = row.copy();
            long start = table.pcStart(fde);
            if (!run(table, cie, table.instructionsStart(fde), table.instructionsEnd(fde), pc, start, row, afterCie)) {
                return null;
            }
            return row;
        } catch (IndexOutOfBoundsException damaged) {
            return null;
        }
    }

    /** Executes instructions until the location passes {@code pc}; {@code initial} is the CIE's row (restore). */
    private static boolean run(CfiTable table, CfiTable.Cie cie, int from, int to, long pc, long location,
                               UnwindRow row, UnwindRow initial) {
        DwarfCursor c = new DwarfCursor(table.bytes(), table.address(), from);
        ArrayDeque<UnwindRow> remembered = new ArrayDeque<>();
        long loc = location;
        long codeAlign = cie.codeAlign();
        long dataAlign = cie.dataAlign();
        while (c.at < to) {
            int op = c.u8();
            int high = op & 0xC0;
            int low = op & 0x3F;
            if (high == 0x40) { // advance_loc
                loc += low * codeAlign;
                if (loc > pc) return true;
                continue;
            }
            if (high == 0x80) { // offset
                row.set(low, UnwindRow.OFFSET, c.uleb() * dataAlign, null);
                continue;
            }
            if (high == 0xC0) { // restore
                restore(row, initial, low);
                continue;
            }
            switch (op) {
                case 0x00 -> { } // nop
                case 0x01 -> { // set_loc
                    loc = c.pointer(cie.fdeEncoding(), 0);
                    if (loc > pc) return true;
                }
                case 0x02, 0x03, 0x04 -> {
                    long delta = op == 0x02 ? c.u8() : op == 0x03 ? c.u16() : c.u32();
                    loc += delta * codeAlign;
                    if (loc > pc) return true;
                }
                case 0x05 -> { int r = (int) c.uleb(); row.set(r, UnwindRow.OFFSET, c.uleb() * dataAlign, null); }
                case 0x06 -> restore(row, initial, (int) c.uleb());
                case 0x07 -> row.set((int) c.uleb(), UnwindRow.UNDEFINED, 0, null);
                case 0x08 -> row.set((int) c.uleb(), UnwindRow.SAME, 0, null);
                case 0x09 -> { int r = (int) c.uleb(); row.set(r, UnwindRow.REGISTER, c.uleb(), null); }
                case 0x0A -> remembered.push(row.copy());
                case 0x0B -> {
                    if (remembered.isEmpty()) return false;
                    UnwindRow saved = remembered.pop();
                    // The whole row, CFA rule included, as libgcc's unwinder does (GCC's output expects it).
                    copyInto(saved, row);
                }
                case 0x0C -> { row.cfaRegister = (int) c.uleb(); row.cfaOffset = c.uleb(); row.cfaExpression = null; }
                case 0x0D -> { row.cfaRegister = (int) c.uleb(); row.cfaExpression = null; }
                case 0x0E -> row.cfaOffset = c.uleb();
                case 0x0F -> row.cfaExpression = block(c);
                case 0x10 -> { int r = (int) c.uleb(); row.set(r, UnwindRow.EXPRESSION, 0, block(c)); }
                case 0x11 -> { int r = (int) c.uleb(); row.set(r, UnwindRow.OFFSET, c.sleb() * dataAlign, null); }
                case 0x12 -> {
                    row.cfaRegister = (int) c.uleb();
                    row.cfaOffset = c.sleb() * dataAlign;
                    row.cfaExpression = null;
                }
                case 0x13 -> row.cfaOffset = c.sleb() * dataAlign;
                case 0x14 -> { int r = (int) c.uleb(); row.set(r, UnwindRow.VAL_OFFSET, c.uleb() * dataAlign, null); }
                case 0x15 -> { int r = (int) c.uleb(); row.set(r, UnwindRow.VAL_OFFSET, c.sleb() * dataAlign, null); }
                case 0x16 -> { int r = (int) c.uleb(); row.set(r, UnwindRow.VAL_EXPRESSION, 0, block(c)); }
                case 0x2E -> c.uleb(); // GNU_args_size
                case 0x2F -> { int r = (int) c.uleb(); row.set(r, UnwindRow.OFFSET, -c.uleb() * dataAlign, null); }
                default -> { return false; }
            }
        }
        return true;
    }

    private static void restore(UnwindRow row, UnwindRow initial, int register) {
        if (register < 0 || register >= UnwindRow.REGISTERS) return;
        if (initial == null) {
            row.set(register, UnwindRow.SAME, 0, null);
        } else {
            row.set(register, initial.kinds[register], initial.values[register], initial.expressions[register]);
        }
    }

    private static void copyInto(UnwindRow from, UnwindRow to) {
        to.cfaRegister = from.cfaRegister;
        to.cfaOffset = from.cfaOffset;
        to.cfaExpression = from.cfaExpression;
        System.arraycopy(from.kinds, 0, to.kinds, 0, UnwindRow.REGISTERS);
        System.arraycopy(from.values, 0, to.values, 0, UnwindRow.REGISTERS);
        System.arraycopy(from.expressions, 0, to.expressions, 0, UnwindRow.REGISTERS);
    }

    private static byte[] block(DwarfCursor c) {
        int length = (int) c.uleb();
        if (length < 0 || length > 4096) throw new IndexOutOfBoundsException("expression of " + length + " bytes");
        byte[] out = new byte[length];
        c.bytes.get(c.at, out);
        c.at += length;
        return out;
    }
}
