package dev.pyrometer.model.session;

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
