package dev.pyrometer.sampler.memory;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Sleeps until a {@link System#nanoTime()} deadline with {@code clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)}:
 * one system call per wait, where parking a JVM thread also takes a mutex and a condition variable (two or three
 * futex calls) and can only be as exact as the park's relative timeout. HotSpot reads {@code System.nanoTime()}
 * from CLOCK_MONOTONIC on Linux, so the deadline needs no conversion. Nothing can wake it early: callers keep the
 * waits short. Also tells the calling thread's CPU time (without java.management, which costs tens of
 * milliseconds to start). One instance per thread.
 */
public final class PreciseSleep implements AutoCloseable {
    private final Memory timespec = new Memory(16);
    private final long address = Pointer.nativeValue(timespec);
    private final ByteBuffer view = timespec.getByteBuffer(0, 16).order(ByteOrder.nativeOrder());

    /** Sleeps until {@code System.nanoTime() >= deadline} (or a signal interrupts the sleep). */
    public void until(long deadline) {
        view.putLong(0, deadline / 1_000_000_000L);
        view.putLong(8, deadline % 1_000_000_000L);
        Libc.clock_nanosleep(Libc.CLOCK_MONOTONIC, Libc.TIMER_ABSTIME, address, 0);
    }

    /** CPU time the calling thread has used, nanoseconds ({@code CLOCK_THREAD_CPUTIME_ID}). */
    public long threadCpuNanos() {
        if (Libc.clock_gettime(Libc.CLOCK_THREAD_CPUTIME_ID, address) != 0) return 0;
        return view.getLong(0) * 1_000_000_000L + view.getLong(8);
    }

    @Override
    public void close() {
        timespec.close();
    }
}
