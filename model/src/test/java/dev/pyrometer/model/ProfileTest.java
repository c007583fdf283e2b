package dev.pyrometer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.interchange.CollapsedWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void framesAndStacksAreInterned() {
        Profile p = new Profile();
        int main = p.frame("/app/main.py", "main", 10, 1);
        int work = p.frame("/app/main.py", "work", 20, 18);
        assertEquals(main, p.frame("/app/main.py", "main", 10, 1));
        assertNotEquals(main, p.frame("/app/main.py", "main", 11, 1));
        int t = p.thread(42, "MainThread");
        p.sample(1_000, t, new int[] {work, main}, 2, SampleState.RUNNING, 100, 0);
        p.sample(2_000, t, new int[] {work, main}, 2, SampleState.RUNNING, 100, 0);
        p.sample(3_000, t, new int[] {main}, 1, 0, 0, 0);
        assertEquals(3, p.samples().size());
        assertEquals(p.samples().stack(0), p.samples().stack(1));
        int stack = p.samples().stack(0);
        assertEquals(2, p.stacks().depth(stack));
        assertEquals(work, p.stacks().frame(stack));
        assertEquals(p.samples().stack(2), p.stacks().parent(stack));
        assertEquals(2, p.samples().timeMicros(1));
        assertEquals(100, p.samples().userMicros(0));
    }

    @Test
    void internsManyFramesAndStacksAcrossRehashes() {
        Profile p = new Profile();
        int t = p.thread(1, null);
        int[] frames = new int[30];
        for (int i = 0; i < 20_000; i++) {
            for (int d = 0; d < frames.length; d++) frames[d] = p.frame("/f" + (i % 7) + ".py", "fn" + d, i % 500 + d, 1);
            p.sample(i * 1000L, t, frames, frames.length, SampleState.RUNNING, 0, 0);
        }
        for (int i = 0; i < 20_000; i++) {
            for (int d = 0; d < frames.length; d++) frames[d] = p.frame("/f" + (i % 7) + ".py", "fn" + d, i % 500 + d, 1);
            int expected = p.samples().stack(i);
            assertEquals(expected, p.stacks().intern(frames, frames.length));
        }
        assertEquals(20_000, p.samples().size());
        assertEquals(19_999, p.samples().timeMicros(19_999));
    }

    @Test
    void threadsSharingAndChangingStacksInternTheSameIds() {
        Profile p = new Profile();
        java.util.Random random = new java.util.Random(7);
        int[] threads = {p.thread(1, "a"), p.thread(2, "b"), p.thread(3, "c")};
        int[] pool = new int[6];
        for (int i = 0; i < pool.length; i++) pool[i] = p.frame("f.py", "f" + i, i, i);
        java.util.List<int[]> stacks = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            int depth = random.nextInt(70);
            int[] frames = new int[depth];
            for (int d = 0; d < depth; d++) frames[d] = pool[random.nextInt(d % 3 == 0 ? 2 : pool.length)];
            stacks.add(frames);
            p.sample(i, threads[random.nextInt(3)], frames, depth, SampleState.RUNNING, 0, 0);
        }
        for (int i = 0; i < stacks.size(); i++) {
            int[] frames = stacks.get(i);
            assertEquals(p.stacks().intern(frames, frames.length), p.samples().stack(i), "sample " + i);
        }
    }

    @Test
    void timesFarFromTheirChunksFirstSampleSurvive() {
        Profile p = new Profile();
        int t = p.thread(1, null);
        int[] f = {p.frame("a", "b", 1, 1)};
        long hour = 3_600_000_000_000L;
        long[] nanos = {5 * hour, 5 * hour + 1_000, 7 * hour, 4 * hour, 5 * hour + 2_000};
        for (long n : nanos) p.sample(n, t, f, 1, SampleState.RUNNING, 0, 0);
        for (int i = 0; i < nanos.length; i++) assertEquals(nanos[i] / 1000, p.samples().timeMicros(i), "sample " + i);
        assertEquals(false, p.samples().isTimeOrdered());
        assertEquals(SampleTable.BYTES_PER_SAMPLE, 15);
    }

    @Test
    void timesBeyondThirtyTwoBitsSurvive() {
        Profile p = new Profile();
        int t = p.thread(1, null);
        long tenDays = 10L * 24 * 3600 * 1_000_000_000L;
        p.sample(tenDays, t, new int[] {p.frame("a", "b", 1, 1)}, 1, SampleState.RUNNING, 2_000_000, 5);
        assertEquals(tenDays / 1000, p.samples().timeMicros(0));
        assertEquals(655_350, p.samples().userMicros(0), "CPU deltas saturate at 16 bits of 10 µs units");
        assertEquals(tenDays / 1000, p.samples().timeMicros(0));
        assertEquals(10, p.samples().systemMicros(0), "rounded to 10 µs units");
    }

    @Test
    void collapsedOutputIsRootFirstWithCounts() throws Exception {
        Profile p = new Profile();
        int main = p.frame("/app/main.py", "main", 10, 1);
        int work = p.frame("/app/main.py", "work", 20, 18);
        int t = p.thread(0x1a2b, "MainThread");
        for (int i = 0; i < 3; i++) p.sample(i, t, new int[] {work, main}, 2, SampleState.RUNNING, 0, 0);
        p.sample(9, t, new int[] {main}, 1, 0, 0, 0);

        StringWriter out = new StringWriter();
        assertEquals(3, CollapsedWriter.write(p, Selection.NOT_IDLE, false, out));
        assertEquals("main (/app/main.py:10);work (/app/main.py:20) 3\n", out.toString());

        StringWriter withIdle = new StringWriter();
        CollapsedWriter.write(p, Selection.ALL, true, withIdle);
        List<String> lines = Arrays.stream(withIdle.toString().split("\n")).sorted().toList();
        assertEquals(List.of(
            "thread (6699): MainThread;main (/app/main.py:10) 1",
            "thread (6699): MainThread;main (/app/main.py:10);work (/app/main.py:20) 3"), lines);
    }
}
