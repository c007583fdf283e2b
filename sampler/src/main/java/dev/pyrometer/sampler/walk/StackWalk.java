package dev.pyrometer.sampler.walk;

/**
 * One thread's stack as read in one sample, innermost frame first: reused from sample to sample (plain arrays, no
 * object per frame). Filled by {@link TargetReader#walk}.
 */
public final class StackWalk {
    /**
     * Frames kept of one stack (a power of two). A deeper stack keeps its outermost frames (they give the shape: the
     * root and the path to the recursion) and leaves out the innermost ones, counted in {@link #cut}.
     */
    public static final int MAX_DEPTH = 4096;
    /** Frames followed at most: a longer chain is taken for a torn read (a cycle), not a stack. */
    static final int MAX_WALK = 1 << 16;

    public final CodeInfo[] codes = new CodeInfo[MAX_DEPTH];
    public final int[] lines = new int[MAX_DEPTH];
    /**
     * {@code entries[i]}: frame i is the outermost of the frames one call of the evaluation loop runs (every frame
     * up to 3.10; from 3.11 the frame marked {@code is_entry}, or the one below a C-stack shim frame). Native
     * frames are merged by it.
     */
    public final boolean[] entries = new boolean[MAX_DEPTH];
    public int depth;
    /** Whether innermost frames were left out ({@link #cut} of them). */
    public boolean truncated;
    /** How many innermost frames were left out of a stack deeper than {@link #MAX_DEPTH}. */
    public int cut;
    /** The innermost frame's current instruction is a call: the thread runs C code called from that line. */
    public boolean inCall;

    // Raw values collected by the walkers before the code objects are resolved. While walking, a ring: frame k of
    // the walk (innermost k = 0) sits at k % MAX_DEPTH, so the last MAX_DEPTH frames followed are the ones kept.
    final long[] frameAddresses = new long[MAX_DEPTH];
    final long[] codeAddresses = new long[MAX_DEPTH];
    /** Up to 3.10: f_lasti; from 3.11: the instruction pointer. */
    final long[] instructions = new long[MAX_DEPTH];
    /** Frames followed so far in this walk. */
    int walked;
    private long[] scratch;

    void clear() {
        depth = 0;
        walked = 0;
        cut = 0;
        truncated = false;
        inCall = false;
    }

    /** Records the next frame outward; false when the walk is longer than any real stack. */
    boolean push(long frame, long code, long instruction) {
        if (walked == MAX_WALK) return false;
        int i = walked & (MAX_DEPTH - 1);
        frameAddresses[i] = frame;
        codeAddresses[i] = code;
        instructions[i] = instruction;
        walked++;
        if (depth < MAX_DEPTH) depth++;
        return true;
    }

    /** Whether {@code frame} is among the last few frames followed, or (now and then) among all kept. */
    boolean seen(long frame) {
        // Cheap check of the recent frames on every step; a full check only when a stack gets deep.
        for (int k = Math.max(0, walked - 8); k < walked; k++) {
            if (frameAddresses[k & (MAX_DEPTH - 1)] == frame) return true;
        }
        if (walked >= 256 && (walked & 255) == 0) {
            for (int i = 0; i < depth; i++) if (frameAddresses[i] == frame) return true;
        }
        return false;
    }

    /** Ends a walk: a stack deeper than {@link #MAX_DEPTH} is turned back into innermost-first order, cut counted. */
    void finish() {
        if (walked <= MAX_DEPTH) return;
        cut = walked - MAX_DEPTH;
        truncated = true;
        int shift = walked & (MAX_DEPTH - 1); // where the innermost kept frame sits
        rotate(frameAddresses, shift);
        rotate(codeAddresses, shift);
        rotate(instructions, shift);
    }

    private void rotate(long[] a, int shift) {
        if (shift == 0) return;
        if (scratch == null) scratch = new long[MAX_DEPTH];
        System.arraycopy(a, shift, scratch, 0, MAX_DEPTH - shift);
        System.arraycopy(a, 0, scratch, MAX_DEPTH - shift, shift);
        System.arraycopy(scratch, 0, a, 0, MAX_DEPTH);
    }
}
