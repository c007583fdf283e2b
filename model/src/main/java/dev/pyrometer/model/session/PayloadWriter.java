package dev.pyrometer.model.session;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with LEB128 varint writers: one chunk's payload, reused from chunk to chunk. */
final class PayloadWriter {
    private byte[] buffer = new byte[1 << 16];
    private int size;

    void reset() { size = 0; }
    int size() { return size; }
    byte[] buffer() { return buffer; }

    void u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    /** An unsigned varint; negative values take 10 bytes, so use {@link #signed} for those. */
    void varint(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[size++] = (byte) value;
    }

    /** A zigzag varint: small magnitudes of either sign stay short. */
    void signed(long value) {
        varint((value << 1) ^ (value >> 63));
    }

    void string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buffer, size, utf8.length);
        size += utf8.length;
    }

    void append(PayloadWriter other) {
        ensure(other.size);
        System.arraycopy(other.buffer, 0, buffer, size, other.size);
        size += other.size;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
}
