package dev.pyrometer.sampler;

import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.SampleSink;
import dev.pyrometer.sampler.errors.SamplerErrors;
import dev.pyrometer.sampler.memory.Libc;
import dev.pyrometer.sampler.memory.PreciseSleep;
import dev.pyrometer.sampler.proc.ProcFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Records a process and every Python process descended from it, on one thread: each tick looks for new descendants
 * ({@link DescendantFinder}: every tick where the kernel lists children, else a {@code /proc} scan every
 * {@value #SCAN_EVERY_MILLIS} ms), attaches to the new ones that run CPython, and reads each followed process as a
 * lone {@link Sampler} would (its tick, driven from here), so one wake-up serves them all.
 *
 * <p>A {@code fork()} that did not exec is read with its parent's layout and addresses, without reading the
 * interpreter's ELF file again. A descendant that is not Python (a shell between two Pythons) is not attached, but
 * its children are found; it is looked at again when it execs, and for its first {@value #NOT_PYTHON_PATIENCE_MILLIS}
 * ms (a dynamically linked Python maps libpython a moment after exec). A process that ends is let go, its samples
 * kept, its end recorded; its pid, should the kernel reuse it, is another process (start times tell). A process that
 * execs is two entries: the old program's ends when the exec is seen, and the new one, when Python, is attached afresh
 * as a new entry with the same pid and a later start. The recording ends when the root has exited and no followed
 * process is left, or as a {@link Sampler} does.
 */
public final class ProcessFollower implements SamplingLoop {
    static final long SCAN_EVERY_MILLIS = 20;
    private static final long NOT_PYTHON_PATIENCE_MILLIS = 2_000;
    private static final long PARK_ABOVE_NANOS = 20_000_000;
    private static final long FIRST_RETRY_NANOS = 1_000_000;
    /**
     * A new copy of a followed process is left alone this long: most forks exec at once (subprocess does), and one
     * caught before its exec (or during a vfork, sharing its parent's memory) would be recorded as a second copy of
     * its parent.
     */
    private static final long FORK_GRACE_NANOS = 50_000_000;
    private static final long LAST_RETRY_NANOS = 50_000_000;

    private final int rootPid;
    private final PythonTarget rootTarget;
    private final SamplerOptions options;
    private final SampleSink sink;
    private final Duration patience;
    private final boolean childrenFiles;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final List<FollowedProcess> live = new ArrayList<>();
    private final Map<Integer, Candidate> pending = new LinkedHashMap<>();
    private volatile Thread thread;
    private volatile boolean stopRequested;
    private volatile boolean paused;
    private volatile Sampler.Outcome outcome = Sampler.Outcome.RUNNING;
    private volatile Throwable failure;

    private volatile long samples;
    private volatile long lateTicks;
    private volatile long ticks;
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile long loopCpuNanos;
    private volatile long pausedBefore;
    private volatile long pausedSince;
    private volatile int processes;
    private long rootStartTicks;
    private volatile long processSamples;
    // Counters of the processes that ended (their samplers are gone); the live ones are summed on demand.
    private long endedThreadSamples;
    private long endedErrors;
    private long endedTargetCpu;
    private volatile long liveThreadSamples;
    private volatile long liveErrors;
    private volatile long targetCpuMicros;
    private boolean primaryFound;
    private DescendantFinder finder;
    /** The root's execs (a descendant's are its own business: most children exec right after their fork). */
    private volatile List<TargetExec> rootExecs = List.of();

    /** A descendant not (yet) attached. */
    private static final class Candidate {
        final int pid;
        final int parentPid;
        final long startTicks;
        long firstSeen;
        /** Found by the first look, when the recording started: running already, no fork in progress. */
        boolean atStart;
        long nextTry;
        long delay = FIRST_RETRY_NANOS;
        String notPythonExe;
        /** The root, waited for since it exec'd: its exec's entry gets the Python version it is attached with. */
        boolean rootExec;

        Candidate(int pid, int parentPid, long startTicks, long firstSeen) {
            this.pid = pid;
            this.parentPid = parentPid;
            this.startTicks = startTicks;
            this.firstSeen = firstSeen;
        }
    }

    /**
     * @param rootPid    the process whose descendants are followed (Python or not)
     * @param rootTarget the root, already attached when it is Python (the follower closes it), else null
     * @param patience   how long to wait for a first Python process among them before failing
     */
    public ProcessFollower(int rootPid, PythonTarget rootTarget, SamplerOptions options, SampleSink sink,
                           Duration patience) {
        this(rootPid, rootTarget, options, sink, patience, DescendantFinder.kernelListsChildren());
    }

    ProcessFollower(int rootPid, PythonTarget rootTarget, SamplerOptions options, SampleSink sink, Duration patience,
                    boolean childrenFiles) {
        if (options.blocking()) throw new IllegalArgumentException("blocking sampling follows one process only");
        this.rootPid = rootPid;
        this.rootTarget = rootTarget;
        this.options = options;
        this.sink = sink;
        this.patience = patience;
        this.childrenFiles = childrenFiles;
    }

    @Override
    public synchronized void start() {
        if (thread != null) throw new IllegalStateException("already started");
        thread = new Thread(this::run, "pyrometer-sampler-" + rootPid + "-and-children");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    @Override
    public synchronized void pause() {
        if (paused) return;
        pausedSince = System.nanoTime();
        paused = true;
    }

    @Override
    public synchronized void resume() {
        if (!paused) return;
        pausedBefore += System.nanoTime() - pausedSince;
        paused = false;
        LockSupport.unpark(thread);
    }

    @Override
    public boolean paused() {
        return paused;
    }

    @Override
    public Sampler.Outcome stop() {
        stopRequested = true;
        if (thread != null) LockSupport.unpark(thread);
        try {
            return thread == null ? outcome : awaitEnd(Sampler.STOP_PATIENCE.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome;
        }
    }

    @Override
    public Sampler.Outcome awaitEnd() {
        try {
            if (thread != null) ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcome;
    }

    @Override
    public Sampler.Outcome awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        ended.await(timeout, unit);
        return outcome;
    }

    @Override
    public Sampler.Outcome outcome() {
        return outcome;
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    /** Processes recorded so far (attached to, ended ones included). */
    @Override
    public int processes() {
        return processes;
    }

    /** Samples summed over processes: each tick counts once per process it read a stack of. */
    public long processSamples() {
        return processSamples;
    }

    /** Sampling CPU per process sample, µs: the cost of reading one process once. */
    public double cpuPerProcessSampleMicros() {
        long n = processSamples;
        return n == 0 ? 0 : loopCpuNanos / 1e3 / n;
    }

    @Override
    public synchronized SamplerStats stats() {
        long start = startNanos;
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        long elapsed = start == 0 ? 0 : end - start;
        long pausedNanos = pausedBefore + (paused ? end - Math.max(pausedSince, start) : 0);
        return new SamplerStats(samples, liveThreadSamples, liveErrors, lateTicks, ticks, elapsed, loopCpuNanos,
            targetCpuMicros, Math.clamp(pausedNanos, 0, elapsed), 0);
    }

    private void run() {
        try (PreciseSleep sleep = new PreciseSleep()) {
            Libc.preciseTimers();
            long start = System.nanoTime();
            startNanos = start;
            sink.metadata(MetadataKeys.SUBPROCESSES, "true");
            finder = new DescendantFinder(rootPid, childrenFiles);
            long rootStart = DescendantFinder.startTicks(rootPid);
            rootStartTicks = rootStart;
            long[] rootStat = DescendantFinder.stat(rootPid);
            Candidate root = new Candidate(rootPid, rootStat == null ? 0 : (int) rootStat[0], rootStart, start);
            if (rootTarget != null) follow(rootTarget, root, 0);
            else pending.put(rootPid, root);
            Schedule schedule = new Schedule(options.rateHz(), start);
            long deadline = options.duration() == null ? Long.MAX_VALUE : start + options.duration().toNanos();
            long patienceEnd = start + patience.toNanos();
            long scanEvery = childrenFiles ? 0 : SCAN_EVERY_MILLIS * 1_000_000;
            long lastScan = 0;
            boolean scanned = false;
            long pageSize = Libc.pageSize();
            while (!stopRequested) {
                if (paused) {
                    while (paused && !stopRequested) LockSupport.park(this);
                    schedule.restart(System.nanoTime());
                    continue;
                }
                long now = sleepUntil(Math.min(schedule.due(), deadline), sleep);
                if (stopRequested || paused) continue;
                if (now >= deadline) {
                    outcome = Sampler.Outcome.DURATION_ELAPSED;
                    break;
                }
                ticks++;
                if (schedule.late(now)) lateTicks++;
                long time = now - start;
                if (!scanned || now - lastScan >= scanEvery) {
                    boolean first = !scanned;
                    scanned = true;
                    for (DescendantFinder.Found f : finder.poll(now)) {
                        Candidate c = new Candidate(f.pid(), f.parentPid(), f.startTicks(), now);
                        c.atStart = first;
                        pending.putIfAbsent(f.pid(), c);
                    }
                    lastScan = now;
                }
                if (!pending.isEmpty()) tryPending(finder, now, time);
                tickAll(time, pageSize, finder, now);
                if (live.isEmpty() && !alive(rootPid, rootStart)) {
                    outcome = Sampler.Outcome.TARGET_EXITED;
                    break;
                }
                if (!primaryFound && now > patienceEnd) {
                    throw SamplerErrors.noInterpreter(rootPid, "no Python process started among it and its"
                        + " descendants within " + patience.toSeconds() + " s");
                }
                schedule.advance(now);
                if ((ticks & 63) == 0) loopCpuNanos = sleep.threadCpuNanos();
            }
            if (outcome == Sampler.Outcome.RUNNING) outcome = Sampler.Outcome.STOPPED;
            loopCpuNanos = sleep.threadCpuNanos();
        } catch (RuntimeException | Error e) {
            failure = e;
            outcome = Sampler.Outcome.FAILED;
        } finally {
            try {
                endNanos = System.nanoTime();
                long time = endNanos - startNanos;
                for (FollowedProcess p : live) p.close(); // still running: no end time, as in the process table
                if (finder != null) finder.close();
                live.clear();
                if (rootTarget != null && !primaryFound) rootTarget.close();
                writeEndMetadata(time);
            } finally {
                ended.countDown();
            }
        }
    }

    private void tickAll(long time, long pageSize, DescendantFinder finder, long now) {
        long before = endedThreadSamples;
        long threadSamplesNow = 0;
        long errorsNow = 0;
        long cpu = 0;
        long sampledProcesses = 0;
        for (Iterator<FollowedProcess> it = live.iterator(); it.hasNext(); ) {
            FollowedProcess p = it.next();
            long had = p.sampler.threadSamples();
            boolean alive = p.tick(time, pageSize);
            if (p.sampler.threadSamples() > had) sampledProcesses++;
            if (!alive || p.execed(time)) {
                it.remove();
                end(p, time);
                // A process that exec'd is attached afresh, as what it now runs.
                boolean root = p.pid() == rootPid && p.startTicks == rootStartTicks;
                if (alive && (root || finder.isMember(p.pid(), p.startTicks))) {
                    Candidate c = new Candidate(p.pid(), parentPid(p.pid()), p.startTicks, now);
                    if (root) {
                        c.rootExec = true;
                        addRootExec(new TargetExec(time, ProcFiles.executable(rootPid), null, true));
                    }
                    pending.put(p.pid(), c);
                }
                continue;
            }
            threadSamplesNow += p.sampler.threadSamples();
            errorsNow += p.sampler.errors();
        }
        if (sampledProcesses > 0) samples++;
        processSamples += sampledProcesses;
        liveThreadSamples = endedThreadSamples + threadSamplesNow;
        liveErrors = endedErrors + errorsNow;
        if ((ticks & 15) == 0 || before != endedThreadSamples) {
            for (FollowedProcess p : live) cpu += p.sampler.targetCpuMicrosNow();
            targetCpuMicros = endedTargetCpu + cpu;
        }
    }

    private void end(FollowedProcess p, long time) {
        endedThreadSamples += p.sampler.threadSamples();
        endedErrors += p.sampler.errors();
        endedTargetCpu += p.sampler.targetCpuMicrosNow();
        sink.processEnded(p.index, time);
        p.close();
    }

    private void tryPending(DescendantFinder finder, long now, long time) {
        for (Iterator<Candidate> it = pending.values().iterator(); it.hasNext(); ) {
            Candidate c = it.next();
            if (c.nextTry > now) continue;
            if (c.pid != rootPid && !finder.isMember(c.pid, c.startTicks) || !alive(c.pid, c.startTicks)) {
                it.remove();
                continue;
            }
            String exe = ProcFiles.executable(c.pid);
            if (c.notPythonExe != null && exe != null && !c.notPythonExe.equals(exe)) {
                // It exec'd since it was found not Python: the new program gets its own patience (a dynamically
                // linked Python maps libpython a moment after its exec).
                c.notPythonExe = null;
                c.firstSeen = now;
                c.delay = FIRST_RETRY_NANOS;
                if (c.pid == rootPid) {
                    c.rootExec = true;
                    addRootExec(new TargetExec(time, exe, null, true));
                }
            }
            if (c.notPythonExe != null && c.notPythonExe.equals(exe)
                && now - c.firstSeen > NOT_PYTHON_PATIENCE_MILLIS * 1_000_000) {
                c.nextTry = now + LAST_RETRY_NANOS; // looked at again only when it execs
                continue;
            }
            FollowedProcess parent = livePid(c.parentPid);
            if (parent != null && !c.atStart && now - c.firstSeen < FORK_GRACE_NANOS
                && Objects.equals(exe, parent.target.executable()) && stillForkCopy(c.pid)) {
                c.nextTry = c.firstSeen + FORK_GRACE_NANOS;
                continue;
            }
            try {
                PythonTarget target = attach(c, exe);
                it.remove();
                follow(target, c, time);
            } catch (PyrometerException e) {
                switch (e.exitCode()) {
                    case SamplerErrors.NO_SUCH_PROCESS, SamplerErrors.UNSUPPORTED_VERSION -> it.remove();
                    default -> {
                        if (e.exitCode() == SamplerErrors.NOT_PYTHON) c.notPythonExe = exe;
                        c.nextTry = now + c.delay;
                        c.delay = Math.min(c.delay * 2, LAST_RETRY_NANOS);
                    }
                }
            }
        }
    }

    /**
     * Whether the process has not exec'd since its fork (the kernel's flag): only such a copy waits out the grace;
     * one that already runs its own program, the same executable or not, is attached at once (a child that lives
     * 50 ms would otherwise be missed).
     */
    private static boolean stillForkCopy(int pid) {
        long[] stat = DescendantFinder.stat(pid);
        return stat == null || (stat[2] & DescendantFinder.FORK_NO_EXEC) != 0;
    }

    /** A fork of a followed process that did not exec is read with its parent's layout; anything else afresh. */
    private PythonTarget attach(Candidate c, String exe) {
        FollowedProcess parent = livePid(c.parentPid);
        if (parent != null && exe != null && Objects.equals(exe, parent.target.executable())) {
            PythonTarget forked = PythonTarget.attachForked(c.pid, parent.target, parent.binaryAt);
            if (forked != null) return forked;
        }
        return PythonTarget.attach(c.pid);
    }

    private void follow(PythonTarget target, Candidate c, long time) {
        if (c.rootExec && !rootExecs.isEmpty()) {
            List<TargetExec> execs = new ArrayList<>(rootExecs);
            execs.set(execs.size() - 1, execs.getLast().attached(target.version().toString()));
            rootExecs = List.copyOf(execs);
        }
        boolean primary = !primaryFound;
        FollowedProcess parent = livePid(c.parentPid);
        ProcessInfo info = new ProcessInfo(target.pid(), c.parentPid, parent == null ? -1 : parent.index,
            String.join(" ", target.commandLine()), target.version().toString(), time / 1000, ProcessInfo.RUNNING);
        int index = sink.process(info);
        ProcessSink processSink = new ProcessSink(sink, index, primary);
        Sampler sampler = target.sampler(options, processSink);
        if (primary) SamplerMetadata.writeStart(processSink, target, options);
        primaryFound = true;
        long[] stat = DescendantFinder.stat(target.pid());
        boolean forkCopy = stat != null && (stat[2] & DescendantFinder.FORK_NO_EXEC) != 0;
        live.add(new FollowedProcess(target, index, c.startTicks, sampler, primary, processSink, forkCopy));
        processes++;
    }

    private void addRootExec(TargetExec exec) {
        List<TargetExec> execs = new ArrayList<>(rootExecs);
        execs.add(exec);
        rootExecs = List.copyOf(execs);
    }

    @Override
    public List<TargetExec> execs() {
        return rootExecs;
    }

    private FollowedProcess livePid(int pid) {
        for (FollowedProcess p : live) if (p.pid() == pid) return p;
        return null;
    }

    private static int parentPid(int pid) {
        long[] stat = DescendantFinder.stat(pid);
        return stat == null ? 0 : (int) stat[0];
    }

    /** Running, and the same process (not a reuse of its pid); a zombie has ended. */
    private static boolean alive(int pid, long startTicks) {
        char state = ProcFiles.state(pid);
        return state != 0 && state != 'Z' && state != 'X' && DescendantFinder.startTicks(pid) == startTicks;
    }

    private long sleepUntil(long due, PreciseSleep sleep) {
        long now = System.nanoTime();
        while (now < due && !stopRequested && !paused) {
            if (due - now > PARK_ABOVE_NANOS) LockSupport.parkNanos(this, due - now - PARK_ABOVE_NANOS / 2);
            else sleep.until(due);
            now = System.nanoTime();
        }
        return now;
    }

    private void writeEndMetadata(long time) {
        try {
            SamplerMetadata.writeEnd(sink, stats(), outcome);
            sink.metadata(MetadataKeys.PROCESSES, Integer.toString(processes));
        } catch (RuntimeException e) {
            if (failure == null) failure = e;
        }
    }
}
