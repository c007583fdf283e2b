package dev.pyrometer.sampler.target;

import dev.pyrometer.sampler.elf.ElfFile;
import dev.pyrometer.sampler.proc.MemoryMapping;
import dev.pyrometer.sampler.version.PythonVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the interpreter in a process from its memory map: libpython if one is mapped, else the executable; then its
 * version ({@code Py_Version}, then the version string in {@code .rodata}, then the file name), load bias and the
 * addresses of {@code _PyRuntime} (symbol or {@code .PyRuntime} section) and {@code PyCode_Type}.
 */
public final class InterpreterLocator {
    private static final Pattern LIBPYTHON = Pattern.compile("libpython(\\d)\\.(\\d+)[a-z]*\\.so.*");
    private static final Pattern PYTHON_EXE = Pattern.compile("python(\\d)(?:\\.(\\d+))?[a-z]*");
    private static final Set<String> SYMBOLS = Set.of("_PyRuntime", "Py_Version", "Py_GetVersion", "PyCode_Type",
        "PyDict_Type", "PyLong_Type", "PyUnicode_Type");

    private InterpreterLocator() {}

    /** The binaries worth looking at, most likely first: libpython, then the executable. */
    public static List<String> candidates(List<MemoryMapping> maps, String executable) {
        List<String> paths = new ArrayList<>();
        for (MemoryMapping m : maps) {
            if (LIBPYTHON.matcher(m.fileName()).matches() && !paths.contains(m.path())) paths.add(m.path());
        }
        if (executable != null && !paths.contains(executable)) paths.add(executable);
        return paths;
    }

    /** Whether a file name looks like a Python executable or libpython (for a cheap process scan). */
    public static boolean looksLikePython(String fileName) {
        return PYTHON_EXE.matcher(fileName).matches() || LIBPYTHON.matcher(fileName).matches();
    }

