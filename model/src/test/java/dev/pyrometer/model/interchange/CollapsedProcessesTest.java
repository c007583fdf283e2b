package dev.pyrometer.model.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.Selection;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Collapsed stacks of a recording of several processes, as py-spy's {@code --subprocesses} writes them. */
class CollapsedProcessesTest {

    private static Profile pool() {
        Profile p = new Profile();
        int parent = p.process(new ProcessInfo(100, 1, -1, "python3 pool.py", "3.12.1", 0, ProcessInfo.RUNNING));
        int worker = p.process(new ProcessInfo(101, 100, parent, "python3 pool.py", "3.12.1", 10, ProcessInfo.RUNNING));
        int child = p.process(new ProcessInfo(105, 104, -1, "python3 child.py; x", "3.12.1", 20, ProcessInfo.RUNNING));
        int main = p.thread(parent, 100, "MainThread");
        int wMain = p.thread(worker, 101, "MainThread");
        int wOther = p.thread(worker, 102, null);
        int cMain = p.thread(child, 105, "MainThread");
        int fMain = p.frame("/srv/pool.py", "main", 20, 15);
        int fWork = p.frame("/srv/pool.py", "work", 8, 6);
        int fChild = p.frame("/srv/child.py", "<module>", 3, 1);
        for (int i = 0; i < 10; i++) {
            p.sample(i * 10_000_000L, main, new int[] {fMain}, 1, SampleState.RUNNING, 0, 0);
            p.sample(i * 10_000_000L + 1, wMain, new int[] {fWork, fMain}, 2, SampleState.RUNNING, 0, 0);
            p.sample(i * 10_000_000L + 2, wOther, new int[] {fWork, fMain}, 2, SampleState.RUNNING, 0, 0);
            if (i < 4) p.sample(i * 10_000_000L + 3, cMain, new int[] {fChild}, 1, SampleState.RUNNING, 0, 0);
        }
        return p;
    }

    @Test
    void everyStackStartsWithItsProcessAndItsRecordedAncestors() throws Exception {
        StringWriter out = new StringWriter();
        CollapsedWriter.write(pool(), Selection.NOT_IDLE, false, out);
        assertEquals(List.of(
            "process 100:\"python3 pool.py\";main (/srv/pool.py:20) 10",
            "process 100:\"python3 pool.py\";process 101:\"python3 pool.py\";main (/srv/pool.py:20);work (/srv/pool.py:8) 20",
            "process 105:\"python3 child.py, x\";<module> (/srv/child.py:3) 4"), out.toString().lines().toList());
    }

    @Test
    void readBackProcessesThreadsAndCountsAreKept() throws Exception {
        StringWriter out = new StringWriter();
        CollapsedWriter.write(pool(), Selection.NOT_IDLE, true, out);
        String written = out.toString();
        assertTrue(written.lines().allMatch(l -> l.startsWith("process ")), written);
        Profile read = CollapsedReader.read(new StringReader(written), "pool.txt", () -> false);
        assertEquals(3, read.processes().size());
        assertEquals(101, read.processes().get(read.processes().indexOfPid(101)).pid());
        assertEquals(read.processes().indexOfPid(100), read.processes().get(read.processes().indexOfPid(101)).parent());
        assertEquals(-1, read.processes().get(read.processes().indexOfPid(105)).parent());
        assertEquals(4, read.threads().size());
        for (int t = 0; t < read.threads().size(); t++) assertTrue(read.threads().process(t) >= 0);
        StringWriter again = new StringWriter();
        CollapsedWriter.write(read, Selection.NOT_IDLE, true, again);
        assertEquals(written, again.toString());
    }
}
