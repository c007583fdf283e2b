package dev.pyrometer.sampler.unwind;

import dev.pyrometer.sampler.proc.MemoryMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which ELF file holds an address of the target, with its load bias: the executable mappings of
 * {@code /proc/PID/maps}, files read through {@code /proc/PID/root} (so a target in a container is read from its
 * own file system). Each file is read once per recording ({@link NativeModule}); the map is read again when an
 * address falls outside every known mapping (a library loaded since), at most once per {@link #refresh} window.
 */
final class ModuleMap {
    private final int pid;
    private final Map<String, NativeModule> files = new HashMap<>();
    private long[] starts = new long[0];
    private long[] ends = new long[0];
    private long[] biases = new long[0];
    private NativeModule[] modules = new NativeModule[0];
    /** Every mapping (also the stacks), to bound stack reads: start/end pairs sorted by start. */
    private long[] anyStarts = new long[0];
    private long[] anyEnds = new long[0];
    private boolean mayRefresh = true;

    ModuleMap(int pid) {
        this.pid = pid;
    }

    /** Lets the next miss read the maps again (the sampler calls this once per tick). */
    void allowRefresh() {
        mayRefresh = true;
    }

    /** The index of the module mapping holding {@code address}, or -1; reads the maps again on a miss if allowed. */
    int find(long address) {
        int i = search(starts, ends, address);
        if (i >= 0 || !mayRefresh) return i;
        mayRefresh = false;
        read();
        return search(starts, ends, address);
    }

    NativeModule module(int mapping) { return modules[mapping]; }
    long bias(int mapping) { return biases[mapping]; }

    /** The end of the mapping holding {@code address} (a stack's top), or 0 when none does. */
    long mappingEnd(long address) {
        int i = search(anyStarts, anyEnds, address);
        if (i < 0 && mayRefresh) {
            mayRefresh = false;
            read();
            i = search(anyStarts, anyEnds, address);
        }
        return i < 0 ? 0 : anyEnds[i];
    }

    private static int search(long[] starts, long[] ends, long address) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(starts[mid], address) <= 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return hi >= 0 && Long.compareUnsigned(address, ends[hi]) < 0 ? hi : -1;
    }

    private void read() {
        List<MemoryMapping> maps;
        try {
            maps = MemoryMapping.read(pid);
        } catch (IOException | RuntimeException gone) {
            return;
        }
        List<MemoryMapping> code = new ArrayList<>();
        for (MemoryMapping m : maps) if (m.executable() && m.path().startsWith("/")) code.add(m);
        long[] s = new long[code.size()];
        long[] e = new long[code.size()];
        long[] b = new long[code.size()];
        NativeModule[] mods = new NativeModule[code.size()];
        for (int i = 0; i < code.size(); i++) {
            MemoryMapping m = code.get(i);
            NativeModule module = files.computeIfAbsent(m.path(), this::load);
            s[i] = m.start();
            e[i] = m.end();
            b[i] = module.bias(m.start(), m.offset());
            mods[i] = module;
        }
        long[] as = new long[maps.size()];
        long[] ae = new long[maps.size()];
        for (int i = 0; i < maps.size(); i++) {
            as[i] = maps.get(i).start();
            ae[i] = maps.get(i).end();
        }
        starts = s;
        ends = e;
        biases = b;
        modules = mods;
        anyStarts = as;
        anyEnds = ae;
    }

    private NativeModule load(String path) {
        Path inRoot = Path.of("/proc", Integer.toString(pid), "root", path.substring(1));
        Path file = Files.isReadable(inRoot) ? inRoot : Path.of(path);
        return NativeModule.load(path, file);
    }
}
