package dev.pyrometer.sampler;

import com.sun.jna.Function;
import com.sun.jna.Memory;

/**
 * Lowers this process's limit of open files to nothing for a moment: every open then fails with EMFILE, as in a
 * target-heavy process that ran out of descriptors. Files already open stay usable. Restored on close; keep the
 * moment short, the whole JVM shares it.
 */
final class OpenFileLimit implements AutoCloseable {
    private static final int RLIMIT_NOFILE = 7;
    private final Memory saved = new Memory(16);

    private OpenFileLimit() {
        call("getrlimit", saved);
        Memory none = new Memory(16);
        none.setLong(0, 0);
        none.setLong(8, saved.getLong(8));
        call("setrlimit", none);
    }

    static OpenFileLimit exhausted() {
        return new OpenFileLimit();
    }

    @Override
    public void close() {
        call("setrlimit", saved);
    }

    private static void call(String name, Memory limit) {
        int result = Function.getFunction("c", name).invokeInt(new Object[] {RLIMIT_NOFILE, limit});
        if (result != 0) throw new IllegalStateException(name + " failed");
    }
}
