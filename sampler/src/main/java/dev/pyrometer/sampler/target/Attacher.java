package dev.pyrometer.sampler.target;

import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.sampler.errors.PermissionAdvice;
import dev.pyrometer.sampler.errors.SamplerErrors;
import dev.pyrometer.sampler.layout.DebugOffsets;
import dev.pyrometer.sampler.layout.Layout;
import dev.pyrometer.sampler.layout.LayoutTables;
import dev.pyrometer.sampler.memory.Libc;
import dev.pyrometer.sampler.memory.RemoteMemory;
import dev.pyrometer.sampler.proc.MemoryMapping;
import dev.pyrometer.sampler.proc.ProcFiles;
import dev.pyrometer.sampler.version.PythonVersion;
import dev.pyrometer.sampler.walk.TargetReader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The steps of attaching to a process: find the interpreter, check the version and our rights, pick the layout,
 * validate the interpreter state, and (up to 3.10) learn where glibc keeps a thread's kernel id.
 */
public final class Attacher {
    /** glibc's offset of {@code tid} in {@code struct pthread} on recent x86-64 builds: tried first. */
    private static final int GLIBC_TID_OFFSET = 0x2d0;
    private static final int PTHREAD_SCAN = 0x800;

    /** What attaching found. The memory reader is open and belongs to the caller. */
    public record Result(PythonBinary binary, Layout layout, long interp, int pthreadTidOffset, RemoteMemory memory) {}

    private Attacher() {}

    public static Result attach(int pid) {
        if (pid <= 0 || !ProcFiles.exists(pid)) throw SamplerErrors.noSuchProcess(pid);
        List<MemoryMapping> maps;
        try {
            maps = MemoryMapping.read(pid);
        } catch (NoSuchFileException e) {
            throw SamplerErrors.noSuchProcess(pid);
        } catch (AccessDeniedException e) {
            throw denied(pid);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Permission denied")) {
                throw denied(pid);
            }
            throw SamplerErrors.noInterpreter(pid, "its memory map is unreadable: " + e.getMessage());
        }
        if (maps.isEmpty()) {
            // A zombie or kernel thread has no mappings; an unreadable map reads as empty for another user.
            if (!ProcFiles.exists(pid)) throw SamplerErrors.noSuchProcess(pid);
            if (ProcFiles.state(pid) == 'Z') throw SamplerErrors.exited(pid);
            if (ProcFiles.commandLine(pid).isEmpty()) throw SamplerErrors.notPython(pid, List.of());
            throw denied(pid);
        }
        PythonBinary binary;
        String executable = ProcFiles.executable(pid);
        try {
            binary = InterpreterLocator.locate(pid, maps, executable);
        } catch (AccessDeniedException e) {
            throw denied(pid);
        } catch (IOException e) {
            binary = null;
        }
        if (binary == null && executable == null && ProcFiles.exists(pid)) {
            // Its executable link is closed to us: we cannot tell what it runs, because we may not look.
            throw denied(pid);
        }
        if (binary == null && !ProcFiles.exists(pid)) throw SamplerErrors.noSuchProcess(pid); // it ended meanwhile
        if (binary == null) throw SamplerErrors.notPython(pid, ProcFiles.commandLine(pid));
        PythonVersion version = binary.version();
        if (version == null) throw SamplerErrors.noInterpreter(pid, "its Python version could not be told");
        if (!version.atLeast(3, 8)) throw SamplerErrors.unsupportedVersion(pid, version, null);

