package dev.pyrometer.model.session;

import java.nio.charset.StandardCharsets;

/** Reads one chunk's payload; any read past its end or any malformed number is a {@link DamagedChunk}. */
final class PayloadReader {
    private byte[] buffer;
    private int position;
    private int end;

    void reset(byte[] bytes, int length) {
        buffer = bytes;
        position = 0;
        end = length;
    }

    boolean hasMore() { return position < end; }
    int remaining() { return end - position; }

    int u8() throws DamagedChunk {
        if (position >= end) throw new DamagedChunk("payload ends early");
        return buffer[position++] & 0xFF;
    }

    long varint() throws DamagedChunk {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) throw new DamagedChunk("payload ends inside a number");
            int b = buffer[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) return value;
        }
        throw new DamagedChunk("number too long");
    }

    long signed() throws DamagedChunk {
        long raw = varint();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** A non-negative int no larger than {@code max}. */
    int index(long max) throws DamagedChunk {
        long value = varint();
        if (value < 0 || value > max) throw new DamagedChunk("value " + value + " out of range 0.." + max);
        return (int) value;
    }

    /** A count of entries that each take at least {@code minBytes}, so it cannot exceed what is left. */
    int count(int minBytes) throws DamagedChunk {
        return index(remaining() / minBytes);
    }

    int signedInt() throws DamagedChunk {
        long value = signed();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) throw new DamagedChunk("value out of range");
        return (int) value;
    }

    String string() throws DamagedChunk {
        int length = index(remaining());
        String value = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** Something in a chunk that passed its checksum still does not make sense. */
    static final class DamagedChunk extends Exception {
        DamagedChunk(String message) {
            super(message, null, false, false);
        }
    }
}
