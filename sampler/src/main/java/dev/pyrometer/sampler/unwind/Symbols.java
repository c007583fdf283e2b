package dev.pyrometer.sampler.unwind;

import dev.pyrometer.sampler.elf.ElfFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The function symbols of one ELF file ({@code .symtab} and {@code .dynsym}), sorted by address, for looking up
 * which function holds an instruction. Names are decoded when first asked for: a libpython has ten thousand
 * symbols and a sample meets a few dozen.
 */
final class Symbols {
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_DYNSYM = 11;
    private static final int STT_FUNC = 2;
    private static final int STT_GNU_IFUNC = 10;
    private static final int SYMBOL_SIZE = 24;

    private long[] starts = new long[0];
    private long[] sizes = new long[0];
    /** Where each name starts in {@link #names}. */
    private int[] nameAt = new int[0];
    private byte[] names = new byte[0];
    private int count;

    static final Symbols NONE = new Symbols();

    /** Reads both tables of {@code elf}; a damaged table is left out. */
    static Symbols of(ElfFile elf) {
        Symbols s = new Symbols();
        for (ElfFile.Section section : elf.sections()) {
            if (section.type() != SHT_SYMTAB && section.type() != SHT_DYNSYM) continue;
            try {
                s.add(elf, section);
            } catch (IOException | RuntimeException damaged) {
                // a table that cannot be read names nothing
            }
        }
        s.sortAndDedupe();
        return s;
    }

    int size() {
        return count;
    }

    /** The index of the function holding linked address {@code pc}, or -1. */
    int find(long pc) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(starts[mid], pc) <= 0) lo = mid + 1;
            else hi = mid - 1;
        }
        if (hi < 0) return -1;
        long size = sizes[hi];
        // A symbol without a size (hand-written assembly) is taken to reach the next one.
        if (size > 0 && Long.compareUnsigned(pc - starts[hi], size) >= 0) return -1;
        return hi;
    }

    long start(int i) {
        return starts[i];
    }

    String name(int i) {
        int from = nameAt[i];
        int end = from;
        while (end < names.length && names[end] != 0) end++;
        return new String(names, from, end - from, StandardCharsets.UTF_8);
    }

    private void add(ElfFile elf, ElfFile.Section table) throws IOException {
        if (table.link() < 0 || table.link() >= elf.sections().size()) return;
        ByteBuffer symbols = elf.contents(table);
        ByteBuffer strings = elf.contents(elf.sections().get(table.link()));
        if (symbols == null || strings == null) return;
        int base = names.length;
        byte[] more = new byte[strings.limit()];
        strings.get(0, more);
        names = Arrays.copyOf(names, base + more.length);
        System.arraycopy(more, 0, names, base, more.length);
        int n = symbols.limit() / SYMBOL_SIZE;
        ensure(count + n);
        for (int i = 0; i < n; i++) {
            int at = i * SYMBOL_SIZE;
            int type = symbols.get(at + 4) & 0x0F;
            int shndx = Short.toUnsignedInt(symbols.getShort(at + 6));
            long value = symbols.getLong(at + 8);
            int name = symbols.getInt(at);
            if ((type != STT_FUNC && type != STT_GNU_IFUNC) || shndx == 0 || value == 0) continue;
            if (name <= 0 || name >= more.length) continue;
            starts[count] = value;
            sizes[count] = symbols.getLong(at + 16);
            nameAt[count] = base + name;
            count++;
        }
    }

    private void ensure(int capacity) {
        if (capacity <= starts.length) return;
        starts = Arrays.copyOf(starts, capacity);
        sizes = Arrays.copyOf(sizes, capacity);
        nameAt = Arrays.copyOf(nameAt, capacity);
    }

    /** Sorts by address; of symbols at one address (.symtab and .dynsym both list exported ones) keeps one. */
    private void sortAndDedupe() {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        // Sized symbols first at one address, so an alias without a size never hides a real function's end.
        Arrays.sort(order, (a, b) -> {
            int byStart = Long.compareUnsigned(starts[a], starts[b]);
            return byStart != 0 ? byStart : Long.compare(sizes[b], sizes[a]);
        });
        long[] s = new long[count];
        long[] z = new long[count];
        int[] n = new int[count];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int o = order[i];
            if (kept > 0 && s[kept - 1] == starts[o]) continue;
            s[kept] = starts[o];
            z[kept] = sizes[o];
            n[kept] = nameAt[o];
            kept++;
        }
        starts = s;
        sizes = z;
        nameAt = n;
        count = kept;
    }
}
