package dev.pyrometer.sampler.unwind;

import java.nio.ByteBuffer;
import dev.pyrometer.sampler.walk.LongIntMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The call-frame information of one section ({@code .eh_frame} or {@code .debug_frame}) of one ELF file, indexed
 * once by address: every FDE's range in sorted arrays, its CIE decoded once. Rows are worked out on demand for the
 * addresses samples meet and cached, so a steady stack costs one hash lookup per frame. Addresses are as linked
 * (before the load bias). Damaged entries are skipped, never trusted.
 */
final class CfiTable {
    /** What a CIE says about the FDEs that use it. */
    record Cie(long codeAlign, long dataAlign, int returnRegister, int fdeEncoding, boolean augmented,
               int instructionsStart, int instructionsEnd) {}

    /** Rows cached per table before the cache is cleared (a bound on memory, never reached in practice). */
    private static final int MAX_ROWS = 1 << 16;

    private final ByteBuffer bytes;
    private final long address;
    private final boolean debugFrame;
    private long[] starts = new long[256];
    private long[] ends = new long[256];
    private int[] bodies = new int[256];
    private int[] bodyEnds = new int[256];
    private int[] cieOf = new int[256];
    private int count;
    private final List<Cie> cies = new ArrayList<>();
    /** Linked address → index into {@link #rowList} (whose entry is null where no row applies). */
    private final LongIntMap rows = new LongIntMap(256);
    private final List<UnwindRow> rowList = new ArrayList<>();

    private CfiTable(ByteBuffer bytes, long address, boolean debugFrame) {
        this.bytes = bytes;
        this.address = address;
        this.debugFrame = debugFrame;
    }

    /**
     * Indexes a section's contents. {@code address} is the section's linked address ({@code .eh_frame} pointers
     * are relative to it); {@code debugFrame} for the {@code .debug_frame} flavour (absolute addresses, CIE ids
     * of all ones, CIE pointers from the section start).
     */
    static CfiTable parse(ByteBuffer bytes, long address, boolean debugFrame) {
        CfiTable table = new CfiTable(bytes, address, debugFrame);
        table.index();
        return table;
    }

    ByteBuffer bytes() { return bytes; }
    long address() { return address; }
    long pcStart(int fde) { return starts[fde]; }
    int instructionsStart(int fde) { return bodies[fde]; }
    int instructionsEnd(int fde) { return bodyEnds[fde]; }
    int size() { return count; }

    /** The row for linked address {@code pc}, or null when no FDE covers it (or its instructions are damaged). */
    UnwindRow rowAt(long pc) {
        if (pc == 0) return null;
        int known = rows.get(pc);
        if (known >= 0) return rowList.get(known);
        int fde = find(pc);
        UnwindRow row = fde < 0 ? null : CfiProgram.rowAt(cies.get(cieOf[fde]), this, fde, pc);
        if (rowList.size() >= MAX_ROWS) {
            rows.clear();
            rowList.clear();
        }
        rows.put(pc, rowList.size());
        rowList.add(row);
        return row;
    }

    /** Whether an FDE covers {@code pc}. */
    boolean covers(long pc) {
        return find(pc) >= 0;
    }