    /** The version a file name states ({@code python3.11}, {@code libpython3.11.so.1.0}), or null. */
    public static PythonVersion versionFromName(String fileName) {
        Matcher m = LIBPYTHON.matcher(fileName);
        if (!m.matches()) {
            m = PYTHON_EXE.matcher(fileName);
            if (!m.matches() || m.group(2) == null) return null;
        }
        return new PythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0);
    }

    /**
     * The interpreter binary among the process's mappings, or null if none holds {@code _PyRuntime} or is an older
     * CPython (see {@link PythonBinary#runtime()}).
     *
     * <p>Files are opened through {@code /proc/PID}: the executable by its {@code exe} link, libraries under its
     * {@code root} (the process may live in another mount namespace).
     *
     * @throws java.nio.file.AccessDeniedException if we may not open the process's files
     */
    public static PythonBinary locate(int pid, List<MemoryMapping> maps, String executable) throws IOException {
        Path proc = Path.of("/proc", Integer.toString(pid));
        for (String path : candidates(maps, executable)) {
            if (!path.startsWith("/")) continue;
            // The executable through its link: the very file the process runs, even once deleted or replaced on disk
            // (a Python upgraded or a virtualenv removed under a long-running program).
            Path file = path.equals(executable) ? proc.resolve("exe") : Path.of(proc.resolve("root") + path);
            try (ElfFile elf = ElfFile.open(file)) {
                PythonBinary binary = binary(elf, path, maps);
                if (binary != null) return binary;
            } catch (java.nio.file.AccessDeniedException e) {
                throw e; // the process's files are closed to us: a permission problem, not "not Python"
            } catch (IOException e) {
                // not a readable ELF file: try the next candidate
            }
        }
        return null;
    }

    private static PythonBinary binary(ElfFile elf, String path, List<MemoryMapping> maps) throws IOException {
        Map<String, Long> symbols = elf.symbols(SYMBOLS);
        Long runtime = symbols.get("_PyRuntime");
        if (runtime == null) {
            ElfFile.Section section = elf.section(".PyRuntime");
            if (section != null) runtime = section.address();
        }
        if (runtime == null) return olderInterpreter(elf, symbols, path, maps);
        long bias = loadBias(elf, maps, path);
        if (bias == Long.MIN_VALUE) return null;
        PythonVersion version = version(elf, symbols, path);
        var types = new PythonBinary.Types(address(symbols, "PyDict_Type", bias),
            address(symbols, "PyLong_Type", bias), address(symbols, "PyUnicode_Type", bias));
        return new PythonBinary(path, version, bias, runtime + bias, address(symbols, "PyCode_Type", bias), types);
    }

    /**
     * A CPython from before 3.7 (2.7, 3.6) has no {@code _PyRuntime}, yet it is Python: told by its version, the user
     * hears "unsupported version", not "not a Python process". A newer one without {@code _PyRuntime} stays unknown.
     */
    private static PythonBinary olderInterpreter(ElfFile elf, Map<String, Long> symbols, String path,
                                                 List<MemoryMapping> maps) throws IOException {
        if (!symbols.containsKey("Py_GetVersion")) return null;
        PythonVersion version = version(elf, symbols, path);
        if (version == null || version.atLeast(3, 7)) return null;
        long bias = loadBias(elf, maps, path);
        return new PythonBinary(path, version, bias == Long.MIN_VALUE ? 0 : bias, 0, 0, PythonBinary.Types.UNKNOWN);
    }

    private static long address(Map<String, Long> symbols, String name, long bias) {
        Long linked = symbols.get(name);
        return linked == null ? 0 : linked + bias;
    }

    /** Run-time address minus linked address: from a mapping of the file at the offset of one of its segments. */
    static long loadBias(ElfFile elf, List<MemoryMapping> maps, String path) {
        for (ElfFile.Segment segment : elf.segments()) {
            long fileOffset = segment.offset() & ~0xFFFL;
            for (MemoryMapping m : maps) {
                if (m.path().equals(path) && m.offset() == fileOffset) {
                    return m.start() - (segment.virtualAddress() & ~0xFFFL);
                }
            }
        }
        return Long.MIN_VALUE;
    }

    static PythonVersion version(ElfFile elf, Map<String, Long> symbols, String path) throws IOException {
        Long pyVersion = symbols.get("Py_Version");
        if (pyVersion != null) {
            byte[] word = elf.bytesAt(pyVersion, 4);
            if (word != null) {
                long hex = Integer.toUnsignedLong(ByteBuffer.wrap(word).order(ByteOrder.LITTLE_ENDIAN).getInt());
                PythonVersion v = PythonVersion.fromHex(hex);
                if (v.major() == 3) return v;
            }
        }
        PythonVersion fromName = versionFromName(Path.of(path).getFileName().toString());
        PythonVersion fromString = versionString(elf, fromName);
        return fromString != null ? fromString : fromName;
    }

    /**
     * The {@code PY_VERSION} literal, e.g. "3.9.18", in .rodata (matching the file name's version; a 3 when the name
     * has none).
     */
    private static PythonVersion versionString(ElfFile elf, PythonVersion fromName) throws IOException {
        ElfFile.Section rodata = elf.section(".rodata");
        if (rodata == null) return null;
        ByteBuffer bytes = elf.contents(rodata);
        if (bytes == null) return null;
        byte[] raw = bytes.array();
        byte major = (byte) ('0' + (fromName == null ? 3 : fromName.major()));
        for (int i = 0; i + 5 < raw.length; i++) {
            // Not preceded by a digit or a dot: "13.9.1" or "1.3.9.1" are no versions of ours.
            if (raw[i] != major || raw[i + 1] != '.' || (i > 0 && (isDigit(raw[i - 1]) || raw[i - 1] == '.'))) continue;
            PythonVersion v = versionLiteral(raw, i);
            if (v != null && (fromName == null || v.minor() == fromName.minor())) return v;
        }
        return null;
    }

    /**
     * The version in a NUL-terminated {@code PY_VERSION} literal at {@code raw[at]}: "X.M.P", maybe a pre-release
     * (a1, b2, rc1) and a '+' after it; null if it is not one. The linker may merge the literal into the tail of a
     * longer string, so only its end is anchored.
     */
    static PythonVersion versionLiteral(byte[] raw, int at) {
        int i = at + 2;
        int minor = 0;
        int digits = 0;
        for (; i < raw.length && isDigit(raw[i]) && digits < 3; i++, digits++) minor = minor * 10 + raw[i] - '0';
        if (digits == 0 || digits > 2 || i >= raw.length || raw[i++] != '.') return null;
        int micro = 0;
        digits = 0;
        for (; i < raw.length && isDigit(raw[i]) && digits < 3; i++, digits++) micro = micro * 10 + raw[i] - '0';
        if (digits == 0 || digits > 2) return null;
        int pre = i + (startsWith(raw, i, "rc") ? 2 : i < raw.length && (raw[i] == 'a' || raw[i] == 'b') ? 1 : 0);
        if (pre > i) {
            int serial = pre;
            while (serial < raw.length && isDigit(raw[serial])) serial++;
            if (serial == pre) return null;
            i = serial;
        }
        if (i < raw.length && raw[i] == '+') i++;
        return i < raw.length && raw[i] == 0 ? new PythonVersion(raw[at] - '0', minor, micro) : null;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean startsWith(byte[] raw, int at, String prefix) {
        if (at + prefix.length() > raw.length) return false;
        for (int i = 0; i < prefix.length(); i++) if (raw[at + i] != prefix.charAt(i)) return false;
        return true;
    }
}
