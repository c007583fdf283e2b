package dev.pyrometer.sampler;

import dev.pyrometer.sampler.proc.TaskStat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** One-off reads of a thread's scheduler state (the sampler keeps its stat files open instead). */
final class ThreadStates {
    private ThreadStates() {}

    /** Whether the thread is running or runnable; false if it is gone or unknown. */
    static boolean running(int pid, long tid) {
        if (tid <= 0) return false;
        try {
            byte[] stat = Files.readAllBytes(Path.of("/proc", Integer.toString(pid), "task", Long.toString(tid), "stat"));
            TaskStat parsed = new TaskStat();
            return parsed.parse(ByteBuffer.wrap(stat), stat.length) && parsed.running();
        } catch (IOException e) {
            return false;
        }
    }
}
