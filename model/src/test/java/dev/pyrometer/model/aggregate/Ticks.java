package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;

/**
 * Builds profiles tick by tick as the sampler writes them: a memory reading, then one sample per thread, all at the
 * tick's time (1 ms apart). Frames are {@code file:function:line[:firstLine]}, root first.
 */
final class Ticks {
    static final int RUN = SampleState.RUNNING | SampleState.GIL;
    static final int IDLE = 0;

    private final Profile profile = new Profile();
    private long tick;

    /** One thread's part of a tick. */
    record On(long osTid, int state, String[] rootFirst) {}

    static On on(long osTid, int state, String... rootFirst) {
        return new On(osTid, state, rootFirst);
    }

    /** A tick: the resident memory read at it, then the samples. */
    Ticks tick(long residentBytes, On... threads) {
        long nanos = tick++ * 1_000_000L;
        profile.memory(nanos, residentBytes);
        for (On on : threads) {
            int thread = profile.thread(on.osTid(), "t" + on.osTid());
            String[] frames = on.rootFirst();
            int[] ids = new int[frames.length];
            for (int i = 0; i < frames.length; i++) {
                String[] part = frames[i].split(":");
                int line = Integer.parseInt(part[2]);
                int first = part.length > 3 ? Integer.parseInt(part[3]) : line;
                ids[frames.length - 1 - i] = profile.frame(part[0], part[1], line, first);
            }
            profile.sample(nanos, thread, ids, ids.length, on.state(), on.state() == IDLE ? 0 : 900, on.state() == IDLE ? 0 : 100);
        }
        return this;
    }

    /** {@code count} ticks with the same samples, memory changing by {@code step} bytes at each. */
    Ticks ticks(int count, long startBytes, long step, On... threads) {
        for (int i = 0; i < count; i++) tick(startBytes + i * step, threads);
        return this;
    }

    Profile profile() {
        return profile;
    }
}
