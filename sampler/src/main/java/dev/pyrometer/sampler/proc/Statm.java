package dev.pyrometer.sampler.proc;

import java.nio.ByteBuffer;

/** {@code /proc/PID/statm}, as the sampler reads it every tick: parsed in place, with no allocation. */
public final class Statm {
    private Statm() {}

    /** The second field of the first {@code n} bytes: resident memory, in pages. */
    public static long residentPages(ByteBuffer bytes, int n) {
        int i = 0;
        while (i < n && bytes.get(i) != ' ') i++;
        long pages = 0;
        for (i++; i < n; i++) {
            byte b = bytes.get(i);
            if (b < '0' || b > '9') break;
            pages = pages * 10 + (b - '0');
        }
        return pages;
    }
}
