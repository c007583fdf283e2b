package dev.pyrometer.model;

import java.util.Arrays;

/**
 * Frames as dense ids: (file, function, line, first line) in parallel columns, with an open-addressing index so
 * interning allocates nothing. Lines are 0 when unknown. Append-only; readers see ids below {@link #size()}.
 * Each frame also has a kind ({@link #PYTHON}, or {@link #NATIVE} for a C function, whose "file" is its library):
 * an attribute, not part of the identity, set before the frame is published.
 */
public final class FrameTable {
    public static final byte PYTHON = 0;
    public static final byte NATIVE = 1;

    private int[] file = new int[1024];
    private int[] function = new int[1024];
    private int[] line = new int[1024];
    private int[] firstLine = new int[1024];
    private byte[] kind = new byte[1024];
    private volatile int size;

    /** Slots hold id + 1; 0 marks an empty slot. Kept at most half full. */
    private int[] index = new int[4096];

    /** Writer only. */
    public int intern(int fileId, int functionId, int lineNo, int firstLineNo) {
        return intern(fileId, functionId, lineNo, firstLineNo, PYTHON);
    }

    /** Writer only; {@code frameKind} applies to a new frame (an existing one keeps its kind). */
    public int intern(int fileId, int functionId, int lineNo, int firstLineNo, byte frameKind) {
        int mask = index.length - 1;
        int slot = hash(fileId, functionId, lineNo, firstLineNo) & mask;
        for (int probe; (probe = index[slot]) != 0; slot = (slot + 1) & mask) {
            int id = probe - 1;
            if (file[id] == fileId && function[id] == functionId && line[id] == lineNo && firstLine[id] == firstLineNo) {
                return id;
            }
        }
        int id = size;
        if (id == file.length) grow();
        file[id] = fileId;
        function[id] = functionId;
        line[id] = lineNo;
        firstLine[id] = firstLineNo;
        kind[id] = frameKind;
        index[slot] = id + 1;
        size = id + 1;
        if (2 * (id + 1) > index.length) rehash();
        return id;
    }

    public int file(int id) { return file[id]; }
    public int function(int id) { return function[id]; }
    public int line(int id) { return line[id]; }
    public int firstLine(int id) { return firstLine[id]; }
    public byte kind(int id) { return kind[id]; }
    public boolean isNative(int id) { return kind[id] == NATIVE; }

    /** Writer only: sets a frame's kind after the fact (a session's FRAME_KINDS chunk follows its FRAMES). */
    public void setKind(int id, byte frameKind) {
        if (id < 0 || id >= size) throw new IndexOutOfBoundsException(id);
        kind[id] = frameKind;
    }

    /** Whether any frame is native (the views then offer what only native frames need). */
    public boolean anyNative() {
        for (int i = 0; i < size; i++) if (kind[i] == NATIVE) return true;
        return false;
    }
    public int size() { return size; }

    private static int hash(int a, int b, int c, int d) {
        int h = a * 0x9E3779B1 + b;
        h = h * 0x9E3779B1 + c;
        h = h * 0x9E3779B1 + d;
        return h ^ (h >>> 15);
    }

    private void grow() {
        int capacity = file.length * 2;
        file = Arrays.copyOf(file, capacity);
        function = Arrays.copyOf(function, capacity);
        line = Arrays.copyOf(line, capacity);
        firstLine = Arrays.copyOf(firstLine, capacity);
        kind = Arrays.copyOf(kind, capacity);
    }

    private void rehash() {
        int[] bigger = new int[index.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hash(file[id], function[id], line[id], firstLine[id]) & mask;
            while (bigger[slot] != 0) slot = (slot + 1) & mask;
            bigger[slot] = id + 1;
        }
        index = bigger;
    }
}
