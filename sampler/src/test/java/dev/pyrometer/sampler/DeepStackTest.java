package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleTable;
import dev.pyrometer.model.StackTable;
import dev.pyrometer.sampler.walk.StackWalk;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stack deeper than the sampler keeps (5,000 frames) keeps its outermost frames, the module first, and marks
 * the innermost ones it leaves out with one {@code [N frames cut]} frame; a function name longer than the sampler
 * reads (5,002 characters) is cut and marked too; both are counted.
 */
class DeepStackTest {
    private static final int DEPTH = 5000;
    private static final int CUT = DEPTH - StackWalk.MAX_DEPTH;
    private static final String MARKER = "[" + CUT + " frames cut]";
    private static final String CUT_NAME = "f".repeat(4096) + "…[906 characters cut]";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void deepStacksKeepTheirRootAndMarkTheCut(Pythons.Python python) throws Exception {
        try (TargetProcess target = TargetProcess.start(python.executable(), "deep_stack.py")) {
            target.awaitFile("ready.txt");
            try (PythonTarget attached = target.attachWhenUp()) {
                List<StackFrame> dumped = attached.snapshot().getFirst().frames();
                assertEquals(StackWalk.MAX_DEPTH + 1, dumped.size());
                assertEquals(MARKER, dumped.getFirst().function(), "dump: the innermost frame marks the cut");
                assertEquals("<module>", dumped.getLast().function(), "dump: the root is kept");
                assertEquals(CUT_NAME, dumped.get(1).name());

                Profile profile = new Profile();
                Sampler sampler = attached.sampler(new SamplerOptions(100, null), profile);
                sampler.start();
                target.await(() -> sampler.stats().threadSamples() >= 20, "be sampled 20 times");
                sampler.stop();
                SampleTable samples = profile.samples();
                StackTable stacks = profile.stacks();
                for (int i = 0; i < samples.size(); i++) {
                    int stack = samples.stack(i);
                    assertEquals(StackWalk.MAX_DEPTH + 1, stacks.depth(stack), "sample " + i);
                    assertEquals(MARKER, profile.functionName(stacks.frame(stack)));
                    assertEquals("", profile.fileName(stacks.frame(stack)));
                    assertEquals(CUT_NAME, profile.functionName(stacks.frame(stacks.parent(stack))));
                    int root = stack;
                    while (stacks.parent(root) != StackTable.EMPTY) root = stacks.parent(root);
                    assertEquals("<module>", profile.functionName(stacks.frame(root)));
                }
                SamplerStats stats = sampler.stats();
                assertEquals(samples.size(), stats.cutStacks(), stats.toString());
                assertTrue(stats.cutNames() >= 1, stats.toString());
            }
        }
    }
}
