package dev.pyrometer.model.session;

import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;

/** Small, fully deterministic recordings for session tests, the golden file among them. */
final class SessionFixtures {
    private SessionFixtures() {}

    /** Two threads (one renamed midway), idle and native samples, a sample without frames, memory, metadata. */
    static Profile golden() {
        Profile p = new Profile();
        p.metadata("command", "python3 app.py --fast");
        p.metadata("pid", "4242");
        p.metadata("python_version", "3.11.7");
        int main = p.thread(4242, "MainThread");
        int worker = p.thread(4250, null);
        int fMain = p.frame("/srv/app/app.py", "main", 40, 38);
        int fWork = p.frame("/srv/app/app.py", "work", 12, 10);
        int fHot = p.frame("/srv/app/app.py", "hot", 5, 3);
        int fLoads = p.frame("/usr/lib/python3.11/json/__init__.py", "loads", 346, 299);
        int fWait = p.frame("/usr/lib/python3.11/threading.py", "wait", 320, 288);
        int fRun = p.frame("/usr/lib/python3.11/threading.py", "run", 975, 971);
        for (int tick = 0; tick < 40; tick++) {
            long t = 1_000_000L * tick + 37_000;
            int state = SampleState.RUNNING | SampleState.GIL | (tick % 5 == 0 ? SampleState.NATIVE : 0);
            int[] stack = tick % 3 == 0 ? new int[] {fLoads, fWork, fMain} : new int[] {fHot, fWork, fMain};
            p.sample(t, main, stack, stack.length, state, 900 + tick, tick % 7 == 0 ? 120 : 0);
            if (tick == 20) worker = p.thread(4250, "Worker-1");
            if (tick % 4 == 0) {
                p.sample(t + 500, worker, new int[] {fWait, fRun}, 2, 0, 0, 0);
            } else if (tick % 4 == 1) {
                p.sample(t + 500, worker, new int[0], 0, SampleState.RUNNING, 50, 0);
            }
            p.memory(t, 50_000_000L + tick * 1_000_000L);
        }
        p.metadata("sampler_errors", "0");
        return p;
    }

    /**
     * A {@code --native} recording: C frames (a library's, one without a symbol) between and under Python frames,
     * and a Python callback above a C frame.
     */
    static Profile goldenNative() {
        Profile p = new Profile();
        p.metadata("command", "python3 native.py");
        int main = p.thread(77, "MainThread");
        int fMain = p.frame("/srv/app/native.py", "main", 20, 18);
        int fKey = p.frame("/srv/app/native.py", "key", 9, 8);
        int cSort = p.nativeFrame("libpython3.11.so.1.0", "list_sort_impl");
        int cDeflate = p.nativeFrame("libz.so.1.2.13", "deflate");
        int cAnon = p.nativeFrame("libz.so.1.2.13", "libz.so.1.2.13+0x4e44");
        for (int tick = 0; tick < 12; tick++) {
            int[] stack = switch (tick % 3) {
                case 0 -> new int[] {cAnon, cDeflate, fMain};
                case 1 -> new int[] {cDeflate, fMain};
                default -> new int[] {fKey, cSort, fMain};
            };
            p.sample(10_000L * tick, main, stack, stack.length, SampleState.RUNNING | SampleState.NATIVE, 10_000, 0);
        }
        return p;
    }

    /**
     * A parent with two pool workers (one of which ends midway) and a child run through a shell (its parent is not
     * a recorded process); the workers' main threads share an OS id with nothing, but worker 2 reuses the tid of
     * a thread of worker 1, which must stay two threads.
     */
    static Profile processes() {
        Profile p = new Profile();
        p.metadata("command", "python3 pool.py");
        p.metadata("pid", "5000");
        int parent = p.process(new ProcessInfo(5000, 4999, -1, "python3 pool.py", "3.11.7", 0, ProcessInfo.RUNNING));
        int w1 = p.process(new ProcessInfo(5001, 5000, parent, "python3 -c from multiprocessing.spawn import spawn_main",
            "3.11.7", 12_000, ProcessInfo.RUNNING));
        int w2 = p.process(new ProcessInfo(5002, 5000, parent, "python3 pool.py", "3.11.7", 12_500, ProcessInfo.RUNNING));
        int shChild = p.process(new ProcessInfo(5010, 5009, -1, "python3 child.py", "3.13.0", 30_000, ProcessInfo.RUNNING));
        int tParent = p.thread(parent, 5000, "MainThread");
        int tHandler = p.thread(parent, 5003, "Thread-1 (_handle_workers)");
        int tW1 = p.thread(w1, 5001, "MainThread");
        int tW1b = p.thread(w1, 7777, "helper");
        int tW2 = p.thread(w2, 5002, "MainThread");
        int tW2b = p.thread(w2, 7777, "helper");
        int tChild = p.thread(shChild, 5010, null);
        int fMain = p.frame("/srv/pool.py", "main", 20, 15);
        int fWait = p.frame("/usr/lib/python3.11/threading.py", "wait", 320, 288);
        int fWork = p.frame("/srv/pool.py", "work", 8, 6);
        int fChild = p.frame("/srv/child.py", "<module>", 3, 1);
        for (int tick = 0; tick < 30; tick++) {
            long t = 10_000_000L * tick;
            p.sample(t, tParent, new int[] {fWait, fMain}, 2, 0, 0, 0);
            p.sample(t + 10, tHandler, new int[] {fWait}, 1, 0, 0, 0);
            if (tick < 20) p.sample(t + 100, tW1, new int[] {fWork}, 1, SampleState.RUNNING | SampleState.GIL, 9000, 0);
            if (tick < 20) p.sample(t + 110, tW1b, new int[] {fWait}, 1, 0, 0, 0);
            p.sample(t + 200, tW2, new int[] {fWork}, 1, SampleState.RUNNING | SampleState.GIL, 9500, 100);
            p.sample(t + 210, tW2b, new int[] {fWait}, 1, 0, 0, 0);
            if (tick >= 3) p.sample(t + 300, tChild, new int[] {fChild}, 1, SampleState.RUNNING, 9000, 0);
            if (tick == 19) p.processEnded(w1, t + 5_000_000);
        }
        p.metadata("sampler_errors", "0");
        return p;
    }

    /** A recording of {@code n} samples over a few hundred distinct stacks. */
    static Profile generated(int n) {
        Profile p = new Profile();
        p.metadata("command", "generated");
        int[] threads = {p.thread(1, "MainThread"), p.thread(2, "pool-1"), p.thread(3, "pool-2")};
        int[] frames = new int[12];
        for (int i = 0; i < n; i++) {
            int depth = 1 + i % frames.length;
            for (int d = 0; d < depth; d++) frames[d] = p.frame("/app/m" + (i + d) % 7 + ".py", "f" + d, 10 + (i * 31 + d) % 50, 1);
            p.sample(i * 997L * 1000, threads[i % 3], frames, depth, i % 11 == 0 ? 0 : SampleState.RUNNING, i % 300, 0);
            if (i % 100 == 0) p.memory(i * 997L * 1000, 1_000_000L + i);
        }
        return p;
    }
}