        RemoteMemory memory = new RemoteMemory(pid, TargetReader.BUFFER_SIZE);
        try {
            Layout layout = layout(pid, version, binary, memory);
            long interp = interpreter(pid, binary, layout, memory, maps);
            int tidOffset = layout.tstateNativeThreadId >= 0 ? -1 : pthreadTidOffset(pid, layout, interp, memory);
            return new Result(binary, layout, interp, tidOffset, memory);
        } catch (RuntimeException e) {
            memory.close();
            throw e;
        }
    }

    /**
     * Reading {@code pid} was refused: the rule that applies, with what the process runs (its command line is readable
     * where its memory and executable are not) and whether that names Python.
     */
    private static PyrometerException denied(int pid) {
        List<String> command = ProcFiles.commandLine(pid);
        String name = ProcFiles.status(pid, "Name");
        boolean python = namesPython(name) || command.stream().anyMatch(Attacher::namesPython);
        return SamplerErrors.permissionDenied(pid, command, python, PermissionAdvice.about(pid));
    }

    /** {@code python}, {@code /usr/bin/python3.11}, {@code libpython3.so}: a word of a command that names Python. */
    static boolean namesPython(String word) {
        if (word == null) return false;
        String base = word.substring(word.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return base.startsWith("python") || base.startsWith("libpython");
    }

    /**
     * Attaches to a {@code fork()} of an attached process that did not exec: the same interpreter file at the same
     * addresses ({@code mappedAt} is where the parent maps {@code binary}), so its layout, {@code _PyRuntime} and
     * glibc's tid offset carry over and no ELF file is read again. Null when the child maps it elsewhere (it exec'd).
     */
    public static Result attachForked(int pid, PythonBinary binary, long mappedAt, Layout layout, int tidOffset) {
        List<MemoryMapping> maps;
        try {
            maps = MemoryMapping.read(pid);
        } catch (IOException e) {
            return null;
        }
        if (mappedAt == 0 || firstMapping(maps, binary.path()) != mappedAt) return null;
        RemoteMemory memory = new RemoteMemory(pid, TargetReader.BUFFER_SIZE);
        try {
            long interp = interpreter(pid, binary, layout, memory, maps);
            return new Result(binary, layout, interp, tidOffset, memory);
        } catch (RuntimeException e) {
            memory.close();
            throw e;
        }
    }

    /** Where a process maps the start of a file, or 0 when it does not map it. */
    public static long firstMapping(List<MemoryMapping> maps, String path) {
        for (MemoryMapping m : maps) if (path.equals(m.path())) return m.start();
        return 0;
    }

    private static Layout layout(int pid, PythonVersion version, PythonBinary binary, RemoteMemory memory) {
        if (!version.atLeast(3, 13)) {
            Layout table = LayoutTables.forVersion(version.major(), version.minor());
            if (table == null) throw SamplerErrors.unsupportedVersion(pid, version, null);
            probe(pid, memory, binary.runtime());
            return table;
        }
        byte[] descriptor = read(pid, memory, binary.runtime(), DebugOffsets.SIZE);
        if (!DebugOffsets.hasCookie(descriptor)) {
            throw SamplerErrors.unsupportedVersion(pid, version, "no _Py_DebugOffsets at _PyRuntime");
        }
        PythonVersion declared = PythonVersion.fromHex(DebugOffsets.versionHex(descriptor));
        boolean[] calls = LayoutTables.callOpcodes(declared.major(), declared.minor());
        // 3.14 renumbered the owner of C-stack shim frames from 3 to 4.
        int ownerCstack = declared.atLeast(3, 14) ? 4 : 3;
        try {
            return DebugOffsets.parse(descriptor, LayoutTables.fields(declared.major(), declared.minor()), calls,
                ownerCstack);
        } catch (IllegalArgumentException e) {
            throw SamplerErrors.unsupportedVersion(pid, version, e.getMessage());
        }
    }

    /** Reads the interpreter state address and checks it: its first thread must point back to it. */
    private static long interpreter(int pid, PythonBinary binary, Layout layout, RemoteMemory memory,
                                    List<MemoryMapping> maps) {
        long interp = readLong(pid, memory, binary.runtime() + layout.runtimeInterpretersHead);
        if (interp == 0) throw SamplerErrors.noInterpreter(pid, "the interpreter is not initialised yet");
        if (!MemoryMapping.mapped(maps, interp) && !MemoryMapping.mapped(freshMaps(pid, maps), interp)) {
            throw SamplerErrors.unsupportedVersion(pid, binary.version(), "the layout does not match: "
                + "_PyRuntime's interpreter list points outside the process's memory");
        }
        long thread = readLong(pid, memory, interp + layout.interpThreadsHead);
        if (thread != 0) {
            long back = readLong(pid, memory, thread + layout.tstateInterp);
            if (back != interp) {
                throw SamplerErrors.unsupportedVersion(pid, binary.version(),
                    "the layout does not match: its thread state does not point back to its interpreter");
            }
        }
        return interp;
    }

    /**
     * The map read again: a program just launched may have mapped the interpreter's memory after the map we hold
     * was read, and that must not pass for a layout mismatch.
     */
    private static List<MemoryMapping> freshMaps(int pid, List<MemoryMapping> stale) {
        try {
            return MemoryMapping.read(pid);
        } catch (IOException e) {
            return stale;
        }
    }

    /**
     * Up to 3.10 a thread state knows only its pthread_t, the address of glibc's {@code struct pthread}, whose
     * {@code tid} field sits at a build-specific offset: find the offset at which every thread's struct holds one
     * of the process's task ids, preferring the usual one. -1 if none fits.
     */
    static int pthreadTidOffset(int pid, Layout layout, long interp, RemoteMemory memory) {
        Set<Integer> tasks = new HashSet<>();
        for (int tid : ProcFiles.taskIds(pid)) tasks.add(tid);
        Set<Integer> candidates = null;
        int threads = 0;
        for (long t = readLong(pid, memory, interp + layout.interpThreadsHead); t != 0 && threads < 64; threads++) {
            long pthread = readLong(pid, memory, t + layout.tstateThreadId);
            long next = readLong(pid, memory, t + layout.tstateNext);
            if (pthread != 0 && memory.read(pthread, PTHREAD_SCAN, 0)) {
                Set<Integer> fits = new HashSet<>();
                for (int off = 0; off < PTHREAD_SCAN; off += 4) {
                    if (tasks.contains(memory.buffer().getInt(off))) fits.add(off);
                }
                if (candidates == null) candidates = fits;
                else candidates.retainAll(fits);
            }
            t = next;
        }
        if (candidates == null || candidates.isEmpty()) return -1;
        if (candidates.contains(GLIBC_TID_OFFSET)) return GLIBC_TID_OFFSET;
        return candidates.stream().min(Integer::compare).orElse(-1);
    }

    private static void probe(int pid, RemoteMemory memory, long address) {
        read(pid, memory, address, 8);
    }

    private static long readLong(int pid, RemoteMemory memory, long address) {
        return java.nio.ByteBuffer.wrap(read(pid, memory, address, 8)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** Reads attach-time data, turning a failure into the error the user should see. */
    private static byte[] read(int pid, RemoteMemory memory, long address, int length) {
        if (memory.read(address, length, 0)) {
            byte[] out = new byte[length];
            memory.buffer().get(0, out);
            return out;
        }
        int errno = memory.lastError();
        if (errno == Libc.EPERM) throw denied(pid);
        if (errno == Libc.ESRCH || !ProcFiles.exists(pid)) throw SamplerErrors.noSuchProcess(pid);
        throw SamplerErrors.noInterpreter(pid, "reading 0x" + Long.toHexString(address) + " failed with errno " + errno);
    }
}
