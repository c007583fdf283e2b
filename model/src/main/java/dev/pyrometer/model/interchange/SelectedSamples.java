package dev.pyrometer.model.interchange;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleTable;
import dev.pyrometer.model.StackTable;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.Snapshot;
import java.util.Arrays;

/** The samples an export keeps, in recording order, and the frames of a stack: what every writer needs. */
final class SelectedSamples {

    @FunctionalInterface
    interface Visitor {
        void sample(int index, int thread, int stack, int state);
    }

    private SelectedSamples() {}

    static void forEach(Snapshot snapshot, Selection selection, Visitor visitor) {
        SampleTable samples = snapshot.profile().samples();
        for (int i = 0; i < snapshot.samples(); i++) {
            int state = samples.state(i);
            if (!selection.includesState(state)) continue;
            int thread = samples.thread(i);
            if (!selection.includesThread(thread)) continue;
            if (selection.isTimeBounded() && !selection.includesTime(samples.timeMicros(i))) continue;
            visitor.sample(i, thread, samples.stack(i), state);
        }
    }

    /** The stack's frame ids, root first. */
    static int[] rootFirst(Profile profile, int stack) {
        StackTable stacks = profile.stacks();
        int[] path = new int[stacks.depth(stack)];
        for (int s = stack, i = path.length - 1; s != StackTable.EMPTY; s = stacks.parent(s), i--) path[i] = stacks.frame(s);
        return path;
    }

    /** Counts per (thread, stack) pair, packed as longs; a small open-addressing map. */
    static final class PairCounts {
        private long[] keys = new long[1024];
        private long[] counts = new long[1024];
        private boolean[] used = new boolean[1024];
        private int size;

        void add(int thread, int stack) {
            long key = (long) thread << 32 | (stack & 0xFFFFFFFFL);
            int mask = keys.length - 1;
            int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
            while (used[slot] && keys[slot] != key) slot = (slot + 1) & mask;
            if (!used[slot]) {
                used[slot] = true;
                keys[slot] = key;
                size++;
            }
            counts[slot]++;
            if (2 * size > keys.length) grow();
        }

        /** The pairs as {thread, stack, count} rows, sorted by thread then stack. */
        long[][] rows() {
            long[][] rows = new long[size][];
            int r = 0;
            for (int i = 0; i < keys.length; i++) {
                if (used[i]) rows[r++] = new long[] {keys[i] >> 32, (int) keys[i], counts[i]};
            }
            Arrays.sort(rows, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            return rows;
        }

        private void grow() {
            long[] oldKeys = keys, oldCounts = counts;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            counts = new long[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (!oldUsed[i]) continue;
                int slot = Long.hashCode(oldKeys[i] * 0x9E3779B97F4A7C15L) & mask;
                while (used[slot]) slot = (slot + 1) & mask;
                used[slot] = true;
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }
}
