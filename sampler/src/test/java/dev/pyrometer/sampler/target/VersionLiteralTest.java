package dev.pyrometer.sampler.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pyrometer.sampler.version.PythonVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The PY_VERSION literal as it sits in .rodata (before 3.11 there is no Py_Version symbol to read instead). */
class VersionLiteralTest {
    @Test
    void releasesPreReleasesAndLocalBuilds() {
        assertEquals(new PythonVersion(3, 9, 18), literal("3.9.18\0"));
        assertEquals(new PythonVersion(3, 10, 0), literal("3.10.0rc2\0"));
        assertEquals(new PythonVersion(3, 8, 1), literal("3.8.1b1+\0"));
        assertEquals(new PythonVersion(3, 12, 7), literal("3.12.7+\0"));
        assertEquals(new PythonVersion(2, 7, 18), literal("2.7.18\0"), "an old Python, to be named when refused");
    }

    @Test
    void notAVersionLiteral() {
        assertNull(literal("3.9.18 (main)\0"), "not at the end of its string");
        assertNull(literal("3.9\0"));
        assertNull(literal("3.123.1\0"));
        assertNull(literal("3.9.18rc\0"), "a pre-release without its number");
        assertNull(literal("3.9.18"), "no terminating NUL");
    }

    private static PythonVersion literal(String text) {
        return InterpreterLocator.versionLiteral(text.getBytes(StandardCharsets.ISO_8859_1), 0);
    }
}
