package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.ProcessTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.ThreadTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The synthetic root frames a {@link Roots} choice puts under every stack of a snapshot: {@code process PID "command
 * line"} per process and {@code thread TID "name"} per thread, a thread's under its process's when both are asked
 * for. Frames are numbered 0.. with parents before children; each thread of the snapshot has the innermost root frame
 * its stacks start from ({@link #leafOf}), or -1 for none. Process frames exist only in a recording of several
 * processes: a recording of one process gains nothing from them. Immutable.
 */
public final class RootFrames {
    /** The text of a root frame: what {@link #isRootRef} recognises. */
    private static final Pattern ROOT_LABEL = Pattern.compile("(process|thread) \\d+( \".*\")?", Pattern.DOTALL);

    /**
     * One root frame.
     *
     * @param label   {@code process 4242 "python3 app.py"} or {@code thread 4243 "MainThread"}
     * @param parent  the frame above it (a thread's process frame), or -1
     * @param process the process's index in the profile's process table (-1 for a thread of a one-process recording)
     * @param thread  the thread's index for a thread frame, -1 for a process frame
     */
    public record RootFrame(String label, int parent, int process, int thread) {
        public boolean isProcess() { return thread < 0; }

        /** What a hover card says of it: pid, parent, command line, Python version, start and end. */
        public List<String> describe(Profile profile) {
            List<String> lines = new ArrayList<>();
            ProcessTable processes = profile.processes();
            if (thread >= 0) {
                ThreadTable threads = profile.threads();
                String name = thread < threads.size() ? threads.name(thread) : null;
                lines.add("thread " + threads.osThreadId(thread) + (name != null ? " \"" + name + "\"" : ""));
            }
            if (process >= 0 && process < processes.size()) {
                ProcessInfo p = processes.get(process);
                lines.add("process " + p.pid() + (p.parentPid() > 0 ? " · parent " + p.parentPid() : ""));
                if (!p.commandLine().isEmpty()) lines.add(p.commandLine());
                if (!p.pythonVersion().isEmpty()) lines.add("Python " + p.pythonVersion());
                lines.add("started " + seconds(p.startMicros()) + (p.ended() ? " · ended " + seconds(p.endMicros()) : " · running at the end"));
            }
            return lines;
        }

        private static String seconds(long micros) {
            return String.format(Locale.ROOT, "%.2f s", micros / 1e6);
        }
    }

    private final Roots roots;
    private final RootFrame[] frames;
    private final int[] leafOfThread;

    private RootFrames(Roots roots, RootFrame[] frames, int[] leafOfThread) {
        this.roots = roots;
        this.frames = frames;
        this.leafOfThread = leafOfThread;
    }

    /** The root frames of a snapshot, or null when the choice adds none (merged, or by process of one process). */
    public static RootFrames of(Snapshot snapshot, Roots roots) {
        if (roots == null || roots == Roots.MERGED) return null;
        Profile profile = snapshot.profile();
        ProcessTable processes = profile.processes();
        ThreadTable threads = profile.threads();
        int processCount = processes.size();
        boolean byProcess = roots.perProcess() && processCount > 1;
        boolean byThread = roots.perThread();
        if (!byProcess && !byThread) return null;
        List<RootFrame> frames = new ArrayList<>();
        int[] frameOfProcess = new int[processCount];
        Arrays.fill(frameOfProcess, -1);
        int[] leaf = new int[snapshot.threads()];
        for (int t = 0; t < leaf.length; t++) {
            int p = threads.process(t);
            int above = -1;
            if (byProcess && p >= 0 && p < processCount) {
                if (frameOfProcess[p] < 0) {
                    ProcessInfo info = processes.get(p);
                    frameOfProcess[p] = frames.size();
                    frames.add(new RootFrame(processLabel(info), -1, p, -1));
                }
                above = frameOfProcess[p];
            }
            if (byThread) {
                String name = threads.name(t);
                String label = "thread " + threads.osThreadId(t) + (name != null ? " \"" + name + "\"" : "");
                frames.add(new RootFrame(label, above, p, t));
                leaf[t] = frames.size() - 1;
            } else {
                leaf[t] = above;
            }
        }
        return new RootFrames(roots, frames.toArray(new RootFrame[0]), leaf);
    }

    /** {@code process 4242 "python3 app.py"}. */
    public static String processLabel(ProcessInfo info) {
        return "process " + info.pid() + " \"" + info.commandLine() + "\"";
    }

    /**
     * Whether a frame reference names a root frame (what a transform on a process or thread tower targets): such
     * references match no frame of a profile, so a tree without root frames leaves their transforms out.
     */
    public static boolean isRootRef(FrameRef ref) {
        if (ref == null) return false;
        String text = switch (ref.level()) {
            case MODULE -> ref.module();
            case FILE -> ref.file();
            case FUNCTION, LINE -> ref.file().isEmpty() ? ref.function() : null;
        };
        return text != null && ROOT_LABEL.matcher(text).matches();
    }

    public Roots roots() { return roots; }
    public int size() { return frames.length; }
    public RootFrame frame(int index) { return frames[index]; }

    /** The innermost root frame of a thread's stacks, or -1 (a thread outside every process frame). */
    public int leafOf(int thread) {
        return thread < leafOfThread.length ? leafOfThread[thread] : -1;
    }

    /** Whether root frame {@code index} is what {@code ref} names, at the reference's level. */
    boolean matches(int index, FrameRef ref) {
        String label = frames[index].label();
        return ref.matches(ref.level() == KeyBy.FILE ? label : "", label, 0, 0, label);
    }

    /** The reference to root frame {@code index} at a key level: its label as a fileless function, file or module. */
    static FrameRef ref(String label, KeyBy level) {
        return switch (level) {
            case LINE -> FrameRef.line("", label, 0);
            case FUNCTION -> FrameRef.function("", label, 0);
            case FILE -> FrameRef.file(label);
            case MODULE -> FrameRef.module(label);
        };
    }
}
