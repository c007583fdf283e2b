package dev.pyrometer.model.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Aggregations over a profile that another thread keeps appending to see a consistent prefix every time. */
class LiveSnapshotTest {

    @Test
    void aggregationsWhileRecordingSeeWholeSnapshots() throws Exception {
        Profile profile = new Profile();
        int total = 100_000;
        String[] files = new String[13];
        String[] functions = new String[40];
        for (int i = 0; i < files.length; i++) files[i] = "/m" + i + ".py";
        for (int i = 0; i < functions.length; i++) functions[i] = "f" + i;
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                int[] frames = new int[40];
                for (int i = 0; i < total; i++) {
                    int thread = profile.thread(i % 5, functions[i % 5]);
                    int depth = 1 + i % 40;
                    for (int d = 0; d < depth; d++) frames[d] = profile.frame(files[i % 13], functions[d], (i * 7 + d) % 300, d);
                    profile.sample(i * 1000L, thread, frames, depth, SampleState.RUNNING, 0, 0);
                }
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        });
        writer.start();
        int rounds = 0;
        while (writer.isAlive() || rounds < 3) {
            Snapshot snapshot = Snapshot.of(profile);
            StackCounts counts = StackCounts.of(snapshot, Selection.ALL, Cancel.NEVER);
            assertEquals(snapshot.samples(), counts.total());
            CallTree tree = CallTree.topDown(counts, KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
            assertEquals(snapshot.samples(), tree.total(0));
            FlameLayout flame = FlameLayout.of(tree, 0.001, FlameLayout.Order.ALPHABETICAL, Cancel.NEVER);
            for (int i = 0; i < flame.size(); i++) flame.label(i);
            LineHeat heat = LineHeat.of(counts, "/m3.py", Cancel.NEVER);
            assertTrue(heat.lastLine() < 300);
            CallTree.bottomUp(tree, Cancel.NEVER);
            HotFunctions.of(CallTree.topDown(counts, KeyBy.MODULE, Transforms.NONE, Cancel.NEVER));
            rounds++;
        }
        writer.join();
        assertEquals(null, writerFailure.get());
        assertEquals(total, StackCounts.of(profile, Selection.ALL, Cancel.NEVER).total());
    }
}
