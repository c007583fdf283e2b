package dev.pyrometer.sampler;

import dev.pyrometer.sampler.memory.KeptOpenFile;
import dev.pyrometer.sampler.proc.MemoryMapping;
import dev.pyrometer.sampler.target.Attacher;
import dev.pyrometer.sampler.walk.StackWalk;
import dev.pyrometer.sampler.walk.TargetReader;
import dev.pyrometer.sampler.memory.Libc;
import java.io.IOException;

/**
 * One Python process a {@link ProcessFollower} reads: its target, and a {@link Sampler} that is never started but
 * whose tick the follower runs, with the reader, thread slots and stack walk that tick needs. Only the primary process
 * keeps its memory file open (the recording's memory track is the primary's) and reads its roots.
 */
final class FollowedProcess implements AutoCloseable {
    final PythonTarget target;
    final int index;
    final long startTicks;
    final Sampler sampler;
    /** Where the process maps its interpreter file: a fork() that did not exec maps it at the same address. */
    final long binaryAt;
    private final TargetReader reader;
    private final ThreadSlots slots;
    private final KeptOpenFile statm;
    private final StackWalk walk = new StackWalk();
    private final RootsProbe roots;
    private long errorsSeen;
    /** Attached as a fork() of a followed process that had not exec'd. */
    private final boolean forkCopy;
    /**
     * Looked at once a second even while reads succeed: an exec into the same non-PIE executable (Debian's static
     * python3 restarting itself) maps the new interpreter where the old one was.
     */
    private final ExecWatch execWatch;
    private long execCheckedAt;
    private static final long EXEC_CHECK_ANYWAY_NANOS = 1_000_000_000L;

    FollowedProcess(PythonTarget target, int index, long startTicks, Sampler sampler, boolean primary, ProcessSink sink,
                    boolean forkCopy) {
        this.target = target;
        this.forkCopy = forkCopy;
        this.index = index;
        this.startTicks = startTicks;
        this.sampler = sampler;
        this.binaryAt = binaryAt(target);
        int pid = target.pid();
        this.reader = target.newReader();
        this.slots = new ThreadSlots(pid, Libc.clockTicksPerSecond());
        this.statm = primary ? KeptOpenFile.open("/proc/" + pid + "/statm", 256) : null;
        this.roots = primary ? new RootsProbe(pid, sink) : null;
        this.execWatch = new ExecWatch(pid, target.image());
    }

    int pid() {
        return target.pid();
    }

    /** One tick of this process; false once it has exited. */
    boolean tick(long time, long pageSize) {
        if (roots != null) roots.poll(reader, time);
        return sampler.tick(reader, slots, statm, null, walk, time, pageSize);
    }

    /**
     * True when the process exec'd (a fork caught before its exec, or a program that replaced itself) and must be
     * attached afresh: the last tick could not read it and it no longer maps its interpreter where it did, or the
     * once-a-second look at its executable and stack mapping ({@link ExecWatch}) finds them changed.
     */
    boolean execed(long time) {
        if (slots.stackMoved() || time - execCheckedAt >= EXEC_CHECK_ANYWAY_NANOS) {
            execCheckedAt = time;
            if (execWatch.replacedBy() != null) return true;
        }
        long errors = sampler.errors();
        if (errors == errorsSeen) return false;
        errorsSeen = errors;
        // A fork copy that has exec'd lost the kernel's fork-without-exec flag, even when the same executable (a
        // non-PIE one) maps where the copy had it; any other exec moves the interpreter elsewhere.
        if (forkCopy) {
            long[] stat = DescendantFinder.stat(target.pid());
            if (stat == null || (stat[2] & DescendantFinder.FORK_NO_EXEC) == 0) return true;
        }
        return binaryAt(target) != binaryAt;
    }

    private static long binaryAt(PythonTarget target) {
        try {
            return Attacher.firstMapping(MemoryMapping.read(target.pid()), target.binary().path());
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        reader.close();
        slots.close();
        if (statm != null) statm.close();
        target.close();
    }
}
