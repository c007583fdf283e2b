package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleTable;
import dev.pyrometer.model.StackTable;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A generator's frame is linked to its caller only while it runs: the interpreter sets the back link when it
 * resumes the generator and clears it when it yields. A sampler that reads the frame while that happens must not
 * report the generator as the root of a stack with no callers: every stack of a thread that lives in generators
 * (a generator expression, {@code yield from} chains, a coroutine driven by {@code send}) starts at the module.
 */
class GeneratorStacksTest {
    private static final int SAMPLES = 4000;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void noStackStartsInAGenerator(Pythons.Python python) throws Exception {
        try (TargetProcess target = TargetProcess.start(python.executable(), "generators.py")) {
            target.awaitFile("ready.txt");
            try (PythonTarget attached = target.attachWhenUp()) {
                Profile profile = new Profile();
                Sampler sampler = attached.sampler(new SamplerOptions(5000, null), profile);
                sampler.start();
                target.await(() -> sampler.stats().threadSamples() >= SAMPLES, "be sampled " + SAMPLES + " times");
                sampler.stop();
                SampleTable samples = profile.samples();
                StackTable stacks = profile.stacks();
                Map<String, Integer> roots = new TreeMap<>();
                Map<String, Integer> generatorLeaves = new TreeMap<>();
                for (int i = 0; i < samples.size(); i++) {
                    int stack = samples.stack(i);
                    String leaf = profile.functionName(stacks.frame(stack));
                    int root = stack;
                    while (stacks.parent(root) != StackTable.EMPTY) root = stacks.parent(root);
                    roots.merge(profile.functionName(stacks.frame(root)), 1, Integer::sum);
                    if (leaf.contains("genexpr") || leaf.endsWith("inner") || leaf.endsWith("compute")
                        || leaf.endsWith("coroutine") || leaf.endsWith("__await__")) {
                        generatorLeaves.merge(leaf, 1, Integer::sum);
                    }
                }
                assertEquals(Map.of("<module>", samples.size()), roots,
                    "every stack starts at the module (errors counted: " + sampler.stats().errors() + ")");
                assertTrue(generatorLeaves.size() >= 3, "generators were sampled inside: " + generatorLeaves);
            }
        }
    }
}
