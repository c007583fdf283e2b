package dev.pyrometer.sampler;

import java.util.List;

/**
 * Up to 3.11 the interpreter makes a new thread's state in the thread that starts it, with that thread's ids, and
 * sets the new thread's own ids only once it runs. Until then the list holds two states with the same ids, the new
 * one without a frame: it would be listed as a second copy of its creator (a phantom "MainThread").
 */
final class ThreadSetup {
    private ThreadSetup() {}

    /** Removes every thread without frames whose ids another listed thread also has. */
    static void dropUnstarted(List<ThreadStack> threads) {
        threads.removeIf(t -> t.frames().isEmpty() && threads.stream().anyMatch(other -> other != t
            && other.osThreadId() == t.osThreadId() && other.pythonThreadId() == t.pythonThreadId()));
    }
}
