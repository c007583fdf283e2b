package dev.pyrometer.sampler.walk;

import java.util.Arrays;

/**
 * One code object, decoded once: where it is, the header words it was decoded from (to notice when its address
 * is reused by another object), its names and its line table. A sampler keeps its sink's frame ids per line here.
 */
public final class CodeInfo {
    final long address;
    final long nameWord;
    final long fileWord;
    final long tableWord;
    final int firstLineWord;
    /** Where the bytecode starts in the target: instruction offsets are relative to it. */
    final long bytecode;
    /** Bytes of bytecode from {@link #bytecode}, or 0 when unknown. */
    final long bytecodeLength;
    /** {@code CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR}: code whose frames are suspended and resumed. */
    private static final int SUSPENDABLE = 0x20 | 0x80 | 0x200;
    /** The code is a generator, coroutine or async generator body (its frame's back link is set only while run). */
    final boolean suspendable;

    private final String file;
    private final String function;
    private final String shortName;
    private final LineTable lines;

    private final int minLine;
    private int[] frameIds;
    private int noLineFrameId = -1;
    private int lastOffset = Integer.MIN_VALUE;
    private int lastLine;

    CodeInfo(long address, long nameWord, long fileWord, long tableWord, int firstLineWord, long bytecode,
             long bytecodeLength, String file, String function, String shortName, LineTable lines, int flags) {
        this.address = address;
        this.nameWord = nameWord;
        this.fileWord = fileWord;
        this.tableWord = tableWord;
        this.firstLineWord = firstLineWord;
        this.bytecode = bytecode;
        this.bytecodeLength = bytecodeLength < 0 || bytecodeLength > 1 << 24 ? 0 : bytecodeLength;
        this.file = file;
        this.function = function;
        this.shortName = shortName;
        this.lines = lines;
        this.suspendable = (flags & SUSPENDABLE) != 0;
        this.minLine = lines.lineRange()[0];
    }

    public String file() {
        return file;
    }

    /** The qualified name where the version has one (3.11+), else the plain name. */
    public String function() {
        return function;
    }

    /** {@code co_name}: the plain name. */
    public String shortName() {
        return shortName;
    }

    public int firstLine() {
        return lines.firstLine();
    }

    /** The line of the instruction at a byte offset into the bytecode, or -1. */
    public int lineAt(int byteOffset) {
        // Recursion and a thread that stays in one place ask for the same offset again and again.
        if (byteOffset == lastOffset) return lastLine;
        int line = lines.lineAt(byteOffset);
        lastOffset = byteOffset;
        lastLine = line;
        return line;
    }

    /** A frame id cached for {@code line} by whoever interns frames (a sampler's sink), or -1. */
    public int frameId(int line) {
        if (line <= 0) return noLineFrameId;
        int i = line - minLine;
        return frameIds != null && i >= 0 && i < frameIds.length ? frameIds[i] : -1;
    }

    public void cacheFrameId(int line, int id) {
        if (line <= 0) {
            noLineFrameId = id;
            return;
        }
        int i = line - minLine;
        if (i < 0 || i > 1 << 16) return;
        if (frameIds == null || i >= frameIds.length) {
            int[] grown = new int[Math.max(i + 1, lines.lineRange()[1] - minLine + 1)];
            Arrays.fill(grown, -1);
            if (frameIds != null) System.arraycopy(frameIds, 0, grown, 0, frameIds.length);
            frameIds = grown;
        }
        frameIds[i] = id;
    }
}
