package dev.pyrometer.sampler.pause;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.pyrometer.sampler.errors.PermissionAdvice;
import dev.pyrometer.sampler.errors.SamplerErrors;
import dev.pyrometer.sampler.memory.Libc;
import dev.pyrometer.sampler.memory.PreciseSleep;
import dev.pyrometer.sampler.proc.ProcFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Holds every thread of a process still while a tick reads it ({@code record --blocking}): each thread is attached
 * once with {@code PTRACE_SEIZE} (threads it starts later follow through {@code PTRACE_O_TRACECLONE}); each tick
 * stops them all with {@code PTRACE_INTERRUPT} and lets them go with {@code PTRACE_CONT}. Linux takes every ptrace
 * request for a tracee only from the thread that attached it: make, use and close an instance on one thread.
 *
 * <p>A thread may stop for something else than our interrupt (a signal to deliver, a thread it started): it is
 * held like the others and the signal passed on when it goes. Any stop satisfies a pending interrupt, except when
 * the interrupt came while the thread was already stopped: then the thread stops once more right after it goes.
 * Such stops, and those for signals or new threads between ticks, are let go by {@link #passSignals()}, which the
 * sampler calls every millisecond between ticks. The main thread's exit is looked at ({@code WNOWAIT}) but left for
 * its parent to collect; other threads' exits are collected here (a traced thread stays a zombie until its tracer
 * does so). Nothing here allocates per tick.
 *
 * <p>A tick waits for its stops at most {@link #STOP_PATIENCE_NANOS}: a thread in an uninterruptible wait (a
 * {@code vfork} parent until its child execs, a read from a hung network file system) takes no interrupt until it
 * leaves it. Such a thread is left running for that tick and counted ({@link #notStopped()}); later ticks do not
 * wait for it again, only look whether it has stopped meanwhile (its interrupt stays pending), so one stuck thread
 * neither hangs the recording nor slows every tick. The waits poll {@code waitid} without blocking, sleeping
 * a few microseconds and then longer between looks: a blocking {@code waitid} has no deadline.
 */
public final class ThreadPauser implements AutoCloseable {
    private static final long PTRACE_CONT = 7;
    private static final long PTRACE_DETACH = 17;
    private static final long PTRACE_GETEVENTMSG = 0x4201;
    private static final long PTRACE_GETSIGINFO = 0x4202;
    private static final long PTRACE_SEIZE = 0x4206;
    private static final long PTRACE_INTERRUPT = 0x4207;
    private static final long PTRACE_LISTEN = 0x4208;
    private static final long PTRACE_O_TRACECLONE = 8;
    private static final int PTRACE_EVENT_CLONE = 3;
    private static final int PTRACE_EVENT_STOP = 128;
    private static final int P_PID = 1;
    private static final int WNOHANG = 1;
    private static final int WSTOPPED = 2;
    private static final int WEXITED = 4;
    private static final int WNOWAIT = 0x01000000;
    private static final int WALL = 0x40000000;
    private static final int EINTR = 4;
    private static final int CLD_TRAPPED = 4;
    private static final int CLD_STOPPED = 5;
    private static final int SIGTRAP = 5;
    /** siginfo_t on 64-bit Linux: si_signo, si_errno, si_code, then (8-aligned) the SIGCHLD fields from si_pid. */
    private static final int SI_SIGNO = 0;
    private static final int SI_CODE = 8;
    private static final int SI_PID = 16;
    /** How long a tick waits for its threads to stop; a few milliseconds on a loaded machine, microseconds else. */
    public static final long STOP_PATIENCE_NANOS = 20_000_000;
    /** The first and the longest sleep between two looks for stops. */
    /**
     * How long closing waits for threads that have not stopped: a thread slow to stop on a loaded machine is then
     * detached at once rather than when the sampling thread ends; one that never stops costs this once.
     */
    private static final long CLOSE_PATIENCE_NANOS = 1_000_000_000;
    private static final long FIRST_LOOK_NANOS = 5_000;
    private static final long LONGEST_LOOK_NANOS = 500_000;


    private final int pid;
    private final Memory siginfo = new Memory(128);
    private final long siginfoAddress = Pointer.nativeValue(siginfo);
    private final ByteBuffer info = siginfo.getByteBuffer(0, 128).order(ByteOrder.nativeOrder());
    private final Memory message = new Memory(8);
    private final long messageAddress = Pointer.nativeValue(message);

    private int count;
    private int[] tids = new int[16];
    private boolean[] stopped = new boolean[16];
    /** The signal to pass on when the thread goes (it stopped to receive it), or 0. */
    private int[] signals = new int[16];
    /** Stopped by SIGSTOP & co. (a group stop): it goes on by PTRACE_LISTEN, staying stopped for the others. */
    private boolean[] groupStop = new boolean[16];
    /** Interrupted but not stopped by a tick's deadline: not waited for again until it stops. */
    private boolean[] late = new boolean[16];
    private final PreciseSleep sleep = new PreciseSleep();
    private int notStopped;

    private ThreadPauser(int pid) {
        this.pid = pid;
    }

    /**
     * Attaches to every thread of {@code pid} (without stopping them).
     *
     * @throws dev.pyrometer.model.PyrometerException if ptrace is not allowed (saying which rule applies), or the
     *     process is this JVM's own child
     */
    public static ThreadPauser seize(int pid) {
        if (ProcFiles.parentPid(pid) == ProcessHandle.current().pid()) {
            // Its stops would be reported to every thread of ours, and the JVM's own wait for the child's exit
            // takes them: our wait would never see them.
            throw SamplerErrors.cannotPause(pid, "it is Pyrometer's own child, whose stops the Java runtime's wait for"
                + " it would take; start the program yourself and record it with --pid.");
        }
        ThreadPauser pauser = new ThreadPauser(pid);
        int self = ProcFiles.currentThreadId();
        // A thread not seized yet may start another meanwhile, which no clone event reports: list the threads
        // again until a pass finds none new. (One started by a seized thread is already ours: EPERM, traced by us.)
        for (boolean more = true; more; ) {
            more = false;
            for (int tid : ProcFiles.taskIds(pid)) {
                if (pauser.has(tid)) continue;
                if (Libc.ptrace(PTRACE_SEIZE, tid, 0, PTRACE_O_TRACECLONE) == 0) {
                    pauser.add(tid);
                    more = true;
                    continue;
                }
                int errno = Libc.errno();
                if (errno == Libc.ESRCH) continue; // the thread ended meanwhile
                int tracer = errno == Libc.EPERM ? tracer(tid) : 0;
                if (tracer == self) {
                    pauser.add(tid);
                    continue;
                }
                pauser.close();
                throw seizeFailed(pid, errno, tracer);
            }
        }
        if (pauser.count == 0) {
            pauser.close();
            throw SamplerErrors.noSuchProcess(pid);
        }
        return pauser;
    }

    private static RuntimeException seizeFailed(int pid, int errno, int tracer) {
        if (tracer > 0) {
            // A thread has one tracer at a time: the kernel says EPERM, but no right of ours is missing.
            String process = ProcFiles.status(tracer, "Tgid"); // TracerPid names the tracing thread
            return SamplerErrors.cannotPause(pid, "it is already traced by process " + (process != null ? process
                : tracer) + " (a debugger or another profiler); detach that first, or leave --blocking out.");
        }
        if (errno == Libc.EPERM) {
            return SamplerErrors.permissionDenied(pid, "ptrace is not allowed (--blocking pauses the program with"
                + " it): " + PermissionAdvice.about(pid).explain());
        }
        return SamplerErrors.noInterpreter(pid, "ptrace failed with errno " + errno);
    }

    /** Threads attached now. */
    public int threads() {
        return count;
    }

    /** The kernel id of attached thread {@code i}, {@code 0 <= i < threads()}. */
    public int tid(int i) {
        return tids[i];
    }

    /**
     * Stops every thread and waits until each has stopped (or ended), for at most {@link #STOP_PATIENCE_NANOS}; a
     * thread that has not stopped by then runs on through this tick (see {@link #notStopped()}).
     */
    public void pause() {
        // An interrupt already pending is one flag in the kernel: sending another costs nothing and is never lost.
        for (int i = 0; i < count; i++) if (!stopped[i]) Libc.ptrace(PTRACE_INTERRUPT, tids[i], 0, 0);
        if (!awaitStops(STOP_PATIENCE_NANOS, false)) {
            for (int i = 0; i < count; i++) if (!stopped[i]) late[i] = true;
        }
        notStopped = 0;
        for (int i = 0; i < count; i++) if (!stopped[i]) notStopped++;
    }

    /** Threads the last {@link #pause()} left running because they did not stop in time. */
    public int notStopped() {
        return notStopped;
    }

    /**
     * Takes in stops until every thread has stopped or ended (late ones too if {@code evenLate}), for at most
     * {@code patience} nanoseconds; true if none is left to wait for.
     */
    private boolean awaitStops(long patience, boolean evenLate) {
        long deadline = System.nanoTime() + patience;
        long look = FIRST_LOOK_NANOS;
        while (lookForStops(evenLate)) {
            long now = System.nanoTime();
            if (now >= deadline) return false;
            sleep.until(Math.min(now + look, deadline));
            look = Math.min(look * 2, LONGEST_LOOK_NANOS);
        }
        return true;
    }

    /** Takes in every stop that has come; true while a thread (not yet late, unless {@code evenLate}) is still to stop. */
    private boolean lookForStops(boolean evenLate) {
        boolean waiting = false;
        for (int i = 0; i < count; ) {
            if (stopped[i]) {
                i++;
            } else if (!collect(i)) {
                if (evenLate || !late[i]) waiting = true;
                i++;
            }
            // else: it stopped, or it ended and i now holds the last thread
        }
        return waiting;
    }


    /** Lets every stopped thread go, passing on the signals they stopped for. */
    public void resume() {
        for (int i = 0; i < count; i++) if (stopped[i]) go(i);
    }

    /**
     * Between ticks: lets go at once any thread that stopped meanwhile (to receive a signal, or when it started a
     * thread), so that it is held for no longer than the caller takes to call this again.
     */
    public void passSignals() {
        for (int i = 0; i < count; ) {
            if (stopped[i] || !collect(i)) {
                i++;
            } else if (i < count && stopped[i]) {
                go(i);
            }
        }
    }

    private void go(int i) {
        long request = groupStop[i] ? PTRACE_LISTEN : PTRACE_CONT;
        Libc.ptrace(request, tids[i], 0, groupStop[i] ? 0 : signals[i]);
        stopped[i] = false;
        signals[i] = 0;
        groupStop[i] = false;
    }

    /**
     * Takes in the next event of thread {@code i} if it has one (never waits): true if it stopped or ended (then it
     * is removed), false if there was none. The main thread's exit is seen but left for its parent to collect.
     */
    private boolean collect(int i) {
        int tid = tids[i];
        boolean leader = tid == pid;
        info.putInt(SI_PID, 0); // stays 0 when WNOHANG finds nothing
        int options = WSTOPPED | WEXITED | WALL | WNOHANG | (leader ? WNOWAIT : 0);
        while (Libc.waitid(P_PID, tid, siginfoAddress, options) != 0) {
            if (Libc.errno() != EINTR) {
                remove(i); // not ours to wait for any more: gone
                return true;
            }
        }
        if (info.getInt(SI_PID) == 0) return false;
        int code = info.getInt(SI_CODE);
        if (code != CLD_TRAPPED && code != CLD_STOPPED) { // exited, killed or dumped
            remove(i);
            return true;
        }
        if (leader && Libc.waitid(P_PID, tid, siginfoAddress, WSTOPPED | WALL | WNOHANG) != 0) return false;
        stopped[i] = true;
        late[i] = false;
        if (Libc.ptrace(PTRACE_GETSIGINFO, tid, 0, siginfoAddress) != 0) {
            groupStop[i] = Libc.errno() == Libc.EINVAL; // a group stop has no siginfo
            return true;
        }
        // A stop the kernel reports for ptrace itself has si_code = signal | event << 8; a signal has its own code.
        int signal = info.getInt(SI_SIGNO);
        int sicode = info.getInt(SI_CODE);
        int event = sicode > 0 && (sicode & 0xFF) == signal ? sicode >>> 8 : 0;
        if (event == PTRACE_EVENT_STOP) {
            groupStop[i] = signal != SIGTRAP; // our interrupt traps with SIGTRAP; SIGSTOP & co. stop the group
        } else if (event == PTRACE_EVENT_CLONE) {
            if (Libc.ptrace(PTRACE_GETEVENTMSG, tid, 0, messageAddress) == 0) add((int) message.getLong(0));
        } else if (event == 0) {
            signals[i] = signal; // a signal-delivery stop: pass it on
        }
        return true;
    }

    private boolean has(int tid) {
        for (int i = 0; i < count; i++) if (tids[i] == tid) return true;
        return false;
    }

    private void add(int tid) {
        if (has(tid)) return;
        if (count == tids.length) {
            int n = count * 2;
            tids = Arrays.copyOf(tids, n);
            stopped = Arrays.copyOf(stopped, n);
            signals = Arrays.copyOf(signals, n);
            groupStop = Arrays.copyOf(groupStop, n);
            late = Arrays.copyOf(late, n);
        }
        tids[count] = tid;
        stopped[count] = false;
        signals[count] = 0;
        groupStop[count] = false;
        late[count] = false;
        count++;
    }

    private void remove(int i) {
        count--;
        tids[i] = tids[count];
        stopped[i] = stopped[count];
        signals[i] = signals[count];
        groupStop[i] = groupStop[count];
        late[i] = late[count];
    }

    /** Stops every thread and detaches from it, passing on any signal it stopped for. */
    @Override
    public void close() {
        pause();
        awaitStops(CLOSE_PATIENCE_NANOS, true);
        for (int i = 0; i < count; i++) {
            if (stopped[i]) Libc.ptrace(PTRACE_DETACH, tids[i], 0, signals[i]);
        }
        // Threads that never stopped (an uninterruptible wait) are detached by the kernel when this thread ends.
        count = 0;
        siginfo.close();
        message.close();
        sleep.close();
    }

    /** The thread that traces thread {@code tid}, or 0. */
    private static int tracer(int tid) {
        String tracer = ProcFiles.status(tid, "TracerPid");
        return tracer == null ? 0 : Integer.parseInt(tracer);
    }
}
