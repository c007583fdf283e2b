package dev.pyrometer.sampler.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One line of {@code /proc/PID/maps}: an address range, its permissions, file offset and path (may be empty). */
public record MemoryMapping(long start, long end, String permissions, long offset, String path) {

    public boolean executable() {
        return permissions.indexOf('x') >= 0;
    }

    public boolean contains(long address) {
        return address >= start && address < end;
    }

    /** The file name without its directories. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** Parses {@code /proc/PID/maps}; throws NoSuchFileException if the process is gone. */
    public static List<MemoryMapping> read(int pid) throws IOException {
        return parse(Files.readAllLines(Path.of("/proc", Integer.toString(pid), "maps")));
    }

    static List<MemoryMapping> parse(List<String> lines) {
        List<MemoryMapping> maps = new ArrayList<>(lines.size());
        for (String line : lines) {
            // 7f1c2a000000-7f1c2a021000 r-xp 00000000 08:01 1234   /usr/lib/libpython3.11.so.1.0
            String[] f = line.split("\\s+", 6);
            if (f.length < 5) continue;
            int dash = f[0].indexOf('-');
            long start = Long.parseUnsignedLong(f[0], 0, dash, 16);
            long end = Long.parseUnsignedLong(f[0], dash + 1, f[0].length(), 16);
            String path = f.length == 6 ? f[5].strip() : "";
            if (path.endsWith(" (deleted)")) path = path.substring(0, path.length() - 10);
            maps.add(new MemoryMapping(start, end, f[1], Long.parseUnsignedLong(f[2], 16), path));
        }
        return maps;
    }

    /** Whether some mapping covers {@code address}. */
    public static boolean mapped(List<MemoryMapping> maps, long address) {
        for (MemoryMapping m : maps) if (m.contains(address)) return true;
        return false;
    }
}
