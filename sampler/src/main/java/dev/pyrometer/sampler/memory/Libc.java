package dev.pyrometer.sampler.memory;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The few libc calls the sampler makes, bound with JNA's direct mapping: a {@code static native} call costs well
 * under a microsecond, where an interface mapping with a {@code Structure} per call costs several (CPYTHON.md §6).
 * Failures return -1 and leave errno in {@link Native#getLastError()}.
 */
public final class Libc {
    public static final int EPERM = 1;
    public static final int ESRCH = 3;
    public static final int EFAULT = 14;
    public static final int EINVAL = 22;
    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;
    static final int SC_CLK_TCK = 2;
    static final int SC_PAGESIZE = 30;
    static final int PR_SET_TIMERSLACK = 29;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_THREAD_CPUTIME_ID = 3;
    static final int TIMER_ABSTIME = 1;

    static {
        // The process's own symbols (dlopen(NULL)): libc is already loaded by the JVM, so nothing is searched for.
        Native.register(Libc.class, NativeLibrary.getProcess());
    }

    private Libc() {}

    /** The iovec arrays are passed as native addresses: no {@code Pointer} is made per call. */
    public static native long process_vm_readv(int pid, long localIov, long localCount, long remoteIov,
                                               long remoteCount, long flags);

    public static native long pread(int fd, Pointer buffer, long count, long offset);

    public static native int open(String path, int flags);

    public static native int close(int fd);

    static native long sysconf(int name);

    static native int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    /** Returns 0 or an error number (not -1 and errno). */
    static native int clock_nanosleep(int clock, int flags, long request, long remain);

    static native int clock_gettime(int clock, long timespec);

    /** ptrace(2); glibc declares it variadic, which on x86-64 and arm64 passes these four the same way. */
    public static native long ptrace(long request, int pid, long address, long data);

    /** waitid(2) into a {@code siginfo_t} at {@code info}. */
    public static native int waitid(int idType, int id, long info, int options);

    public static native int geteuid();

    /** errno of the calling thread's last failed call. */
    public static int errno() {
        return Native.getLastError();
    }

    /** Clock ticks per second, the unit of utime/stime in /proc. */
    public static long clockTicksPerSecond() {
        long ticks = sysconf(SC_CLK_TCK);
        return ticks > 0 ? ticks : 100;
    }

    public static long pageSize() {
        long size = sysconf(SC_PAGESIZE);
        return size > 0 ? size : 4096;
    }

    /**
     * Lets the calling thread's timed sleeps end on time: Linux adds up to 50 µs of "slack" to a sleep by default,
     * which is half an interval at 10 kHz.
     */
    public static void preciseTimers() {
        prctl(PR_SET_TIMERSLACK, 1, 0, 0, 0);
    }
}
