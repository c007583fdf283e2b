package dev.pyrometer.sampler.unwind;

import dev.pyrometer.model.SampleSink;
import dev.pyrometer.sampler.walk.LongIntMap;

/**
 * Native frames for the sampler ({@code --native}): reads a held thread's registers, unwinds its C stack and merges
 * it with the thread's Python frames into one stack, the way they really call each other. Each native frame is
 * named once per instruction address (then a cached frame id). Use it on the thread that traces the target.
 *
 * <p>The merge: every {@code _PyEval_EvalFrameDefault} in the C stack is replaced by the Python frames it was
 * running. Up to 3.10 that is one frame; from 3.11 one call runs a run of frames, whose outermost the walker marks
 * ({@code is_entry} in 3.11, the C-stack shim frame from 3.12). Interpreter plumbing between a call and its callee
 * is left out unless {@code showPlumbing}, and so are the start-up frames outside the outermost Python frame and the
 * interpreter's nameless functions (a stripped build's static ones) unless innermost, where the time is spent. Python frames left over (their C frames were not unwound) go outermost;
 * a thread whose C stack cannot be read keeps its Python stack alone.
 */
public final class NativeStacks implements AutoCloseable {
    private static final int NORMAL = 0;
    private static final int EVAL = 1;
    private static final int PLUMBING = 2;
    /** A nameless function of the interpreter itself (a stripped static build): shown only innermost. */
    private static final int NAMELESS = 3;

    private final SampleSink sink;
    private final boolean showPlumbing;
    private final ModuleMap modules;
    private final StackMemory stack;
    private final NativeUnwinder unwinder;
    private final Registers registers = new Registers();
    private final long[] regs = new long[UnwindRow.REGISTERS];
    private final long[] pcs = new long[NativeUnwinder.MAX_DEPTH];
    /** Instruction address → frame id << 2 | kind. */
    private final LongIntMap frames = new LongIntMap(1024);
    private long unwound;
    private long failed;

    public NativeStacks(int pid, SampleSink sink, boolean showPlumbing) {
        this.sink = sink;
        this.showPlumbing = showPlumbing;
        this.modules = new ModuleMap(pid);
        this.stack = new StackMemory(pid);
        this.unwinder = new NativeUnwinder(modules);
    }

    /** Room {@link #merge} may need beyond the Python frames. */
    public static int extraDepth() {
        return NativeUnwinder.MAX_DEPTH;
    }

    /** Once per tick: a library loaded since may be looked up (maps read again on a miss). */
    public void beginTick() {
        modules.allowRefresh();
    }

    /**
     * Merges thread {@code tid}'s native stack with its Python frames.
     *
     * @param python     Python frame ids, innermost first
     * @param entries    {@code entries[i]}: Python frame i is the outermost one its evaluation loop call runs
     * @param depth      how many Python frames
     * @param out        the merged frame ids, innermost first (room for {@code depth + extraDepth()})
     * @return how many ids {@code out} holds
     */
    public int merge(int tid, int[] python, boolean[] entries, int depth, int[] out) {
        int n = unwind(tid);
        int size = 0;
        int p = 0;
        for (int i = 0; i < n; i++) {
            int frame = frameOf(pcs[i], i == 0);
            int kind = frame & 3;
            // Past the outermost Python frame is only the process's or thread's start-up chain.
            if (depth > 0 && p == depth && !showPlumbing) break;
            if (kind == EVAL) {
                if (p < depth) {
                    while (p < depth) {
                        out[size++] = python[p];
                        if (entries[p++]) break;
                    }
                    continue;
                }
                if (!showPlumbing) continue;
            } else if ((kind == PLUMBING || kind == NAMELESS && i > 0) && !showPlumbing) {
                continue;
            }
            out[size++] = frame >>> 2;
        }
        while (p < depth) out[size++] = python[p++];
        return size;
    }

    /** Native stacks read, and those that could not be (registers unreadable: the thread was not held). */
    public long unwound() { return unwound; }
    public long failed() { return failed; }

    /** Unwinds into {@link #pcs}; 0 frames when the thread's registers cannot be read. */
    int unwind(int tid) {
        if (!registers.read(tid, regs)) {
            failed++;
            return 0;
        }
        unwound++;
        long sp = regs[UnwindRow.RSP];
        stack.load(sp, modules.mappingEnd(sp));
        return unwinder.unwind(regs, stack, pcs);
    }

    private int frameOf(long pc, boolean innermost) {
        long key = innermost ? pc | Long.MIN_VALUE : pc; // lookups differ by one byte for the innermost frame
        int known = frames.get(key);
        if (known >= 0) return known;
        int mapping = modules.find(pc);
        String library;
        String function = null;
        long linked = pc;
        NativeModule module = null;
        if (mapping >= 0) {
            module = modules.module(mapping);
            linked = pc - modules.bias(mapping);
            function = module.function(innermost ? linked : linked - 1);
            library = module.name;
        } else {
            library = "?";
        }
        int kind = NORMAL;
        if (InterpreterFrames.isEval(function)) kind = EVAL;
        else if (InterpreterFrames.isPlumbing(function)) kind = PLUMBING;
        else if (function == null && module != null && module.interpreter) kind = NAMELESS;
        String name = function != null ? function : library + "+0x" + Long.toHexString(linked);
        int id = sink.nativeFrame(library, name);
        int value = id << 2 | kind;
        frames.put(key, value);
        return value;
    }

    @Override
    public void close() {
        stack.close();
        registers.close();
    }
}
