package dev.pyrometer.sampler.walk;

import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.memory.RemoteMemory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code str} objects of every kind (ASCII, 1-, 2- and 4-byte characters, compact or not) and {@code bytes}
 * objects out of the target. Used when a code object is first seen, never per sample. Lengths are bounded.
 */
final class PyStrings {
    static final int MAX_CHARS = 4096;
    static final int MAX_BYTES = 1 << 20;
    private static final int SCRATCH = 1024;

    private PyStrings() {}

    /** Whether {@code s} came from {@link #read} cut short (and marked). */
    static boolean isCut(String s) {
        return s != null && s.length() > MAX_CHARS && s.endsWith(" characters cut]");
    }

    /**
     * The string at {@code address}, or null if it is not a readable string. One longer than {@link #MAX_CHARS} is
     * cut there and marked: {@code …[N characters cut]}.
     */
    static String read(RemoteMemory memory, Layout layout, long address) {
        if (address == 0) return null;
        ByteBuffer buf = memory.buffer();
        int header = layout.unicodeCompactSize + 8;
        int at = memory.capacity() - SCRATCH;
        if (!memory.read(address, header, at)) return null;
        long length = buf.getLong(at + layout.unicodeLength);
        int state = buf.getInt(at + layout.unicodeState);
        int kind = (state >> 2) & 7;
        boolean compact = (state & (1 << 5)) != 0;
        boolean ascii = (state & (1 << 6)) != 0;
        if (length < 0 || (kind != 1 && kind != 2 && kind != 4)) return null;
        int chars = (int) Math.min(length, MAX_CHARS);
        long data;
        if (compact) {
            data = address + (ascii ? layout.unicodeAsciiSize : layout.unicodeCompactSize);
        } else {
            data = buf.getLong(at + layout.unicodeCompactSize); // PyUnicodeObject.data.any
        }
        if (chars == 0) return "";
        byte[] raw;
        try {
            raw = memory.readBytes(data, chars * kind);
        } catch (RuntimeException e) {
            return null;
        }
        String s = switch (kind) {
            case 1 -> new String(raw, ascii ? StandardCharsets.US_ASCII : StandardCharsets.ISO_8859_1);
            case 2 -> new String(raw, StandardCharsets.UTF_16LE);
            default -> fromUtf32(raw);
        };
        return length <= MAX_CHARS ? s : s + "…[" + (length - MAX_CHARS) + " characters cut]";
    }

    private static String fromUtf32(byte[] raw) {
        StringBuilder out = new StringBuilder(raw.length / 4);
        ByteBuffer b = ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= raw.length; i += 4) {
            int cp = b.getInt(i);
            if (Character.isValidCodePoint(cp)) out.appendCodePoint(cp);
            else out.append('\uFFFD');
        }
        return out.toString();
    }

    /** The length of the bytes object at {@code address}, or 0 if unreadable. */
    static long bytesLength(RemoteMemory memory, Layout layout, long address) {
        int at = memory.capacity() - SCRATCH;
        if (!memory.read(address, layout.bytesData, at)) return 0;
        long size = memory.buffer().getLong(at + layout.bytesSize);
        return size < 0 || size > MAX_BYTES ? 0 : size;
    }

    /** The contents of the bytes object at {@code address}, or null. */
    static byte[] readBytes(RemoteMemory memory, Layout layout, long address) {
        if (address == 0) return null;
        int at = memory.capacity() - SCRATCH;
        if (!memory.read(address, layout.bytesData, at)) return null;
        long size = memory.buffer().getLong(at + layout.bytesSize);
        if (size < 0 || size > MAX_BYTES) return null;
        if (size == 0) return new byte[0];
        try {
            return memory.readBytes(address + layout.bytesData, (int) size);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
