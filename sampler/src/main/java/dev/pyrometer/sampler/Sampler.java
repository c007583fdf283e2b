package dev.pyrometer.sampler;

import dev.pyrometer.model.SampleSink;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.sampler.memory.KeptOpenFile;
import dev.pyrometer.sampler.memory.Libc;
import dev.pyrometer.sampler.memory.PreciseSleep;
import dev.pyrometer.sampler.pause.ThreadPauser;
import dev.pyrometer.sampler.proc.Statm;
import dev.pyrometer.sampler.unwind.NativeStacks;
import dev.pyrometer.sampler.walk.CodeInfo;
import dev.pyrometer.sampler.walk.StackWalk;
import dev.pyrometer.sampler.walk.TargetReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples a {@link PythonTarget} on its own thread and streams every thread's stack into a {@link SampleSink}.
 *
 * <p>Each tick reads the scheduler state of every known thread first (so "running" describes the moment before
 * our reads), then the resident memory, then, in one system call, everything of the target
 * the previous tick read, and from it the interpreter's thread list and each thread's stack (what changed since is
 * read on demand). A stack that cannot be read consistently is dropped and counted, never guessed. The target is
 * never paused unless {@link SamplerOptions#blocking()} asks for it: then every thread is held still with ptrace from
 * just after the scheduler states are read until the tick's reads are done ({@link ThreadPauser}). Between ticks
 * the thread parks through long waits (so stop and pause wake it) and ends each wait with {@code clock_nanosleep} on
 * an absolute deadline.
 * Control it from any thread: {@link #start}, {@link #pause}, {@link #resume}, {@link #stop}, {@link #stats}.
 *
 * <p>A target that replaces its program ({@code exec}) is read on in its new program when
 * {@link SamplerOptions#followExecs()} asks for it ({@link ExecFollower}: the same timeline, a process table that
 * tells the programs apart), else the recording ends there as at an exit.
 */
public final class Sampler implements SamplingLoop {
    /** How a recording ended. */
    public enum Outcome { RUNNING, STOPPED, DURATION_ELAPSED, TARGET_EXITED, FAILED }

    /** Waits longer than this park the thread (so stop and pause wake it); shorter ones sleep precisely. */
    private static final long PARK_ABOVE_NANOS = 20_000_000;
    /** With --blocking, a thread stopped by a signal between ticks is let go after at most this long. */
    private static final long SIGNAL_HOLD_NANOS = 1_000_000;
    /**
     * While no thread stops between ticks, the looks for stops space out, doubling up to this: each look is a wake-up
     * (tens of µs of CPU), ten per tick at 100 Hz otherwise. A tick and any stop start again at 1 ms, so the stop
     * that follows a tick (an interrupt that came while a thread was already stopped) is let go within 1 ms.
     */
    private static final long SIGNAL_HOLD_MAX_NANOS = 4_000_000;
    private long signalHold = SIGNAL_HOLD_NANOS;
    /** How long {@link #stop()} waits for the loop to end. */
    public static final Duration STOP_PATIENCE = Duration.ofSeconds(5);
    /** Python thread names are read again this often (renames), and soon after a new thread appears. */
    private static final long NAMES_EVERY_NANOS = 1_000_000_000;
    private static final long NAMES_AT_MOST_EVERY_NANOS = 100_000_000;

    private final int pid;
    /** The program being read: the one attached to at first, then (following execs) each one after it. */
    private PythonTarget target;
    /** A target this sampler attached to itself after an exec (it closes it); null while reading the first. */
    private PythonTarget owned;
    private final SamplerOptions options;
    /** The recording's sink; {@link #sink} is where the program being read writes (its own process after an exec). */
    private final SampleSink recording;
    private SampleSink sink;
    /** Follows the target through its execs; null when an exec ends the recording. */
    private final ExecFollower following;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final int[] frameIds = new int[StackWalk.MAX_DEPTH + 1]; // + a cut marker
    /** With native frames: the Python and C frames merged (sampling thread only, like the rest). */
    private final int[] merged = new int[StackWalk.MAX_DEPTH + NativeStacks.extraDepth()];
    private NativeStacks natives;
    private volatile Thread thread;
    private volatile boolean stopRequested;
    private volatile boolean paused;
    private volatile Outcome outcome = Outcome.RUNNING;
    private volatile Throwable failure;

    // Counters: written by the sampling thread only, read by anyone.
    private volatile long samples;
    private volatile long threadSamples;
    private volatile long errors;
    private volatile long lateTicks;
    private volatile long ticks;
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile long loopCpuNanos;
    // Paused time, kept by pause() and resume() (under the lock): the pauses that ended, and when the current began.
    private volatile long pausedBefore;
    private volatile long pausedSince;
    private volatile long targetCpuMicros;
    private volatile long unheldThreads;
    private volatile long cutStacks;
    private volatile long cutNames;
    private int markerCut = -1;
    private int markerId;
    /** Set when the target replaced its program (exec): the recording ended as if it had exited. */
    private volatile ExecWatch.Image replacedBy;
    private volatile long replacedAt;
    /** Errors before the current run of failing ticks: reads of a program replaced meanwhile are not errors. */
    private long errorsBeforeFailing;
    /** Set when this sampler runs its own loop; null when a {@link ProcessFollower} drives its ticks. */
    private ExecWatch execWatch;
    private long execCheckedAt = -1_000_000_000L;
    private static final long EXEC_CHECK_ANYWAY_NANOS = 1_000_000_000L;
    private Map<Long, String> names = Map.of();
    private int namesGeneration;
    private long namesReadAt = -NAMES_EVERY_NANOS;

    Sampler(PythonTarget target, SamplerOptions options, SampleSink sink) {
        this.pid = target.pid();
        this.target = target;
        this.options = options;
        this.recording = sink;
        this.sink = sink;
        // Held threads (ptrace) do not carry over an exec: such a recording ends there.
        this.following = options.followExecs() && !options.holdsThreads() ? new ExecFollower(pid, sink) : null;
    }

    /** Starts sampling on a new thread. */
    public synchronized void start() {
        if (thread != null) throw new IllegalStateException("already started");
        thread = new Thread(this::run, "pyrometer-sampler-" + pid);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /** Stops taking samples until {@link #resume()}; the target is not held still meanwhile. */
    public synchronized void pause() {
        if (paused) return;
        pausedSince = System.nanoTime();
        paused = true;
    }

    /** Takes samples again after {@link #pause()}, on a schedule that starts afresh. */
    public synchronized void resume() {
        if (!paused) return;
        pausedBefore += System.nanoTime() - pausedSince;
        paused = false;
        LockSupport.unpark(thread);
    }

    /** Whether {@link #pause()} is in effect. */
    public boolean paused() {
        return paused;
    }

    /**
     * Stops sampling and waits for the loop to finish (its last metadata written), for at most
     * {@link #STOP_PATIENCE}: a tick is bounded (with {@code --blocking}, a thread that will not stop is not waited
     * for), so the loop ends long before; {@link Outcome#RUNNING} says it did not, and no caller waits for good.
     */
    public Outcome stop() {
        stopRequested = true;
        if (thread != null) LockSupport.unpark(thread);
        try {
            return thread == null ? outcome : awaitEnd(STOP_PATIENCE.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome;
        }
    }

    /** Waits until the recording ends (stopped, duration elapsed, target exited or failed). */
    public Outcome awaitEnd() {
        try {
            if (thread != null) ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcome;
    }

    /** Waits at most {@code timeout}; returns {@link Outcome#RUNNING} if it has not ended by then. */
    public Outcome awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        ended.await(timeout, unit);
        return outcome;
    }

    /** How the recording ended so far: {@link Outcome#RUNNING} until it has. */
    public Outcome outcome() {
        return outcome;
    }

    /** Why the loop failed, when {@link #outcome()} is {@link Outcome#FAILED}. */
    public Throwable failure() {
        return failure;
    }

    /** The counters so far (any thread, any time; final once the recording ended). */
    public synchronized SamplerStats stats() {
        long start = startNanos;
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        long elapsed = start == 0 ? 0 : end - start;
        long pausedNanos = pausedBefore + (paused ? end - Math.max(pausedSince, start) : 0);
        return new SamplerStats(samples, threadSamples, errors, lateTicks, ticks, elapsed, loopCpuNanos,
            targetCpuMicros, Math.clamp(pausedNanos, 0, elapsed), unheldThreads, cutStacks, cutNames);
    }

    /** Thread stacks recorded so far, and stacks dropped: for a {@link ProcessFollower} that drives this sampler. */
    long threadSamples() { return threadSamples; }
    long errors() { return errors; }
    long samples() { return samples; }
    long targetCpuMicrosNow() { return targetCpuMicros; }

    private void run() {
        TargetReader reader = null;
        ThreadSlots slots = null;
        KeptOpenFile statm = null;
        try (PreciseSleep sleep = new PreciseSleep();
             ThreadPauser pauser = options.holdsThreads() ? ThreadPauser.seize(pid) : null;
             NativeStacks nativeStacks = options.nativeFrames()
                 ? new NativeStacks(pid, sink, options.showPlumbing()) : null) {
            natives = nativeStacks;
            Libc.preciseTimers();
            execWatch = new ExecWatch(pid, target.image());
            reader = target.newReader();
            slots = new ThreadSlots(pid, Libc.clockTicksPerSecond());
            statm = openStatm();
            SamplerMetadata.writeStart(sink, target, options);
            // The roots are the first program's (as with --subprocesses: the first Python process's facts).
            RootsProbe roots = SamplerMetadata.writeRoots(sink, target, reader);
            long start = System.nanoTime();
            startNanos = start;
            Schedule schedule = new Schedule(options.rateHz(), start);
            long deadline = options.duration() == null ? Long.MAX_VALUE : start + options.duration().toNanos();
            StackWalk walk = new StackWalk();
            long pageSize = Libc.pageSize();
            while (!stopRequested) {
                if (paused) {
                    waitWhilePaused(pauser);
                    schedule.restart(System.nanoTime());
                    continue;
                }
                long now = sleepUntil(Math.min(schedule.due(), deadline), sleep, pauser);
                if (stopRequested || paused) continue;
                if (now >= deadline) {
                    outcome = Outcome.DURATION_ELAPSED;
                    break;
                }
                if (schedule.late(now)) lateTicks++;
                if (reader == null) {
                    // Between two programs of a target followed through its execs: nothing to read until the new
                    // one runs a CPython (one that is not Python is watched until it ends or execs again).
                    PythonTarget next = following.poll(now - start);
                    if (following.ended()) {
                        outcome = Outcome.TARGET_EXITED;
                        break;
                    }
                    schedule.advance(now);
                    if (next == null) continue;
                    readNext(next);
                    reader = next.newReader();
                    slots = new ThreadSlots(pid, Libc.clockTicksPerSecond());
                    statm = openStatm();
                    continue; // read from the next tick on, on the schedule
                }
                if (roots != null) roots.poll(reader, now - start);
                if (!tick(reader, slots, statm, pauser, walk, now - start, pageSize)) {
                    if (replacedBy == null || following == null) {
                        outcome = Outcome.TARGET_EXITED;
                        break;
                    }
                    // Followed: what was read of the old program closes, its entry ends, the next one is awaited.
                    following.replaced(target, replacedBy, now - start);
                    replacedBy = null;
                    roots = null;
                    reader.close();
                    slots.close();
                    if (statm != null) statm.close();
                    reader = null;
                    slots = null;
                    statm = null;
                }
                schedule.advance(now);
                if ((ticks & 63) == 0) loopCpuNanos = sleep.threadCpuNanos();
            }
            if (outcome == Outcome.RUNNING) outcome = Outcome.STOPPED;
            loopCpuNanos = sleep.threadCpuNanos(); // this thread's own clock: its setup counts too
        } catch (RuntimeException | Error e) {
            failure = e;
            outcome = Outcome.FAILED;
        } finally {
            try {
                endNanos = System.nanoTime();
                if (reader != null) reader.close();
                if (slots != null) slots.close();
                if (statm != null) statm.close();
                if (owned != null) owned.close();
                if (following != null) following.finish(endNanos - startNanos, outcome == Outcome.TARGET_EXITED);
                writeEndMetadata();
            } finally {
                ended.countDown(); // whatever happened: awaitEnd and stop must never wait for good
            }
        }
    }

    /** Reads {@code next} from now on: the program the followed target exec'd, attached by {@link #following}. */
    private void readNext(PythonTarget next) {
        if (owned != null) owned.close();
        owned = next;
        target = next;
        sink = following.sink();
        execWatch = new ExecWatch(pid, next.image());
        names = Map.of();
        namesReadAt = -NAMES_EVERY_NANOS;
    }

    private KeptOpenFile openStatm() {
        return KeptOpenFile.open("/proc/" + pid + "/statm", 256);
    }

    /**
     * Waits for a resume or stop. With a pauser the target stays traced meanwhile, so it still wakes every millisecond
     * to let go any thread that stopped for a signal or a new thread: parked for good, it would hold them stopped.
     */
    private void waitWhilePaused(ThreadPauser pauser) {
        while (paused && !stopRequested) {
            if (pauser == null) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, SIGNAL_HOLD_NANOS);
                pauser.passSignals();
            }
        }
    }

    /**
     * Waits until {@code due} (or a stop or pause); returns the time it woke. With a pauser, wakes after 1, 2, then
     * every 4 ms (every 1 ms again once a thread stopped) to let go any thread that stopped for a signal meanwhile.
     */
    private long sleepUntil(long due, PreciseSleep sleep, ThreadPauser pauser) {
        long now = System.nanoTime();
        while (now < due && !stopRequested && !paused) {
            if (pauser != null) {
                sleep.until(Math.min(due, now + signalHold));
                signalHold = pauser.passSignals() ? SIGNAL_HOLD_NANOS : Math.min(2 * signalHold, SIGNAL_HOLD_MAX_NANOS);
            } else if (due - now > PARK_ABOVE_NANOS) {
                LockSupport.parkNanos(this, due - now - PARK_ABOVE_NANOS / 2);
            } else {
                sleep.until(due);
            }
            now = System.nanoTime();
        }
        return now;
    }

    /** One tick; false when the target has exited. (A {@link ProcessFollower} drives it for each process it follows.) */
    boolean tick(TargetReader reader, ThreadSlots slots, KeptOpenFile statm, ThreadPauser pauser,
                         StackWalk walk, long time, long pageSize) {
        long tick = ++ticks;
        slots.readAll();
        if (statm != null) {
            // Every tick, just before the stacks: the model gives each change to the stacks of the tick after it.
            int n = statm.reread();
            if (n < 0 && statm.lastError() == Libc.ESRCH) return false;
            long pages = n > 0 ? Statm.residentPages(statm.bytes(), n) : 0;
            // All zeros once an exiting target's memory is torn down (and while it is a zombie): no live size.
            if (pages > 0) sink.memory(time, pages * pageSize);
        }
        if (pauser != null) {
            // Every traced thread gets its slot, and so its scheduler state, before it is held: a thread first met
            // while held would read as stopped ('t'), never running. (Kept while traced, Python's or not.)
            for (int i = 0; i < pauser.threads(); i++) slots.slot(pauser.tid(i), tick);
            pauser.pause();
            // A thread in an uninterruptible wait runs on through this tick: read as without --blocking, counted.
            if (pauser.notStopped() > 0) unheldThreads += pauser.notStopped();
        }
        if (natives != null) natives.beginTick();
        try {
            return readThreads(reader, slots, walk, tick, time);
        } finally {
            if (pauser != null) {
                pauser.resume();
                signalHold = SIGNAL_HOLD_NANOS;
            }
        }
    }

    /** Reads and emits every thread's stack; false when the target has exited. */
    private boolean readThreads(TargetReader reader, ThreadSlots slots, StackWalk walk, long tick, long time) {
        if (time - namesReadAt >= NAMES_EVERY_NANOS
            || (slots.takeAdded() && time - namesReadAt >= NAMES_AT_MOST_EVERY_NANOS)) {
            readNames(reader, time);
        }
        reader.beginTick();
        // An exec into the same non-PIE executable (Debian's static python3) maps the new interpreter where the old
        // one was, so reads go on succeeding: look when the main thread's stack start moved (read with its state
        // anyway), and once a second even then (a readlink and the maps file).
        // (Ticked by a ProcessFollower, the sampler has no watch: the follower takes the sign, FollowedProcess.execed.)
        if (execWatch != null && slots.stackMoved() && replacedNow(time)) return false;
        if (time - execCheckedAt >= EXEC_CHECK_ANYWAY_NANOS && replaced(time)) return false;
        if (!reader.refresh()) {
            if (gone(reader) || replaced(time)) return false;
            errors++;
            return true;
        }
        long errorsBefore = errors;
        errorsBeforeFailing = errors;
        boolean any = false;
        boolean wholeList = true;
        int threads = 0;
        for (long t = reader.firstThread(); t != 0 && threads < 4096; t = reader.nextThread(), threads++) {
            if (!reader.readThread(t)) {
                if (gone(reader) || replaced(time)) return false;
                errors++;
                wholeList = false;
                break; // the list itself is torn: try again next tick
            }
            if (reader.starting()) continue; // a thread state still being set up: not a thread yet
            int slot = slots.slot(reader.osThreadId(), tick);
            if (slots.stateUnknown(slot)) {
                errors++; // its stat file could not be read (too many open files): no sample, rather than "idle"
                continue;
            }
            if (slots.nameGeneration(slot) != namesGeneration) name(slots, slot, reader.pythonThreadId());
            if (!reader.walk(walk) && (gone(reader) || !reader.rewalk(walk))) {
                if (gone(reader)) return false;
                errors++; // torn twice: dropped, never guessed
                continue;
            }
            if (walk.depth == 0) continue;
            emit(reader, slots, slot, walk, time);
            any = true;
        }
        if (errors != errorsBefore && replaced(time)) return false;
        // Only a list read to its end tells which threads ended; the ones after a torn link are merely unread.
        if (wholeList) slots.sweep(tick);
        targetCpuMicros = slots.targetCpuMicros();
        if (reader.codes().cutNames() != cutNames) cutNames = reader.codes().cutNames();
        if (any) samples++;
        return true;
    }

    /**
     * Reads the threads' Python names (a few dicts: now and then, not per sample). Between two reads a thread's
     * name is looked up once, so a tick allocates nothing for it.
     */
    private void readNames(TargetReader reader, long time) {
        namesReadAt = time;
        Map<Long, String> read = reader.threadNames();
        if (read == null) return; // unreadable this time, or a version whose layout cannot tell: keep the last
        names = read;
        namesGeneration++;
    }

    /** Looks the slot's thread up in the current names; tells the sink when a known thread's name changed. */
    private void name(ThreadSlots slots, int slot, long ident) {
        String name = names.get(ident);
        if (name != null && !name.equals(slots.name(slot)) && slots.sinkIndex(slot) >= 0) {
            sink.thread(slots.tid(slot), name);
        }
        slots.name(slot, name != null ? name : slots.name(slot), namesGeneration);
    }

    private void emit(TargetReader reader, ThreadSlots slots, int slot, StackWalk walk, long time) {
        int index = slots.sinkIndex(slot);
        if (index < 0) {
            index = sink.thread(reader.osThreadId(), slots.name(slot));
            slots.sinkIndex(slot, index);
            if (following != null) following.registered(index);
        }
        int marker = walk.cut > 0 ? 1 : 0; // a stack cut short: its innermost frame stands for the frames left out
        if (marker > 0) {
            frameIds[0] = cutMarker(walk.cut);
            cutStacks++;
        }
        for (int i = 0; i < walk.depth; i++) {
            CodeInfo code = walk.codes[i];
            int line = Math.max(walk.lines[i], 0);
            int id = code.frameId(line);
            if (id < 0) {
                id = sink.frame(code.file(), code.function(), line, code.firstLine());
                code.cacheFrameId(line, id);
            }
            frameIds[i + marker] = id;
        }
        int user = slots.userMicrosSinceSample(slot);
        int system = slots.systemMicrosSinceSample(slot);
        slots.sampled(slot);
        int state = 0;
        if (slots.running(slot)) {
            state |= SampleState.RUNNING;
            if (system > user) state |= SampleState.SYSTEM;
            if (walk.inCall) state |= SampleState.NATIVE;
        }
        if (reader.holdsGil()) state |= SampleState.GIL;
        if (natives != null && marker == 0) {
            int depth = natives.merge((int) reader.osThreadId(), frameIds, walk.entries, walk.depth, merged);
            sink.sample(time, index, merged, depth, state, user, system);
        } else {
            // A stack cut short has lost its innermost frames, where the C frames would join: it keeps its marker.
            sink.sample(time, index, frameIds, walk.depth + marker, state, user, system);
        }
        threadSamples++;
    }

    /** The sink's frame for a {@link CutMarkers} of {@code cut} frames (a recursion keeps its depth: one lookup). */
    private int cutMarker(int cut) {
        if (cut != markerCut) {
            markerId = sink.frame("", CutMarkers.name(cut), 0, 0);
            markerCut = cut;
        }
        return markerId;
    }

    /**
     * Whether the target replaced its program (exec) since it was attached, looked at most every 100 ms while reads
     * fail: then nothing the sampler knows of it holds, and the recording ends as if it had exited.
     */
    private boolean replaced(long time) {
        // Ticked by a ProcessFollower, which looks for execs itself and attaches afresh (FollowedProcess.execed).
        if (execWatch == null) return false;
        if (time - execCheckedAt < 100_000_000) return false;
        return replacedNow(time);
    }

    /** {@link #replaced} without its spacing: a sign of an exec was seen. */
    private boolean replacedNow(long time) {
        if (execWatch == null) return false;
        execCheckedAt = time;
        ExecWatch.Image now = execWatch.replacedBy();
        if (now == null) return false;
        // The ticks that failed since the exec read a program that was gone: not stacks read inconsistently.
        errors = errorsBeforeFailing;
        replacedAt = time;
        replacedBy = now;
        return true;
    }

    /** The executable the target exec'd into, which ended the recording; null if it did not. */
    @Override
    public String replacedBy() {
        ExecWatch.Image image = replacedBy;
        return image == null ? null : image.path();
    }

    @Override
    public List<TargetExec> execs() {
        if (following != null) return following.execs();
        ExecWatch.Image image = replacedBy;
        return image == null ? List.of() : List.of(new TargetExec(replacedAt, image.path(), null, false));
    }

    private boolean gone(TargetReader reader) {
        return reader.lastError() == Libc.ESRCH;
    }

    private void writeEndMetadata() {
        try {
            SamplerMetadata.writeEnd(recording, stats(), outcome);
        } catch (RuntimeException e) {
            if (failure == null) failure = e;
        }
    }
}
