package dev.pyrometer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.Transforms;
import java.util.ArrayList;
import java.util.List;

/** Compares profiles by content (ids may differ between two profiles holding the same recording). */
public final class ProfileAssertions {
    private ProfileAssertions() {}

    /** Every sample as text: time, thread, state, CPU and its stack, so two profiles compare line by line. */
    public static List<String> samples(Profile p) {
        List<String> lines = new ArrayList<>();
        SampleTable s = p.samples();
        for (int i = 0; i < s.size(); i++) {
            lines.add(s.timeMicros(i) + " " + p.threads().osThreadId(s.thread(i)) + "/" + p.threads().name(s.thread(i))
                + " " + s.state(i) + " " + s.userMicros(i) + "+" + s.systemMicros(i) + " " + stack(p, s.stack(i)));
        }
        return lines;
    }

    public static String stack(Profile p, int stack) {
        StringBuilder out = new StringBuilder();
        for (int s = stack; s != StackTable.EMPTY; s = p.stacks().parent(s)) {
            int f = p.stacks().frame(s);
            out.append(p.functionName(f)).append('@').append(p.fileName(f)).append(':').append(p.frames().line(f))
                .append('/').append(p.frames().firstLine(f)).append(' ');
        }
        return out.toString();
    }

    public static List<String> memory(Profile p) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < p.memory().size(); i++) lines.add(p.memory().timeMicros(i) + "=" + p.memory().residentBytes(i));
        return lines;
    }

    /** Same samples, threads, memory and metadata. */
    public static void assertSameRecording(Profile expected, Profile actual) {
        assertEquals(samples(expected), samples(actual));
        assertEquals(memory(expected), memory(actual));
        assertEquals(expected.metadata(), actual.metadata());
        assertEquals(expected.threads().size(), actual.threads().size());
        assertEquals(processes(expected), processes(actual));
    }

    /** Every process, and each thread with the pid of its process, as text. */
    public static List<String> processes(Profile p) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < p.processes().size(); i++) lines.add(p.processes().get(i).toString());
        for (int t = 0; t < p.threads().size(); t++) {
            int process = p.threads().process(t);
            lines.add("thread " + p.threads().osThreadId(t) + " of " + (process < 0 ? "-" : p.processes().get(process).pid()));
        }
        return lines;
    }

    /** The function-level call tree as text, for comparing aggregates of two profiles. */
    public static List<String> functionTree(Profile p, Selection selection) {
        CallTree tree = CallTree.topDown(StackCounts.of(p, selection, Cancel.NEVER), KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            lines.add("  ".repeat(tree.depth(i)) + tree.label(i) + " " + tree.total(i) + "/" + tree.self(i));
        }
        return lines;
    }
}
