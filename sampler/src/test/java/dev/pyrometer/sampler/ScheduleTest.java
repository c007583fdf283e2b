package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tick schedule, driven with made-up clock readings: jitter within bounds, the mean rate, late ticks. */
class ScheduleTest {
    private static final long MEAN = 10_000_000; // 100 Hz

    @Test
    void intervalsAreJitteredWithinHalfToOneAndAHalfMeansAndKeepTheMeanRate() {
        Schedule schedule = new Schedule(100, 1_000);
        assertEquals(1_000, schedule.due(), "the first tick is due at once");
        int ticks = 100_000;
        Set<Long> distinct = new HashSet<>();
        long first = schedule.due();
        for (int i = 0; i < ticks; i++) {
            long before = schedule.due();
            schedule.advance(before); // each tick starts on time
            long interval = schedule.due() - before;
            assertTrue(interval >= MEAN / 2 && interval <= MEAN / 2 + MEAN, "interval " + interval);
            distinct.add(interval);
        }
        double mean = (schedule.due() - first) / (double) ticks;
        assertEquals(MEAN, mean, MEAN * 0.01, "the mean interval holds the rate");
        assertTrue(distinct.size() > ticks / 2, "intervals vary, so periodic work cannot line up with them");
    }

    @Test
    void aTickMoreThanOneMeanBehindIsLateAndTheScheduleRestartsFromItInsteadOfBursting() {
        Schedule schedule = new Schedule(100, 0);
        schedule.advance(0);
        long due = schedule.due();
        assertFalse(schedule.late(due + MEAN), "up to one mean interval behind is on time");
        assertTrue(schedule.late(due + MEAN + 1));

        long started = due + 5 * MEAN; // the sampler was descheduled for five intervals
        schedule.advance(started);
        long next = schedule.due();
        assertTrue(next >= started + MEAN / 2 && next <= started + MEAN / 2 + MEAN,
            "the next tick is one interval after the late one, not the missed ones at once: " + (next - started));
        assertFalse(schedule.late(next));
    }

    @Test
    void aTickSlightlyBehindKeepsTheScheduleSoTheMeanRateHolds() {
        Schedule schedule = new Schedule(100, 0);
        long due = schedule.due();
        schedule.advance(due + MEAN / 2); // half an interval behind: not late
        long next = schedule.due();
        assertTrue(next - due >= MEAN / 2 && next - due <= MEAN / 2 + MEAN, "counted from the due time, not the start");
    }

    @Test
    void restartAfterAPauseMakesTheNextTickDueNow() {
        Schedule schedule = new Schedule(100, 0);
        schedule.advance(0);
        schedule.restart(60_000_000_000L);
        assertEquals(60_000_000_000L, schedule.due());
        assertFalse(schedule.late(60_000_000_000L), "an hour's pause does not count as a late tick");
    }

    @Test
    void differentStartsDrawDifferentIntervals() {
        Schedule a = new Schedule(100, 1);
        Schedule b = new Schedule(100, 2);
        a.advance(0);
        b.advance(0);
        assertNotEquals(a.due(), b.due());
    }
}
