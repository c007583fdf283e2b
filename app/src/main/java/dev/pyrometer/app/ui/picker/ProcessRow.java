package dev.pyrometer.app.ui.picker;

import java.time.Duration;
import java.time.Instant;

/**
 * A Python process as the picker lists it.
 *
 * @param python     the Python version ("3.11.7"), or null when unknown
 * @param cpuPercent CPU use in percent of one core, over the last refresh
 * @param startTime  when it started, or null when unknown
 * @param parentPid  the Python process it descends from (its parent, or through a shell or another non-Python
 *                   process), which the picker lists it under; 0 when none
 */
public record ProcessRow(int pid, String user, String python, String commandLine, String executable, double cpuPercent,
                         Instant startTime, int parentPid) {

    /** A process no other Python process started. */
    public ProcessRow(int pid, String user, String python, String commandLine, String executable, double cpuPercent,
                      Instant startTime) {
        this(pid, user, python, commandLine, executable, cpuPercent, startTime, 0);
    }

    /** How long it has been running: {@code 42 s}, {@code 12 min}, {@code 3 h 5 min}, {@code 2 d}. */
    public String uptime(Instant now) {
        if (startTime == null) return "";
        long s = Math.max(0, Duration.between(startTime, now).toSeconds());
        if (s < 60) return s + " s";
        if (s < 3600) return s / 60 + " min";
        if (s < 86400) return s / 3600 + " h " + s / 60 % 60 + " min";
        return s / 86400 + " d";
    }
}
