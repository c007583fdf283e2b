package dev.pyrometer.sampler.walk;

/**
 * One thread's stack as read in one sample, innermost frame first: reused from sample to sample (plain arrays, no
 * object per frame). Filled by {@link TargetReader#walk}.
 */
public final class StackWalk {
    /** Deeper stacks keep their innermost frames and are marked {@link #truncated}. */
    public static final int MAX_DEPTH = 4096;

    public final CodeInfo[] codes = new CodeInfo[MAX_DEPTH];
    public final int[] lines = new int[MAX_DEPTH];
    /**
     * {@code entries[i]}: frame i is the outermost of the frames one call of the evaluation loop runs (every frame
     * up to 3.10; from 3.11 the frame marked {@code is_entry}, or the one below a C-stack shim frame). Native
     * frames are merged by it.
     */
    public final boolean[] entries = new boolean[MAX_DEPTH];
    public int depth;
    public boolean truncated;
    /** The innermost frame's current instruction is a call: the thread runs C code called from that line. */
    public boolean inCall;

    // Raw values collected by the walkers before the code objects are resolved.
    final long[] frameAddresses = new long[MAX_DEPTH];
    final long[] codeAddresses = new long[MAX_DEPTH];
    /** Up to 3.10: f_lasti; from 3.11: the instruction pointer. */
    final long[] instructions = new long[MAX_DEPTH];

    void clear() {
        depth = 0;
        truncated = false;
        inCall = false;
    }
}
