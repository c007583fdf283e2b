package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.SampleTable;
import dev.pyrometer.model.StackTable;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The samples of a {@link StackCounts} counted per (root frame, stack) pair instead of per stack, for a tree whose
 * stacks start with {@link RootFrames}: the same samples (the counts' snapshot and selection), one more pass over
 * them. Pairs are dense ids in first-seen order; the root frame is a thread's {@link RootFrames#leafOf leaf}, -1 for
 * none. Package-private: {@link CallTree#topDown(StackCounts, KeyBy, Transforms, Roots, BooleanSupplier)} uses it.
 */
final class RootedCounts {
    private static final int CATEGORIES = SampleState.CATEGORY_COUNT;
    /** Up to this many (root frame, stack) cells are counted in a dense table (16 MB): processes, a few dozen threads. */
    private static final long DENSE_CELLS = 1 << 20;

    final RootFrames roots;
    /** Per pair: the root frame (-1: none), the stack, and the samples per category at {@code pair * CATEGORIES}. */
    final int[] leaf;
    final int[] stack;
    final int[] counts;
    final int size;

    private RootedCounts(RootFrames roots, int[] leaf, int[] stack, int[] counts, int size) {
        this.roots = roots;
        this.leaf = leaf;
        this.stack = stack;
        this.counts = counts;
        this.size = size;
    }

    static RootedCounts of(StackCounts of, RootFrames roots, BooleanSupplier cancelled) {
        Snapshot snapshot = of.snapshot();
        Selection selection = of.selection();
        SampleTable samples = snapshot.profile().samples();
        int n = snapshot.samples();
        SampleWindow window = SampleWindow.of(samples, n, selection);
        int from = window.from(), to = window.to();
        boolean checkTime = window.checkTime();
        byte[] categoryOfState = SampleWindow.categoryOfState(selection);
        boolean[] threadSelected = selection.threadMask();
        int[] leafOfThread = new int[1 << 16];
        for (int t = 0; t < leafOfThread.length; t++) leafOfThread[t] = roots.leafOf(t);
        // Few root frames: one dense table of (root frame, stack) cells, no lookup per sample. Many: a hash of pairs,
        // skipped while a thread repeats its last stack.
        // The table's columns are the stacks that have samples at all (the merged counts say which), not every stack.
        int[] column = new int[snapshot.stacks() + 1];
        int[] stackOfColumn = new int[column.length];
        int cellsPerLeaf = 0;
        for (int st = StackTable.EMPTY; st < snapshot.stacks(); st++) {
            if (of.count(st) == 0) continue;
            column[st + 1] = cellsPerLeaf;
            stackOfColumn[cellsPerLeaf++] = st;
        }
        boolean dense = (long) (roots.size() + 1) * cellsPerLeaf <= DENSE_CELLS;
        int[] cells = dense ? new int[(roots.size() + 1) * cellsPerLeaf * CATEGORIES] : null;
        TupleInterner pairs = dense ? null : new TupleInterner(Math.max(16, snapshot.stacks()));
        int[] counts = new int[64 * CATEGORIES];
        int[] lastStack = new int[1 << 16];
        int[] lastPair = new int[1 << 16];
        Arrays.fill(lastPair, -1);
        for (int start = from; start < to; ) {
            Cancel.check(cancelled);
            int chunk = start >>> SampleTable.CHUNK_BITS;
            int base = chunk << SampleTable.CHUNK_BITS;
            int end = Math.min(to, Math.min(base + SampleTable.CHUNK_SIZE, start + Cancel.POLL_INTERVAL));
            int[] stacks = samples.stackChunk(chunk);
            char[] threads = samples.threadChunk(chunk);
            byte[] states = samples.stateChunk(chunk);
            for (int i = start; i < end; i++) {
                int at = i - base;
                if (checkTime && !selection.includesTime(samples.timeMicros(i))) continue;
                int thread = threads[at];
                if (!threadSelected[thread]) continue;
                int category = categoryOfState[states[at] & 0xFF];
                if (category < 0) continue;
                int stack = stacks[at];
                if (dense) {
                    cells[((leafOfThread[thread] + 1) * cellsPerLeaf + column[stack + 1]) * CATEGORIES + category]++;
                    continue;
                }
                int pair = lastPair[thread];
                if (pair < 0 || lastStack[thread] != stack) {
                    pair = pairs.intern(leafOfThread[thread], stack, 0);
                    lastPair[thread] = pair;
                    lastStack[thread] = stack;
                    if ((pair + 1) * CATEGORIES > counts.length) counts = Arrays.copyOf(counts, counts.length * 2);
                }
                counts[pair * CATEGORIES + category]++;
            }
            start = end;
        }
        if (dense) return fromCells(roots, cells, cellsPerLeaf, stackOfColumn);
        int size = pairs.size();
        int[] leaf = new int[size], stack = new int[size];
        for (int p = 0; p < size; p++) {
            leaf[p] = pairs.first(p);
            stack[p] = pairs.second(p);
        }
        return new RootedCounts(roots, leaf, stack, counts, size);
    }

    /** The cells that hold samples, as pairs. */
    private static RootedCounts fromCells(RootFrames roots, int[] cells, int cellsPerLeaf, int[] stackOfColumn) {
        int size = 0;
        for (int c = 0; c < cells.length; c += CATEGORIES) {
            if ((cells[c] | cells[c + 1] | cells[c + 2] | cells[c + 3]) != 0) size++;
        }
        int[] leaf = new int[size], stack = new int[size], counts = new int[size * CATEGORIES];
        int p = 0;
        for (int cell = 0, c = 0; c < cells.length; cell++, c += CATEGORIES) {
            if ((cells[c] | cells[c + 1] | cells[c + 2] | cells[c + 3]) == 0) continue;
            leaf[p] = cell / cellsPerLeaf - 1;
            stack[p] = stackOfColumn[cell % cellsPerLeaf];
            System.arraycopy(cells, c, counts, p * CATEGORIES, CATEGORIES);
            p++;
        }
        return new RootedCounts(roots, leaf, stack, counts, size);
    }
}
