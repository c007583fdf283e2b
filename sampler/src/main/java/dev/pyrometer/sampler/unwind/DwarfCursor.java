package dev.pyrometer.sampler.unwind;

import java.nio.ByteBuffer;

/**
 * Reads DWARF-encoded numbers from a little-endian buffer: LEB128 varints and the {@code DW_EH_PE_*} pointer
 * encodings of {@code .eh_frame}. A read past the end throws {@link IndexOutOfBoundsException}, which the parsers
 * take as damage (the entry is skipped), never as a crash.
 */
final class DwarfCursor {
    static final int PE_OMIT = 0xFF;
    private static final int PE_PCREL = 0x10;
    private static final int PE_DATAREL = 0x30;

    final ByteBuffer bytes;
    /** The linked address of byte 0 (for pc-relative pointers). */
    final long baseAddress;
    int at;

    DwarfCursor(ByteBuffer bytes, long baseAddress, int at) {
        this.bytes = bytes;
        this.baseAddress = baseAddress;
        this.at = at;
    }

    int u8() { return bytes.get(at++) & 0xFF; }
    int u16() { int v = Short.toUnsignedInt(bytes.getShort(at)); at += 2; return v; }
    long u32() { long v = Integer.toUnsignedLong(bytes.getInt(at)); at += 4; return v; }
    long u64() { long v = bytes.getLong(at); at += 8; return v; }

    long uleb() {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            if (shift < 64) result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) return result;
        }
    }

    long sleb() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
        return result;
    }

    /** A NUL-terminated ASCII string. */
    String cString() {
        int start = at;
        while (bytes.get(at) != 0) at++;
        byte[] raw = new byte[at - start];
        bytes.get(start, raw);
        at++;
        return new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** A pointer in {@code encoding}; {@code dataBase} for data-relative ones. Indirect pointers are not followed. */
    long pointer(int encoding, long dataBase) {
        if (encoding == PE_OMIT) return 0;
        long fieldAddress = baseAddress + at;
        long value = switch (encoding & 0x0F) {
            case 0x00 -> u64();
            case 0x01 -> uleb();
            case 0x02 -> u16();
            case 0x03 -> u32();
            case 0x04 -> u64();
            case 0x09 -> sleb();
            case 0x0A -> bytes.getShort((at += 2) - 2);
            case 0x0B -> bytes.getInt((at += 4) - 4);
            case 0x0C -> u64();
            default -> throw new IndexOutOfBoundsException("pointer encoding " + encoding);
        };
        return switch (encoding & 0x70) {
            case 0 -> value;
            case PE_PCREL -> value + fieldAddress;
            case PE_DATAREL -> value + dataBase;
            default -> value; // textrel / funcrel: not used by x86-64 toolchains in CFI
        };
    }
}
