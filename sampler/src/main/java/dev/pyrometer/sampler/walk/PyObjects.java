package dev.pyrometer.sampler.walk;

import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.layout.ObjectLayout;
import dev.pyrometer.sampler.memory.RemoteMemory;
import dev.pyrometer.sampler.target.PythonBinary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the Python objects thread names are found through: dicts (combined or split, every keys layout from 3.8
 * on), an instance's attribute wherever the version keeps it, ints and strings. A read here costs a few system
 * calls and allocates: for occasional use, never per sample. Every length is bounded and every pointer checked
 * against the type it should have where the binary exports that type.
 */
final class PyObjects {
    private static final int MAX_ENTRIES = 1 << 16;
    /** The longest key looked for ("threading") fits; keys are compared in one batch read of their heads. */
    private static final int MAX_KEY = 32;
    private static final int ASCII_BIT = 1 << 6;
    private static final int COMPACT_BIT = 1 << 5;

    private final RemoteMemory memory;
    private final Layout layout;
    private final ObjectLayout o;
    private final PythonBinary.Types types;
    private final int batchAt;

    /** A dict's items, in insertion order, deleted slots left out. */
    record Items(long[] keys, long[] values, int count) {}

    /** @param batchAt where in the buffer a batch may land (nothing else is read meanwhile) */
    PyObjects(RemoteMemory memory, Layout layout, PythonBinary.Types types, int batchAt) {
        this.memory = memory;
        this.layout = layout;
        this.o = layout.objects;
        this.types = types;
        this.batchAt = batchAt;
    }

