package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.SampleTable;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Per-thread totals over a selection's time range and states, for a thread picker: samples with their category
 * split, CPU time reported by the OS, and the first and last sample time. The selection's thread set is ignored on
 * purpose, so a picker can show what the unselected threads hold too. Row {@code i} is thread index {@code i}.
 * Immutable.
 */
public final class ThreadTotals {
    private static final int CATEGORIES = SampleState.CATEGORY_COUNT;

    private final Profile profile;
    private final int[] samplesByCategory;
    private final long[] userMicros;
    private final long[] systemMicros;
    private final long[] firstMicros;
    private final long[] lastMicros;

    private ThreadTotals(Profile profile, int[] samplesByCategory, long[] userMicros, long[] systemMicros,
                         long[] firstMicros, long[] lastMicros) {
        this.profile = profile;
        this.samplesByCategory = samplesByCategory;
        this.userMicros = userMicros;
        this.systemMicros = systemMicros;
        this.firstMicros = firstMicros;
        this.lastMicros = lastMicros;
    }

    public static ThreadTotals of(Snapshot snapshot, Selection selection, BooleanSupplier cancelled) {
        SampleTable samples = snapshot.profile().samples();
        int threads = snapshot.threads();
        int[] byCategory = new int[threads * CATEGORIES];
        long[] user = new long[threads], system = new long[threads];
        long[] first = new long[threads], last = new long[threads];
        Arrays.fill(first, Long.MAX_VALUE);
        Arrays.fill(last, Long.MIN_VALUE);
        for (int i = 0; i < snapshot.samples(); i++) {
            if ((i & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
            int state = samples.state(i);
            if (!selection.includesState(state)) continue;
            long time = samples.timeMicros(i);
            if (!selection.includesTime(time)) continue;
            int t = samples.thread(i);
            if (t >= threads) continue;
            byCategory[t * CATEGORIES + SampleState.category(state)]++;
            user[t] += samples.userMicros(i);
            system[t] += samples.systemMicros(i);
            first[t] = Math.min(first[t], time);
            last[t] = Math.max(last[t], time);
        }
        return new ThreadTotals(snapshot.profile(), byCategory, user, system, first, last);
    }

    /** Number of threads (rows), including threads with no sample in the selection. */
    public int size() { return userMicros.length; }

    public String label(int thread) { return profile.threads().label(thread); }
    public long osThreadId(int thread) { return profile.threads().osThreadId(thread); }

    public int samples(int thread) {
        int at = thread * CATEGORIES;
        return samplesByCategory[at] + samplesByCategory[at + 1] + samplesByCategory[at + 2] + samplesByCategory[at + 3];
    }

    public int samplesIn(int thread, int category) { return samplesByCategory[thread * CATEGORIES + category]; }
    public long userMicros(int thread) { return userMicros[thread]; }
    public long systemMicros(int thread) { return systemMicros[thread]; }
    /** Time of the thread's first selected sample, or Long.MAX_VALUE when it has none. */
    public long firstMicros(int thread) { return firstMicros[thread]; }
    /** Time of the thread's last selected sample, or Long.MIN_VALUE when it has none. */
    public long lastMicros(int thread) { return lastMicros[thread]; }
}
