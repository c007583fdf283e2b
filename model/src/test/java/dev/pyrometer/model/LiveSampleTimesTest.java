package dev.pyrometer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Sample times a reader asks for while the writer appends: also the rare times kept in the side table (more than 71
 * minutes from their chunk's first sample), whose arrays grow under the reader.
 */
class LiveSampleTimesTest {

    @Test
    void farTimesReadWhileTheSideTableGrows() throws Exception {
        SampleTable samples = new SampleTable();
        int total = 500_000;
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                // Every time but each chunk's first lies before that first one: each of them goes to the side table.
                for (int i = 0; i < total; i++) samples.add(farTime(i), 0, -1, SampleState.RUNNING, 0, 0);
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        });
        writer.start();
        while (writer.isAlive()) {
            int n = samples.size();
            if (n > 0) assertEquals(farTime(n - 1), samples.timeMicros(n - 1));
        }
        writer.join();
        assertEquals(null, writerFailure.get());
        for (int i = 0; i < total; i += 9973) assertEquals(farTime(i), samples.timeMicros(i));
    }

    private static long farTime(int i) {
        return -1000L * i;
    }
}
