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
 */
public record PythonProcess(int pid, String user, List<String> commandLine, String executable, PythonVersion version,
                            double cpuPercent, Instant startTime) {}
