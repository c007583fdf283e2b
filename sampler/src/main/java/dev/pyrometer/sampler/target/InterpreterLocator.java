package dev.pyrometer.sampler.target;

import dev.pyrometer.sampler.PythonVersion;
import dev.pyrometer.sampler.elf.ElfFile;
import dev.pyrometer.sampler.proc.MemoryMapping;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
    /** PY_VERSION as a NUL-terminated string; the linker may merge it into the tail of a longer one (a path). */
    private static final Pattern VERSION_STRING =
        Pattern.compile("(?<![\\d.])(3\\.(\\d{1,2})\\.(\\d{1,2}))(?:(?:a|b|rc)\\d+)?\\+?\0");
    private static final Set<String> SYMBOLS =
        Set.of("_PyRuntime", "Py_Version", "PyCode_Type", "PyDict_Type", "PyLong_Type", "PyUnicode_Type");

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
     * The interpreter binary among the process's mappings, or null if none holds {@code _PyRuntime}.
     *
     * @throws java.nio.file.AccessDeniedException if we may not open the process's files
     * @param root the process's root directory, {@code /proc/PID/root}, through which its files are opened
     */
    public static PythonBinary locate(int pid, List<MemoryMapping> maps, String executable) throws IOException {
        Path root = Path.of("/proc", Integer.toString(pid), "root");
        for (String path : candidates(maps, executable)) {
            if (!path.startsWith("/")) continue;
            ElfFile elf;
            try {
                elf = ElfFile.open(Path.of(root + path));
            } catch (java.nio.file.AccessDeniedException e) {
                throw e; // the process's files are closed to us: a permission problem, not "not Python"
            } catch (IOException e) {
                continue;
            }
            Map<String, Long> symbols = elf.symbols(SYMBOLS);
            Long runtime = symbols.get("_PyRuntime");
            if (runtime == null) {
                ElfFile.Section section = elf.section(".PyRuntime");
                if (section != null) runtime = section.address();
            }
            if (runtime == null) continue;
            long bias = loadBias(elf, maps, path);
            if (bias == Long.MIN_VALUE) continue;
            PythonVersion version = version(elf, symbols, path);
            var types = new PythonBinary.Types(address(symbols, "PyDict_Type", bias),
                address(symbols, "PyLong_Type", bias), address(symbols, "PyUnicode_Type", bias));
            return new PythonBinary(path, version, bias, runtime + bias, address(symbols, "PyCode_Type", bias), types);
        }
        return null;
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

    static PythonVersion version(ElfFile elf, Map<String, Long> symbols, String path) {
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

    /** The {@code PY_VERSION} literal, e.g. "3.9.18", in .rodata (matching the file name's minor version). */
    private static PythonVersion versionString(ElfFile elf, PythonVersion fromName) {
        ElfFile.Section rodata = elf.section(".rodata");
        if (rodata == null) return null;
        ByteBuffer bytes = elf.contents(rodata);
        if (bytes == null) return null;
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        Matcher m = VERSION_STRING.matcher(new String(raw, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            PythonVersion v = PythonVersion.parse(m.group(1));
            if (fromName == null || v.minor() == fromName.minor()) return v;
        }
        return null;
    }
}