    private int find(long pc) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(starts[mid], pc) <= 0) lo = mid + 1;
            else hi = mid - 1;
        }
        // hi: the last FDE starting at or before pc; ranges may nest oddly in damaged files, so check one more.
        for (int i = hi; i >= 0 && i >= hi - 1; i--) {
            if (Long.compareUnsigned(pc, starts[i]) >= 0 && Long.compareUnsigned(pc, ends[i]) < 0) return i;
        }
        return -1;
    }

    private void index() {
        Map<Integer, Integer> cieAt = new HashMap<>();
        int limit = bytes.limit();
        int at = 0;
        while (at + 4 <= limit) {
            int entryStart = at;
            long length = Integer.toUnsignedLong(bytes.getInt(at));
            at += 4;
            boolean wide = false;
            if (length == 0xFFFFFFFFL) {
                if (at + 8 > limit) break;
                length = bytes.getLong(at);
                at += 8;
                wide = true;
            }
            if (length == 0) {
                if (!debugFrame) break; // .eh_frame's terminator
                continue;
            }
            if (length < 0 || length > limit - at) break; // damaged: nothing after it can be trusted
            int end = (int) (at + length);
            int idAt = at;
            try {
                long id = wide ? bytes.getLong(at) : Integer.toUnsignedLong(bytes.getInt(at));
                int body = at + (wide ? 8 : 4);
                boolean isCie = debugFrame ? id == (wide ? -1L : 0xFFFFFFFFL) : id == 0;
                if (!isCie) {
                    int ciePosition = debugFrame ? (int) id : (int) (idAt - id);
                    Integer cie = cieAt.get(ciePosition);
                    if (cie == null) cie = parseCieAt(ciePosition, cieAt);
                    if (cie != null) addFde(cies.get(cie), cie, body, end);
                }
            } catch (IndexOutOfBoundsException | IllegalArgumentException damaged) {
                // skip the entry
            }
            at = end;
            if (at <= entryStart) break;
        }
        sort();
    }

    private Integer parseCieAt(int position, Map<Integer, Integer> cieAt) {
        if (position < 0 || position + 4 > bytes.limit()) return null;
        long length = Integer.toUnsignedLong(bytes.getInt(position));
        int at = position + 4;
        boolean wide = false;
        if (length == 0xFFFFFFFFL) {
            length = bytes.getLong(at);
            at += 8;
            wide = true;
        }
        if (length <= 0 || length > bytes.limit() - at) return null;
        int end = (int) (at + length);
        DwarfCursor c = new DwarfCursor(bytes, address, at + (wide ? 8 : 4));
        int version = c.u8();
        String augmentation = c.cString();
        if (version >= 4) {
            c.u8(); // address size
            c.u8(); // segment selector size
        }
        if (augmentation.contains("eh")) c.u64(); // an old GCC's eh_ptr
        long codeAlign = c.uleb();
        long dataAlign = c.sleb();
        int returnRegister = version == 1 ? c.u8() : (int) c.uleb();
        int fdeEncoding = debugFrame ? 0x04 : 0x00; // absolute, 8 bytes
        boolean augmented = augmentation.startsWith("z");
        if (augmented) {
            long augLength = c.uleb();
            int augEnd = (int) (c.at + augLength);
            for (int i = 1; i < augmentation.length() && c.at < augEnd; i++) {
                switch (augmentation.charAt(i)) {
                    case 'R' -> fdeEncoding = c.u8();
                    case 'L' -> c.u8();
                    case 'P' -> {
                        int encoding = c.u8();
                        c.pointer(encoding & 0x7F, 0);
                    }
                    default -> { } // 'S' (signal frame), 'B': no data
                }
            }
            c.at = augEnd;
        }
        cies.add(new Cie(codeAlign, dataAlign, returnRegister, fdeEncoding, augmented, c.at, end));
        int index = cies.size() - 1;
        cieAt.put(position, index);
        return index;
    }

    private void addFde(Cie cie, int cieIndex, int body, int end) {
        DwarfCursor c = new DwarfCursor(bytes, address, body);
        long start = c.pointer(cie.fdeEncoding(), 0);
        long range = c.pointer(cie.fdeEncoding() & 0x0F, 0);
        if (cie.augmented()) {
            long augLength = c.uleb();
            c.at += (int) augLength;
        }
        if (start == 0 || range <= 0 || c.at > end) return;
        if (count == starts.length) {
            int n = count * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            bodies = Arrays.copyOf(bodies, n);
            bodyEnds = Arrays.copyOf(bodyEnds, n);
            cieOf = Arrays.copyOf(cieOf, n);
        }
        starts[count] = start;
        ends[count] = start + range;
        bodies[count] = c.at;
        bodyEnds[count] = end;
        cieOf[count] = cieIndex;
        count++;
    }

    /** Sorts the FDEs by start address (the columns together). */
    private void sort() {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compareUnsigned(starts[a], starts[b]));
        long[] s = new long[count];
        long[] e = new long[count];
        int[] b = new int[count];
        int[] be = new int[count];
        int[] ci = new int[count];
        for (int i = 0; i < count; i++) {
            int o = order[i];
            s[i] = starts[o];
            e[i] = ends[o];
            b[i] = bodies[o];
            be[i] = bodyEnds[o];
            ci[i] = cieOf[o];
        }
        starts = s;
        ends = e;
        bodies = b;
        bodyEnds = be;
        cieOf = ci;
    }
}
