package dev.pyrometer.sampler.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;

/**
 * The read-ahead on this very process's memory (process_vm_readv may read oneself): ranges come back where
 * {@link Prefetch#find} says, close ranges share one iovec, an unreadable range is skipped without losing those
 * after it, and a range kept for some ticks is read until its last one.
 */
class PrefetchTest {
    private static final int SELF = (int) ProcessHandle.current().pid();
    /** Never mapped in a Linux process: the first page. */
    private static final long UNMAPPED = 0x10;

    @Test
    void plannedRangesAreReadInOneCallAndFoundByAddress() {
        try (Memory a = filled(4096, 1); Memory b = filled(4096, 2); RemoteMemory memory = new RemoteMemory(SELF, 1 << 20)) {
            Prefetch prefetch = new Prefetch(memory, 0, 1 << 16);
            long pa = Pointer.nativeValue(a);
            long pb = Pointer.nativeValue(b);
            prefetch.plan(pa + 100, 8);
            prefetch.plan(pa + 120, 16); // 12 bytes after the first: merged into one iovec
            prefetch.plan(pb + 8, 32);
            long calls = prefetch.systemCalls();
            prefetch.read();
            assertEquals(calls + 1, prefetch.systemCalls(), "one system call");
            long gap = pb + 8 > pa + 136 ? pb + 8 - (pa + 136) : pa + 100 - (pb + 40);
            assertEquals(gap <= Prefetch.MERGE_GAP ? 1 : 2, prefetch.ranges(), "a's two ranges share one iovec");
            assertEquals(byteAt(pa, 100), memory.buffer().get(prefetch.find(pa + 100, 8)));
            assertEquals(byteAt(pa, 130), memory.buffer().get(prefetch.find(pa + 130, 1)));
            assertEquals(byteAt(pb, 39), memory.buffer().get(prefetch.find(pb + 39, 1)));
            assertEquals(-1, prefetch.find(pb + 39, 2), "past the end of what was read");
            assertEquals(-1, prefetch.find(pa + 200, 1), "never planned");
        }
    }

    @Test
    void anUnreadableRangeIsSkippedAndTheOthersStillArrive() {
        try (Memory a = filled(256, 3); RemoteMemory memory = new RemoteMemory(SELF, 1 << 20)) {
            Prefetch prefetch = new Prefetch(memory, 0, 1 << 16);
            long pa = Pointer.nativeValue(a);
            prefetch.plan(UNMAPPED, 8); // sorts first, so the kernel stops right away
            prefetch.plan(pa, 64);
            prefetch.read();
            assertEquals(-1, prefetch.find(UNMAPPED, 8));
            assertTrue(prefetch.find(pa, 64) >= 0, "the range after the failed one");
            assertEquals(byteAt(pa, 10), memory.buffer().get(prefetch.find(pa + 10, 1)));
        }
    }

    @Test
    void aKeptRangeIsReadAtEachOfItsTicksThenDropped() {
        try (Memory a = filled(256, 4); RemoteMemory memory = new RemoteMemory(SELF, 1 << 20)) {
            Prefetch prefetch = new Prefetch(memory, 0, 1 << 16);
            long pa = Pointer.nativeValue(a);
            prefetch.plan(pa, 16, 3);
            prefetch.plan(pa + 200, 16); // the next read only
            prefetch.read();
            assertTrue(prefetch.find(pa + 200, 16) >= 0);
            prefetch.read();
            assertTrue(prefetch.find(pa, 16) >= 0, "second tick");
            assertEquals(-1, prefetch.find(pa + 200, 16), "a one-tick range is gone");
            prefetch.read();
            assertTrue(prefetch.find(pa, 16) >= 0, "third tick");
            prefetch.read();
            assertEquals(-1, prefetch.find(pa, 16), "dropped after its last tick");
        }
    }

    @Test
    void fetchReadsWhatWasNotReadAheadAndPlansItForTheNextTick() {
        try (Memory a = filled(256, 5); RemoteMemory memory = new RemoteMemory(SELF, 1 << 20)) {
            Prefetch prefetch = new Prefetch(memory, 0, 1 << 16);
            long pa = Pointer.nativeValue(a);
            int at = prefetch.fetch(pa + 40, 8, 1 << 17);
            assertEquals(1 << 17, at, "read on demand to the fallback offset");
            assertEquals(byteAt(pa, 40), memory.buffer().get(at));
            prefetch.read();
            assertTrue(prefetch.find(pa + 40, 8) >= 0 && prefetch.find(pa + 40, 8) < 1 << 16, "read ahead next tick");
            assertEquals(-1, prefetch.fetch(UNMAPPED, 8, 1 << 17));
        }
    }

    @Test
    void shellSortSorts() {
        long[] a = {9, -3, 7, 7, 0, 42, 5, 1, 8, 2, 6, 4, 3};
        Prefetch.shellSort(a, a.length);
        for (int i = 1; i < a.length; i++) assertTrue(a[i - 1] <= a[i], java.util.Arrays.toString(a));
    }

    private static Memory filled(int size, int seed) {
        Memory m = new Memory(size);
        for (int i = 0; i < size; i++) m.setByte(i, (byte) (i * 31 + seed));
        return m;
    }

    private static byte byteAt(long address, int offset) {
        return new Pointer(address).getByte(offset);
    }
}
