package dev.pyrometer.sampler.walk;

import java.util.Arrays;

/**
 * A code object's bytecode-offset → line map, decoded once from whichever format its version stores, then looked up
 * by binary search. Offsets are in bytes, as {@code PyCode_Addr2Line} takes them; the results match that function:
 * a negative offset gives the first line, an offset with no line gives -1.
 */
public final class LineTable {
    private final int firstLine;
    private final int[] starts;
    private final int[] lines;
    /** Offsets at or past this have no line (3.10+); Integer.MAX_VALUE for lnotab, whose last line runs on. */
    private final int end;

    private LineTable(int firstLine, int[] starts, int[] lines, int count, int end) {
        this.firstLine = firstLine;
        this.starts = Arrays.copyOf(starts, count);
        this.lines = Arrays.copyOf(lines, count);
        this.end = end;
    }

    public int firstLine() {
        return firstLine;
    }

    /** The line of the instruction at byte offset {@code offset}, or -1 where the table has none. */
    public int lineAt(int offset) {
        if (offset < 0) return firstLine;
        if (offset >= end) return -1;
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? firstLine : lines[found];
    }

    /** The smallest and largest line in the table (for sizing per-line caches); {firstLine, firstLine} if empty. */
    public int[] lineRange() {
        int min = firstLine;
        int max = firstLine;
        for (int line : lines) {
            if (line < 0) continue;
            min = Math.min(min, line);
            max = Math.max(max, line);
        }
        return new int[] {min, max};
    }

    /**
     * Python 3.8 and 3.9 {@code co_lnotab}: pairs of (unsigned byte offset delta, signed byte line delta); the line
     * of an offset is the one reached after every pair whose cumulative offset is at most it.
     */
    public static LineTable fromLnotab(byte[] table, int firstLine) {
        int n = table.length / 2;
        int[] starts = new int[n + 1];
        int[] lines = new int[n + 1];
        int count = 0;
        starts[count] = 0;
        lines[count++] = firstLine;
        int address = 0;
        int line = firstLine;
        for (int i = 0; i + 1 < table.length; i += 2) {
            address += table[i] & 0xFF;
            line += table[i + 1];
            if (starts[count - 1] == address) {
                lines[count - 1] = line;
            } else {
                starts[count] = address;
                lines[count++] = line;
            }
        }
        return new LineTable(firstLine, starts, lines, count, Integer.MAX_VALUE);
    }

    /**
     * Python 3.10 {@code co_linetable} (PEP 626): pairs of (unsigned byte length in bytes, signed byte line delta),
     * a line delta of -128 meaning "no line". Zero-length entries only move the line.
     */
    public static LineTable fromLinetable310(byte[] table, int firstLine) {
        int n = table.length / 2;
        int[] starts = new int[n];
        int[] lines = new int[n];
        int count = 0;
        int address = 0;
        int computed = firstLine;
        for (int i = 0; i + 1 < table.length; i += 2) {
            int length = table[i] & 0xFF;
            int delta = table[i + 1];
            int line;
            if (delta == -128) {
                line = -1;
            } else {
                computed += delta;
                line = computed;
            }
            if (length > 0) {
                starts[count] = address;
                lines[count++] = line;
                address += length;
            }
        }
        return new LineTable(firstLine, starts, lines, count, address);
    }

    /**
     * Python 3.11+ location table: entries start with a byte whose bit 7 is set; bits 3–6 are the form, bits 0–2 the
     * length in code units minus one. Forms: 15 no location, 14 long (signed varint line delta then three varints),
     * 13 line delta only (signed varint), 10–12 one-line forms (delta = form - 10, two column bytes), 0–9 short
     * forms (same line, one column byte).
     */
    public static LineTable fromLocationTable(byte[] table, int firstLine) {
        int[] starts = new int[table.length];
        int[] lines = new int[table.length];
        int count = 0;
        int address = 0;
        int computed = firstLine;
        int i = 0;
        while (i < table.length) {
            int first = table[i] & 0xFF;
            int form = (first >> 3) & 15;
            int length = ((first & 7) + 1) * 2;
            int delta = 0;
            if (form == 14 || form == 13) {
                delta = signedVarint(table, i + 1);
            } else if (form >= 10 && form <= 12) {
                delta = form - 10;
            }
            computed += delta;
            starts[count] = address;
            lines[count++] = form == 15 ? -1 : computed;
            address += length;
            // The next entry starts at the next byte with bit 7 set.
            i++;
            while (i < table.length && (table[i] & 0x80) == 0) i++;
        }
        return new LineTable(firstLine, starts, lines, count, address);
    }

    private static int signedVarint(byte[] table, int at) {
        int value = 0;
        int shift = 0;
        while (at < table.length) {
            int b = table[at++] & 0xFF;
            value |= (b & 63) << shift;
            shift += 6;
            if ((b & 64) == 0) break;
        }
        return (value & 1) != 0 ? -(value >>> 1) : value >>> 1;
    }
}
