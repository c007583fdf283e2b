package dev.pyrometer.sampler.target;

import dev.pyrometer.sampler.version.PythonVersion;

/**
 * The file in a process that holds the interpreter (libpython, or the executable itself when Python is linked
 * statically), with the run-time addresses the sampler needs.
 *
 * @param path     the path as the process sees it
 * @param runtime  the address of {@code _PyRuntime}; 0 for a CPython older than 3.7, which has none (found only to be
 *                 named in the "unsupported version" message)
 * @param codeType the address of {@code PyCode_Type}, or 0 when the binary does not export it
 * @param types    the addresses of the types thread names are read through, each 0 when not exported
 */
public record PythonBinary(String path, PythonVersion version, long loadBias, long runtime, long codeType,
                           Types types) {
    /** {@code PyDict_Type}, {@code PyLong_Type}, {@code PyUnicode_Type}: to check what a pointer leads to. */
    public record Types(long dict, long integer, long string) {
        public static final Types UNKNOWN = new Types(0, 0, 0);
    }
}
