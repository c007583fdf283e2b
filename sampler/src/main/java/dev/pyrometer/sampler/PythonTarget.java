package dev.pyrometer.sampler;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleSink;
import dev.pyrometer.sampler.errors.SamplerErrors;
import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.memory.Libc;
import dev.pyrometer.sampler.memory.RemoteMemory;
import dev.pyrometer.sampler.pause.ThreadPauser;
import dev.pyrometer.sampler.proc.ProcFiles;
import dev.pyrometer.sampler.target.Attacher;
import dev.pyrometer.sampler.target.PythonBinary;
import dev.pyrometer.sampler.version.PythonVersion;
import dev.pyrometer.sampler.unwind.NativeStacks;
import dev.pyrometer.sampler.walk.StackWalk;
import dev.pyrometer.sampler.walk.TargetReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * A live CPython process we can read: made by {@link #attach(int)}, it takes snapshots of every thread's stack
 * ({@link #snapshot()}, {@link #pausedSnapshot()}) and makes {@link Sampler}s that record into a {@link SampleSink}.
 */
public final class PythonTarget implements AutoCloseable {
    private final int pid;
    private final PythonBinary binary;
    private final Layout layout;
    private final long interp;
    private final int pthreadTidOffset;
    private final List<String> commandLine;
    private final String executable;
    private final RemoteMemory memory;
    private final TargetReader reader;
    /** What the process ran just before it was attached to: an exec after that is seen ({@link ExecWatch}). */
    private final ExecWatch.Image image;

    PythonTarget(int pid, PythonBinary binary, Layout layout, long interp, int pthreadTidOffset, RemoteMemory memory,
                 ExecWatch.Image image) {
        this.pid = pid;
        this.image = image;
        this.binary = binary;
        this.layout = layout;
        this.interp = interp;
        this.pthreadTidOffset = pthreadTidOffset;
        this.memory = memory;
        this.commandLine = ProcFiles.commandLine(pid);
        this.executable = ProcFiles.executable(pid);
        this.reader = newReader(memory);
    }

    /**
     * Attaches to a running process: finds its interpreter, checks its version and our right to read it.
     *
     * @throws dev.pyrometer.model.PyrometerException with a message for the user (see {@link SamplerErrors})
     */
    public static PythonTarget attach(int pid) {
        ExecWatch.Image image = pid > 0 ? ExecWatch.image(pid) : null;
        Attacher.Result r = Attacher.attach(pid);
        try {
            return new PythonTarget(pid, r.binary(), r.layout(), r.interp(), r.pthreadTidOffset(), r.memory(), image);
        } catch (RuntimeException e) {
            r.memory().close(); // its native buffer is ours until the target owns it
            throw e;
        }
    }

    /**
     * Attaches to a {@code fork()} of {@code parent} that did not exec, reusing the parent's layout and addresses;
     * null when the child does not map the interpreter where the parent does (it exec'd, attach it afresh).
     */
    static PythonTarget attachForked(int pid, PythonTarget parent, long parentMapsBinaryAt) {
        ExecWatch.Image image = ExecWatch.image(pid);
        Attacher.Result r = Attacher.attachForked(pid, parent.binary, parentMapsBinaryAt, parent.layout,
            parent.pthreadTidOffset);
        if (r == null) return null;
        try {
            return new PythonTarget(pid, r.binary(), r.layout(), r.interp(), r.pthreadTidOffset(), r.memory(), image);
        } catch (RuntimeException e) {
            r.memory().close();
            throw e;
        }
    }

    public int pid() {
        return pid;
    }

    public PythonVersion version() {
        return binary.version();
    }

    /** The interpreter binary: libpython or the executable. */
    public PythonBinary binary() {
        return binary;
    }

    public String executable() {
        return executable;
    }

    public List<String> commandLine() {
        return commandLine;
    }

    /** What the process ran when it was attached to (null when unreadable): the baseline to tell an exec by. */
    ExecWatch.Image image() {
        return image;
    }

    /** The structure layout in use (for tests and diagnostics). */
    public Layout layout() {
        return layout;
    }

    /** Where the layout came from (a generated table or the target's own debug offsets). */
    public String layoutSource() {
        return layout.source;
    }

    TargetReader newReader(RemoteMemory memory) {
        return new TargetReader(memory, layout, binary, interp, pthreadTidOffset);
    }

    /** A fresh reader with its own buffer, for a sampler running on another thread. */
    TargetReader newReader() {
        return newReader(new RemoteMemory(pid, TargetReader.BUFFER_SIZE));
    }

    /**
     * Every thread's stack right now, the thread list's order (newest thread first). A thread whose stack
     * could not be read consistently is retried a few times, then listed without frames.
     *
     * @throws TargetExitedException if the process has exited
     */
    public synchronized List<ThreadStack> snapshot() {
        return snapshot(tid -> ThreadStates.running(pid, tid));
    }

    /**
     * Every thread's stack read while ptrace holds the whole process still: a consistent picture of a program that
     * changes fast, at the cost of a pause of a millisecond or so. Which threads run is read before the hold (held,
     * every thread reads as stopped). The process goes on as before afterwards, detached.
     *
     * @throws dev.pyrometer.model.PyrometerException if ptrace is not allowed or another tracer holds the process
     * @throws TargetExitedException if the process has exited
     */
    public synchronized List<ThreadStack> pausedSnapshot() {
        return pausedSnapshot(false, false);
    }

    /**
     * {@link #pausedSnapshot()}, with each thread's C frames merged in when {@code nativeFrames} (the interpreter's
     * own plumbing too when {@code showPlumbing}): {@code dump --native}.
     */
    public synchronized List<ThreadStack> pausedSnapshot(boolean nativeFrames, boolean showPlumbing) {
        Profile names = new Profile(); // interns the frames the merge works with
        try (ThreadPauser pauser = ThreadPauser.seize(pid);
             NativeStacks natives = nativeFrames ? new NativeStacks(pid, names, showPlumbing) : null) {
            Set<Long> running = new HashSet<>();
            for (int tid : ProcFiles.taskIds(pid)) if (ThreadStates.running(pid, tid)) running.add((long) tid);
            pauser.pause();
            try {
                return snapshot(running::contains, natives, names);
            } finally {
                pauser.resume();
            }
        }
    }

    private List<ThreadStack> snapshot(LongPredicate running) {
        return snapshot(running, null, null);
    }

    private List<ThreadStack> snapshot(LongPredicate running, NativeStacks natives, Profile interned) {
        List<ThreadStack> threads = new ArrayList<>();
        StackWalk walk = new StackWalk();
        for (int attempt = 0; ; attempt++) {
            threads.clear();
            if (readAll(threads, walk, running, natives, interned)) return threads;
            if (reader.lastError() == Libc.ESRCH || !ProcFiles.exists(pid)) throw new TargetExitedException(pid);
            if (attempt == 20) return threads;
        }
    }

    private boolean readAll(List<ThreadStack> threads, StackWalk walk, LongPredicate isRunning, NativeStacks natives,
                            Profile interned) {
        Map<Long, String> names = reader.threadNames();
        if (!reader.refresh()) return false;
        int count = 0;
        for (long t = reader.firstThread(); t != 0 && count < 4096; t = reader.nextThread(), count++) {
            if (!reader.readThread(t)) return false;
            if (reader.starting()) continue; // a thread state still being set up: not a thread yet
            long tid = reader.osThreadId();
            boolean running = isRunning.test(tid);
            long ident = reader.pythonThreadId();
            boolean gil = reader.holdsGil();
            if (!reader.walk(walk)) return false;
            List<StackFrame> frames = new ArrayList<>(walk.depth + 1);
            if (walk.cut > 0) frames.add(new StackFrame(CutMarkers.name(walk.cut), CutMarkers.name(walk.cut), "", 0, 0));
            for (int i = 0; i < walk.depth; i++) {
                var code = walk.codes[i];
                frames.add(new StackFrame(code.function(), code.shortName(), code.file(), Math.max(walk.lines[i], 0),
                    code.firstLine()));
            }
            if (natives != null) frames = withNative(frames, walk, (int) tid, natives, interned);
            String name = names == null ? null : names.get(ident);
            threads.add(new ThreadStack(tid, ident, name, running, gil, running && walk.inCall, List.copyOf(frames)));
        }
        ThreadSetup.dropUnstarted(threads);
        return true;
    }

    /** The thread's Python frames merged with its C frames (see {@link NativeStacks#merge}). */
    private static List<StackFrame> withNative(List<StackFrame> python, StackWalk walk, int tid, NativeStacks natives,
                                               Profile names) {
        int[] ids = new int[python.size()];
        Map<Integer, StackFrame> byId = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            StackFrame f = python.get(i);
            ids[i] = names.frame(f.file(), f.function(), f.line(), f.firstLine());
            byId.put(ids[i], f);
        }
        int[] merged = new int[ids.length + NativeStacks.extraDepth()];
        int n = natives.merge(tid, ids, walk.entries, ids.length, merged);
        List<StackFrame> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StackFrame f = byId.get(merged[i]);
            if (f == null || names.isNative(merged[i])) {
                String function = names.functionName(merged[i]);
                f = new StackFrame(function, function, names.fileName(merged[i]), 0, 0, true);
            }
            out.add(f);
        }
        return out;
    }

    /** A sampler that records this process into {@code sink}; call {@link Sampler#start()} to begin. */
    public Sampler sampler(SamplerOptions options, SampleSink sink) {
        return new Sampler(this, options, sink);
    }

    @Override
    public synchronized void close() {
        reader.close();
    }
}