    /** Bytes of the target, or null if unreadable. */
    ByteBuffer read(long address, long length) {
        if (address == 0 || length <= 0 || length > 1 << 20) return null;
        try {
            return ByteBuffer.wrap(memory.readBytes(address, (int) length)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The pointer-sized word at {@code address}, or 0. */
    long word(long address) {
        ByteBuffer b = read(address, 8);
        return b == null ? 0 : b.getLong(0);
    }

    /** Whether {@code object}'s type is {@code type} (true when the type's address is unknown). */
    boolean isA(long object, long type) {
        return object != 0 && (type == 0 || word(object + layout.objectType) == type);
    }

    /** The items of the dict at {@code dict}, or null if it is not a readable dict. */
    Items items(long dict) {
        if (!isA(dict, types.dict())) return null;
        ByteBuffer d = read(dict, Math.max(o.dictKeys, o.dictValues) + 8);
        if (d == null) return null;
        long keys = d.getLong(o.dictKeys);
        long values = d.getLong(o.dictValues);
        Entries e = entries(keys);
        if (e == null) return null;
        ByteBuffer block = read(e.start, (long) e.count * e.size);
        ByteBuffer split = values == 0 ? null : read(values + o.valuesValues, 8L * e.count);
        if (block == null || (values != 0 && split == null)) return null;
        long[] k = new long[e.count];
        long[] v = new long[e.count];
        int n = 0;
        for (int i = 0; i < e.count; i++) {
            long key = block.getLong(i * e.size + e.keyAt);
            long value = split != null ? split.getLong(8 * i) : block.getLong(i * e.size + e.valueAt);
            if (key == 0 || value == 0) continue; // a deleted entry (or a split slot this instance has not set)
            k[n] = key;
            v[n] = value;
            n++;
        }
        return new Items(k, v, n);
    }

    /** The value of the str key {@code key} (ASCII) in the dict at {@code dict}, or 0. */
    long get(long dict, String key) {
        Items items = items(dict);
        return items == null ? 0 : get(items, key);
    }

    /** The value of the str key {@code key} (ASCII) among a dict's items, or 0. */
    long get(Items items, String key) {
        int i = indexOfKey(items.keys(), items.count(), key);
        return i < 0 ? 0 : items.values()[i];
    }

    ObjectLayout objectLayout() {
        return o;
    }

    /**
     * The value of attribute {@code name} of the instance at {@code object}, or 0: from its {@code __dict__}
     * (to 3.10, or when it has one), else from the values it keeps split from their keys (3.11, 3.12: before the
     * object; 3.13: inline after it), whose keys are its type's cached keys.
     */
    long attribute(long object, String name) {
        long type = word(object + layout.objectType);
        if (type == 0) return 0;
        long flags = word(type + o.typeFlags);
        if (o.flagManagedDict < 0 || (flags & o.flagManagedDict) == 0) {
            long offset = word(type + o.typeDictOffset);
            return offset <= 0 || offset > 1 << 16 ? 0 : get(word(object + offset), name);
        }
        long before = word(object - o.managedDictBefore);
        if (o.valuesBefore >= 0) { // 3.11: values and dict in two words
            long values = word(object - o.valuesBefore);
            return values != 0 ? fromValues(type, values, name) : get(before, name);
        }
        if (o.flagInlineValues < 0) { // 3.12: one word, values tagged by being stored minus one
            return (before & 1) != 0 ? fromValues(type, before + 1, name) : get(before, name);
        }
        if (before != 0) return get(before, name); // 3.13: a materialised dict wins over the inline values
        if ((flags & o.flagInlineValues) == 0) return 0;
        return fromValues(type, object + word(type + o.typeBasicSize), name);
    }

    private long fromValues(long type, long values, String name) {
        Entries e = entries(word(type + o.heapTypeCachedKeys));
        if (e == null) return 0;
        ByteBuffer block = read(e.start, (long) e.count * e.size);
        if (block == null) return 0;
        long[] keys = new long[e.count];
        for (int i = 0; i < e.count; i++) keys[i] = block.getLong(i * e.size + e.keyAt);
        int i = indexOfKey(keys, e.count, name);
        return i < 0 ? 0 : word(values + o.valuesValues + 8L * i);
    }

    /** The value of the int at {@code address} (up to 64 bits), or {@code Long.MIN_VALUE}. */
    long integer(long address) {
        if (!isA(address, types.integer())) return Long.MIN_VALUE;
        int header = Math.max(o.longSize, o.longTag) + 8;
        ByteBuffer b = read(address, o.longDigits + 12L);
        if (b == null || b.limit() < header) return Long.MIN_VALUE;
        long digits;
        boolean negative;
        if (o.longTag >= 0) {
            long tag = b.getLong(o.longTag);
            digits = tag >>> o.longNonSizeBits;
            negative = (tag & 3) == 2;
        } else {
            long size = b.getLong(o.longSize);
            digits = Math.abs(size);
            negative = size < 0;
        }
        if (digits > 3 || o.longShift * digits > 96) return Long.MIN_VALUE;
        long value = 0;
        for (int i = 0; i < digits; i++) {
            value |= Integer.toUnsignedLong(b.getInt(o.longDigits + 4 * i)) << (o.longShift * i);
        }
        return negative ? -value : value;
    }

    /** The str at {@code address}, or null. */
    String string(long address) {
        return isA(address, types.string()) ? PyStrings.read(memory, layout, address) : null;
    }

    /** Where a keys object's entries are and how they are laid out. */
    private record Entries(long start, int count, int size, int keyAt, int valueAt) {}

    private Entries entries(long keys) {
        ByteBuffer h = read(keys, o.keysIndices);
        if (h == null) return null;
        long count = h.getLong(o.keysEntries);
        if (count < 0 || count > MAX_ENTRIES) return null;
        if (o.keysSize >= 0) { // to 3.10: dk_size slots of 1, 2, 4 or 8 bytes, then PyDictKeyEntry[]
            long size = h.getLong(o.keysSize);
            if (size <= 0 || Long.bitCount(size) != 1 || size > 4L * MAX_ENTRIES) return null;
            int slot = size <= 0xff ? 1 : size <= 0xffff ? 2 : size <= 0xffffffffL ? 4 : 8;
            return new Entries(keys + o.keysIndices + size * slot, (int) count, o.keyEntrySize, o.keyEntryKey,
                o.keyEntryValue);
        }
        int log2Index = h.get(o.keysLog2IndexBytes) & 0xff;
        int kind = h.get(o.keysKind) & 0xff;
        if (log2Index > 24) return null;
        long start = keys + o.keysIndices + (1L << log2Index);
        return kind == 0 // DICT_KEYS_GENERAL: any keys, with their hashes; else str keys only
            ? new Entries(start, (int) count, o.keyEntrySize, o.keyEntryKey, o.keyEntryValue)
            : new Entries(start, (int) count, o.unicodeEntrySize, o.unicodeEntryKey, o.unicodeEntryValue);
    }

    /**
     * Which of {@code keys[0..n)} is the ASCII str {@code wanted}: the head of every key is read in one batch (as
     * many as a batch holds at a time) and compared there, so a dict of a thousand modules costs a few calls.
     */
    private int indexOfKey(long[] keys, int n, String wanted) {
        int length = wanted.length();
        if (length > MAX_KEY) throw new IllegalArgumentException(wanted);
        int read = layout.unicodeAsciiSize + length;
        ByteBuffer buf = memory.buffer();
        for (int from = 0; from < n; from += RemoteMemory.MAX_BATCH) {
            int to = Math.min(n, from + RemoteMemory.MAX_BATCH);
            memory.beginBatch(batchAt);
            int[] at = new int[to - from];
            for (int i = from; i < to; i++) at[i - from] = keys[i] == 0 ? -1 : memory.add(keys[i], read);
            long got = memory.readBatch();
            long validEnd = batchAt + Math.max(got, 0);
            for (int i = from; i < to; i++) {
                int a = at[i - from];
                if (a < 0 || a + read > validEnd) continue;
                int state = buf.getInt(a + layout.unicodeState);
                if ((state & (ASCII_BIT | COMPACT_BIT)) != (ASCII_BIT | COMPACT_BIT)) continue;
                if (buf.getLong(a + layout.unicodeLength) != length) continue;
                boolean same = true;
                for (int c = 0; c < length && same; c++) same = buf.get(a + layout.unicodeAsciiSize + c) == wanted.charAt(c);
                if (same) return i;
            }
        }
        return -1;
    }
}
