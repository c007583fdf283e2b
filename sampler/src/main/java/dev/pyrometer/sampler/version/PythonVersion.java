package dev.pyrometer.sampler.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A CPython version, as read from the target ({@code Py_Version}, its version string or its file name). */
public record PythonVersion(int major, int minor, int micro) implements Comparable<PythonVersion> {
    private static final Pattern DOTTED = Pattern.compile("(\\d)\\.(\\d{1,2})(?:\\.(\\d{1,2}))?");

    /** From a {@code PY_VERSION_HEX}-style word: major in bits 24–31, minor 16–23, micro 8–15. */
    public static PythonVersion fromHex(long hex) {
        return new PythonVersion((int) (hex >>> 24) & 0xFF, (int) (hex >>> 16) & 0xFF, (int) (hex >>> 8) & 0xFF);
    }

    /** The first {@code X.Y[.Z]} in a string such as {@code "3.11.7 (main, ...)"} or {@code "libpython3.11.so.1.0"}. */
    public static PythonVersion parse(String text) {
        Matcher m = DOTTED.matcher(text);
        if (!m.find()) return null;
        int micro = m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
        return new PythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), micro);
    }

    public boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    @Override
    public int compareTo(PythonVersion other) {
        if (major != other.major) return Integer.compare(major, other.major);
        if (minor != other.minor) return Integer.compare(minor, other.minor);
        return Integer.compare(micro, other.micro);
    }

    /** {@code 3.11.7}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + micro;
    }
}
