package dev.pyrometer.sampler;

import dev.pyrometer.sampler.version.PythonVersion;
import java.time.Instant;
import java.util.List;

/**
 * A running Python process, as the process picker and {@code pyrometer ps} show it.
 *
 * @param version    from the interpreter's file name, or its ELF symbols when the name does not say; null if unknown
 * @param cpuPercent CPU use in percent of one core: since the previous scan of the same scanner, or over the
 *                   process's lifetime on the first scan
 * @param parentPid  its parent's pid (the kernel's: it may be a shell, or init for an orphan)
 * @param pythonParentPid the nearest Python process it descends from, looking through non-Python ones in between
 *                   (a shell, as {@link ProcessFollower} does): the process a tree of processes lists it under; 0
 *                   when none of its ancestors is Python
 */
public record PythonProcess(int pid, String user, List<String> commandLine, String executable, PythonVersion version,
                            double cpuPercent, Instant startTime, int parentPid, int pythonParentPid) {}
