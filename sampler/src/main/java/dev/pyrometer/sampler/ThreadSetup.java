package dev.pyrometer.sampler;

import java.util.List;

/**
 * Up to 3.11 the interpreter makes a new thread's state in the thread that starts it, with that thread's ids, and
 * sets the new thread's own ids only once it runs. Until then the list holds two states with the same ids, the new
 * one without a frame: it would be listed as a second copy of its creator (a phantom "MainThread").
 */
final class ThreadSetup {
    private ThreadSetup() {}

    /**
     * Removes every thread without frames whose Python thread id another listed thread also has: two running threads
     * never share one. (Only the Python id: the new thread may have set its kernel id already, 3.11 was seen so.)
     */
    static void dropUnstarted(List<ThreadStack> threads) {
        threads.removeIf(t -> t.frames().isEmpty() && t.pythonThreadId() != 0 && threads.stream().anyMatch(
            other -> other != t && other.pythonThreadId() == t.pythonThreadId()));
    }
}
