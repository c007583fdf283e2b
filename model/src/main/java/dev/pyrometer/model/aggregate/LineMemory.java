package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import java.util.function.BooleanSupplier;

/**
 * Resident memory growth and release per line of one source file, for the source view's gutter (see
 * {@link MemoryCounts} for how memory is attributed to samples). Two readings per line:
 * <ul>
 *   <li><b>at the line</b> ({@link #growth}, {@link #release}): the line was the innermost frame of this file on the
 *   stack. A line that calls into a library or into C gets what that call allocated, and a line calling another
 *   function of the same file passes it on to that function's line: each byte lands on exactly one line of the
 *   file, the way scalene reports a file;</li>
 *   <li><b>total</b> ({@link #totalGrowth}, {@link #totalRelease}): the line was anywhere on the stack (counted once
 *   per sample under recursion), like total time.</li>
 * </ul>
 * Net (growth − release) is the headline: which lines get a change is decided by {@link MemoryCounts} (the frames two
 * ticks share), so memory a line's callees grow and free again nets out. Each figure has the ticks behind it.
 * Dense arrays indexed by line number. Immutable.
 */
public final class LineMemory {
    private final String file;
    private final long[] growth;
    private final long[] release;
    private final long[] totalGrowth;
    private final long[] totalRelease;
    private final int[] ticks;
    private final int[] totalTicks;
    private final long allGrowth;
    private final long allRelease;
    private final MemoryCounts memory;

    private LineMemory(MemoryCounts memory, String file, long[] growth, long[] release, long[] totalGrowth, long[] totalRelease,
                       int[] ticks, int[] totalTicks, long allGrowth, long allRelease) {
        this.memory = memory;
        this.ticks = ticks;
        this.totalTicks = totalTicks;
        this.file = file;
        this.growth = growth;
        this.release = release;
        this.totalGrowth = totalGrowth;
        this.totalRelease = totalRelease;
        this.allGrowth = allGrowth;
        this.allRelease = allRelease;
    }

    /** The memory of {@code file} (a path exactly as the profile holds it) over the attributed samples. */
    public static LineMemory of(MemoryCounts memory, String file, BooleanSupplier cancelled) {
        FileFrames inFile = FileFrames.of(memory.snapshot(), file);
        int lines = inFile.lastLine + 1;
        long[] growth = new long[lines], release = new long[lines];
        long[] totalGrowth = new long[lines], totalRelease = new long[lines];
        int[] ticks = new int[lines], totalTicks = new int[lines];
        int[] stamp = new int[lines];
        int n = Math.min(memory.stackCount(), inFile.nearest.length);
        for (int s = 0; s < n; s++) {
            if ((s & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
            long g = memory.growth(s), r = memory.release(s);
            int k = memory.ticks(s);
            int here = inFile.nearest[s];
            if (k == 0 || here < 0) continue;
            int line = inFile.line(here);
            growth[line] += g;
            release[line] += r;
            ticks[line] += k;
            for (int t = here; t >= 0; t = inFile.next(t)) {
                line = inFile.line(t);
                if (stamp[line] == s + 1) continue;
                stamp[line] = s + 1;
                totalGrowth[line] += g;
                totalRelease[line] += r;
                totalTicks[line] += k;
            }
        }
        return new LineMemory(memory, file, growth, release, totalGrowth, totalRelease, ticks, totalTicks, memory.totalGrowth(),
            memory.totalRelease());
    }

    public String file() { return file; }
    /** The highest line number with data (arrays cover 0 to this). */
    public int lastLine() { return growth.length - 1; }

    /** Bytes the line grew resident memory by while it was this file's innermost line on the stack. */
    public long growth(int line) { return at(growth, line); }
    /** Bytes released (a positive number) while the line was this file's innermost line on the stack. */
    public long release(int line) { return at(release, line); }
    /** Bytes grown while the line was anywhere on the stack. */
    public long totalGrowth(int line) { return at(totalGrowth, line); }
    public long totalRelease(int line) { return at(totalRelease, line); }
    /** Growth minus release at the line: what stayed. */
    public long net(int line) { return growth(line) - release(line); }
    public long totalNet(int line) { return totalGrowth(line) - totalRelease(line); }
    /** The ticks behind {@link #net} and {@link #totalNet}. */
    public int ticks(int line) { return line >= 0 && line < ticks.length ? ticks[line] : 0; }
    public int totalTicks(int line) { return line >= 0 && line < totalTicks.length ? totalTicks[line] : 0; }
    /** Whether the line's net stands out of the memory track's noise (see {@link MemoryCounts#beyondNoise}). */
    public boolean beyondNoise(int line) { return memory.beyondNoise(net(line), ticks(line)); }
    public boolean totalBeyondNoise(int line) { return memory.beyondNoise(totalNet(line), totalTicks(line)); }
    public MemoryCounts memory() { return memory; }

    /** All attributed growth and release of the selection (every file): the denominators of shares. */
    public long allGrowth() { return allGrowth; }
    public long allRelease() { return allRelease; }

    /** The line that grew memory the most (ties: the first), or 0 when no line did. */
    public int mostGrowingLine() {
        int best = 0;
        for (int l = 1; l < growth.length; l++) if (growth[l] > growth[best]) best = l;
        return best;
    }

    private static long at(long[] values, int line) {
        return line >= 0 && line < values.length ? values[line] : 0;
    }
}
