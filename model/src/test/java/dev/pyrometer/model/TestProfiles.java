package dev.pyrometer.model;

/**
 * Builds small profiles for tests from readable stacks: each frame is {@code file:function:line} or
 * {@code file:function:line:firstLine}, listed root first.
 */
public final class TestProfiles {
    private final Profile profile = new Profile();
    private long timeMicros;

    public static TestProfiles create() {
        return new TestProfiles();
    }

    /** Adds {@code count} samples of one stack on thread {@code osTid}, one millisecond apart. */
    public TestProfiles add(int count, long osTid, int state, String... rootFirst) {
        int thread = profile.thread(osTid, "thread-" + osTid);
        int[] frames = new int[rootFirst.length];
        for (int i = 0; i < rootFirst.length; i++) {
            String[] part = rootFirst[i].split(":");
            int line = Integer.parseInt(part[2]);
            int first = part.length > 3 ? Integer.parseInt(part[3]) : line;
            frames[rootFirst.length - 1 - i] = profile.frame(part[0], part[1], line, first);
        }
        for (int i = 0; i < count; i++) {
            profile.sample(timeMicros * 1000, thread, frames, frames.length, state, 1000, 0);
            timeMicros += 1000;
        }
        return this;
    }

    /** Running samples on thread 1. */
    public TestProfiles add(int count, String... rootFirst) {
        return add(count, 1, SampleState.RUNNING | SampleState.GIL, rootFirst);
    }

    /** Moves the clock. */
    public TestProfiles at(long micros) {
        timeMicros = micros;
        return this;
    }

    public Profile profile() {
        return profile;
    }
}
