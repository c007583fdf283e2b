package dev.pyrometer.sampler.proc;

import java.nio.ByteBuffer;

/**
 * Parses the fields the sampler needs out of {@code /proc/PID/task/TID/stat} bytes without making a String:
 * the state letter after the command name's closing parenthesis (the name may hold spaces and parentheses), the
 * parent's pid (field 4), utime/stime (fields 14 and 15, in clock ticks), starttime (22) and startstack (28: where the
 * stack of the program begins, placed anew by every exec; 0 when not ours to see). Results land in the public fields
 * of a reused instance.
 */
public final class TaskStat {
    /**
     * The name is at most 15 bytes after a pid of at most 7 digits, so its closing parenthesis is among the first
     * 64 bytes, and the fields up to startstack (28) fit in the first 640 (at most 20 digits each).
     */
    private static final int HEAD = 64;
    private static final int NEEDED = 640;

    private final byte[] line = new byte[NEEDED];
    public char state;
    /** The parent's pid (field 4). */
    public long ppid;
    public long utime;
    public long stime;
    public long startTime;
    public long startStack;

    /** Parses {@code length} bytes; false if they are not a stat line. */
    public boolean parse(ByteBuffer bytes, int length) {
        int n = Math.min(length, NEEDED);
        bytes.get(0, line, 0, n); // one bulk copy: byte-by-byte access to a direct buffer is slow before C2
        startTime = 0;
        startStack = 0;
        int close = -1;
        for (int i = Math.min(n, HEAD) - 1; i >= 0; i--) {
            if (line[i] == ')') {
                close = i;
                break;
            }
        }
        if (close < 0 || close + 2 >= n) return false;
        state = (char) line[close + 2];
        // Fields after the state: ppid(4) pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime(14)
        // stime(15) ... starttime(22) ... startstack(28). Field 3 is the state; walk the spaces.
        int field = 3;
        long value = 0;
        boolean inNumber = false;
        for (int i = close + 3; i < n; i++) {
            byte b = line[i];
            if (b == ' ' || b == '\n') {
                if (inNumber) {
                    if (field == 4) ppid = value;
                    else if (field == 14) utime = value;
                    else if (field == 15) stime = value;
                    else if (field == 22) startTime = value;
                    else if (field == 28) {
                        startStack = value;
                        return true;
                    }
                }
                field++;
                value = 0;
                inNumber = false;
                if (b == '\n') break;
            } else if (b >= '0' && b <= '9') {
                value = value * 10 + (b - '0');
                inNumber = true;
            } else {
                inNumber = true; // a negative or non-numeric field we do not use
            }
        }
        // A line cut before startstack leaves it 0: unknown.
        return field > 15;
    }

    /** Running or runnable: the scheduler has the thread on a CPU or ready for one. */
    public boolean running() {
        return state == 'R';
    }
}
