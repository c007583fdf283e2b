package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.StackTable;
import java.util.function.BooleanSupplier;

/**
 * One function's lines, line_profiler-style: for each line of the function, the samples that had the function on
 * the stack at that line (running it or calling from it; the innermost call of the function under recursion, so the
 * lines add up to the function's total), with the python / native / system split, and the resident memory change
 * given to those same stacks (see {@link MemoryCounts}) with its ticks. A function is its file, its name as the profile
 * holds it and its first line. Dense arrays indexed by line number. Immutable.
 */
public final class FunctionLines {
    private static final int CATEGORIES = SampleState.CATEGORY_COUNT;

    private final String file;
    private final String function;
    private final int firstLine;
    private final int total;
    private final int[] samples;
    private final int[] byCategory;
    private final long[] memNet;
    private final int[] memTicks;
    private final MemoryCounts memory;

    private FunctionLines(String file, String function, int firstLine, int[] byCategory, long[] memNet, int[] memTicks,
                          MemoryCounts memory) {
        this.file = file;
        this.function = function;
        this.firstLine = firstLine;
        this.byCategory = byCategory;
        this.memNet = memNet;
        this.memTicks = memTicks;
        this.memory = memory;
        int lines = byCategory.length / CATEGORIES;
        this.samples = new int[lines];
        int sum = 0;
        for (int l = 0; l < lines; l++) {
            for (int c = 0; c < CATEGORIES; c++) samples[l] += byCategory[l * CATEGORIES + c];
            sum += samples[l];
        }
        this.total = sum;
    }

    /**
     * @param memory the memory attributed to the same selection, or null for none
     */
    public static FunctionLines of(StackCounts counts, MemoryCounts memory, String file, String function, int firstLine,
                                   BooleanSupplier cancelled) {
        Snapshot snapshot = counts.snapshot();
        Profile profile = snapshot.profile();
        FrameTable frames = profile.frames();
        StackTable stacks = profile.stacks();
        boolean[] inFunction = new boolean[snapshot.frames()];
        int lastLine = Math.max(0, Math.min(firstLine, FileFrames.MAX_LINE));
        for (int f = 0; f < snapshot.frames(); f++) {
            if (frames.firstLine(f) == firstLine && frames.line(f) >= 0 && function.equals(profile.functionName(f))
                && file.equals(profile.fileName(f))) {
                inFunction[f] = true;
                lastLine = Math.max(lastLine, Math.min(frames.line(f), FileFrames.MAX_LINE));
            }
        }
        // Per stack: the line of the innermost frame of the function on it, or -1.
        int n = snapshot.stacks();
        int[] lineOf = new int[n];
        for (int s = 0; s < n; s++) {
            if ((s & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
            int frame = stacks.frame(s);
            int parent = stacks.parent(s);
            if (frame < inFunction.length && inFunction[frame] && frames.line(frame) <= FileFrames.MAX_LINE) lineOf[s] = frames.line(frame);
            else lineOf[s] = parent == StackTable.EMPTY ? -1 : lineOf[parent];
        }
        int[] byCategory = new int[(lastLine + 1) * CATEGORIES];
        long[] memNet = new long[lastLine + 1];
        int[] memTicks = new int[lastLine + 1];
        int[] raw = counts.rawCounts();
        for (int s = 0; s < n; s++) {
            int line = lineOf[s];
            if (line < 0) continue;
            int at = (s + 1) * CATEGORIES;
            for (int c = 0; c < CATEGORIES; c++) byCategory[line * CATEGORIES + c] += raw[at + c];
            if (memory != null && s < memory.stackCount()) {
                memNet[line] += memory.growth(s) - memory.release(s);
                memTicks[line] += memory.ticks(s);
            }
        }
        return new FunctionLines(file, function, firstLine, byCategory, memNet, memTicks, memory);
    }

    public String file() { return file; }
    public String function() { return function; }
    public int firstLine() { return firstLine; }
    /** The highest line number seen in the function (arrays cover 0 to this). */
    public int lastLine() { return samples.length - 1; }
    /** The samples with the function on the stack: the sum of all its lines. */
    public int total() { return total; }
    public int samples(int line) { return line >= 0 && line < samples.length ? samples[line] : 0; }
    public int samplesIn(int line, int category) {
        return line >= 0 && line < samples.length ? byCategory[line * CATEGORIES + category] : 0;
    }
    /** The line's share of the function's samples, 0 to 1. */
    public double timeShare(int line) { return total == 0 ? 0 : (double) samples(line) / total; }
    /** Resident memory change (growth − release) while the function was at the line, callees included. */
    public long memNet(int line) { return line >= 0 && line < memNet.length ? memNet[line] : 0; }
    public int memTicks(int line) { return line >= 0 && line < memTicks.length ? memTicks[line] : 0; }
    public boolean hasMemory() { return memory != null && memory.hasMemory(); }
    /** Whether the line's net stands out of the memory track's noise. */
    public boolean memBeyondNoise(int line) { return memory != null && memory.beyondNoise(memNet(line), memTicks(line)); }
}
