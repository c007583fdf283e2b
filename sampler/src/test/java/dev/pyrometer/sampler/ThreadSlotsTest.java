package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.sampler.memory.Libc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sampler's per-thread state, on threads of this very JVM: one spins, one is parked. Their states, their CPU
 * time since the last sample, the forgetting of threads that ended, and a stat file that cannot be opened.
 */
class ThreadSlotsTest {
    private static final int SELF = (int) ProcessHandle.current().pid();
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private volatile boolean done;
    private final Thread spinner = Thread.ofPlatform().name("slots-spinner").start(() -> {
        long x = 0;
        while (!done) x++;
    });
    private final Thread parked = Thread.ofPlatform().name("slots-parked").start(() -> {
        while (!done) LockSupport.park();
    });

    @AfterEach
    void end() throws InterruptedException {
        done = true;
        LockSupport.unpark(parked);
        spinner.join();
        parked.join();
    }

    @Test
    void statesCpuTimesAndEndedThreads() throws Exception {
        long spin = tidNamed("slots-spinner");
        long park = tidNamed("slots-parked");
        try (ThreadSlots slots = new ThreadSlots(SELF, Libc.clockTicksPerSecond())) {
            int s = slots.slot(spin, 1);
            int p = slots.slot(park, 1);
            assertEquals(s, slots.slot(spin, 1), "one slot per thread");
            assertTrue(slots.takeAdded());
            assertFalse(slots.takeAdded(), "told once");
            assertEquals(spin, slots.tid(s));
            assertEquals(-1, slots.sinkIndex(s), "not told to the sink yet");
            await(() -> {
                slots.readAll();
                return slots.running(s) && !slots.running(p) && slots.userMicrosSinceSample(s) > 0;
            }, "the spinner to run and be seen using CPU");
            assertFalse(slots.stateUnknown(s) || slots.stateUnknown(p));
            assertEquals(0, slots.userMicrosSinceSample(p) + slots.systemMicrosSinceSample(p), "a parked thread uses none");
            int used = slots.userMicrosSinceSample(s) + slots.systemMicrosSinceSample(s);
            slots.sampled(s);
            assertEquals(0, slots.userMicrosSinceSample(s), "counted from the sample on");
            assertEquals(used, slots.targetCpuMicros());

            slots.name(p, "parked", 3);
            assertEquals("parked", slots.name(p));
            assertEquals(3, slots.nameGeneration(p));
            slots.slot(spin, 2);
            slots.sweep(2); // the parked thread was not in tick 2's list: it ended
            assertEquals(0, slots.slot(spin, 3), "the spinner kept");
            assertTrue(slots.slot(park, 3) > 0 && slots.takeAdded(), "the parked one made anew");
            assertEquals(null, slots.name(slots.slot(park, 3)), "a new slot knows no name");
        }
    }

    @Test
    void aStatFileThatCannotBeOpenedLeavesTheStateUnknownUntilItCan() throws Exception {
        long spin = tidNamed("slots-spinner");
        try (ThreadSlots slots = new ThreadSlots(SELF, Libc.clockTicksPerSecond())) {
            int s;
            try (OpenFileLimit none = OpenFileLimit.exhausted()) {
                s = slots.slot(spin, 1);
                assertTrue(slots.stateUnknown(s), "too many open files: unknown, not idle");
                assertFalse(slots.running(s));
                slots.readAll();
                assertTrue(slots.stateUnknown(s));
            }
            await(() -> {
                slots.readAll();
                return !slots.stateUnknown(s) && slots.running(s);
            }, "the stat file to open once files can be opened again");
        }
    }

    /**
     * The kernel id of this JVM's thread of that name. A new thread sets its kernel name (comm) itself, once it runs:
     * {@code start()} may return before that, so look until it is there.
     */
    private static long tidNamed(String name) throws IOException, InterruptedException {
        String comm = name.substring(0, Math.min(15, name.length())); // the first 15 bytes of the JVM's thread name
        long start = System.nanoTime();
        while (true) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        if (Files.readString(task.resolve("comm")).strip().equals(comm)) {
                            return Long.parseLong(task.getFileName().toString());
                        }
                    } catch (java.nio.file.NoSuchFileException ended) {
                        // a thread that ended while the folder was listed
                    }
                }
            }
            assertTrue(System.nanoTime() - start < DEADLINE_NANOS, "no thread " + name);
            Thread.sleep(5);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - start < DEADLINE_NANOS, "waited in vain for " + what);
            Thread.sleep(5);
        }
    }
}
