package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.layout.LayoutTables;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * From 3.13 the layout is read from the target's own _Py_DebugOffsets; it must agree, field for field, with the
 * table generated from the same version's headers.
 */
class DebugOffsetsTest {

    /** The Pythons that carry _Py_DebugOffsets; at least one must be on the machine (3.13 is). */
    static java.util.List<Pythons.Python> pythons() {
        var withOffsets = Pythons.all().stream().filter(p -> p.version().atLeast(3, 13)).toList();
        if (withOffsets.isEmpty()) throw new AssertionError("no Python 3.13 or newer found to read _Py_DebugOffsets from");
        return withOffsets;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void debugOffsetsAgreeWithTheGeneratedTable(Pythons.Python python) throws Exception {
        Layout generated = LayoutTables.forVersion(3, python.version().minor());
        assumeTrue(generated != null, "no generated table to compare with");
        try (TargetProcess target = TargetProcess.start(python.executable(), "busy_threads.py");
             PythonTarget attached = ThreadStateTest.attachWhenReady(target)) {
            Layout read = attached.layout();
            assertEquals("_Py_DebugOffsets read from the target", read.source);
            assertSameFields(generated, read);
            assertNotNull(read.objects, "the object layout, for thread names");
            assertSameFields(generated.objects, read.objects);
        }
    }

    private static void assertSameFields(Object generated, Object read) throws IllegalAccessException {
        for (Field f : generated.getClass().getFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("source") || f.getName().equals("objects")) continue;
            if (f.getType() == boolean[].class) {
                assertEquals(Arrays.toString((boolean[]) f.get(generated)), Arrays.toString((boolean[]) f.get(read)), f.getName());
            } else {
                assertEquals(f.get(generated), f.get(read), f.getName());
            }
        }
    }
}
