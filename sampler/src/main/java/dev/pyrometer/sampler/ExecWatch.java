package dev.pyrometer.sampler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Tells whether a process replaced its program ({@code exec}) since it was attached: the pid and start time stay,
 * but the executable (its file, or where it is mapped) changes, and with it every address the sampler reads. Read
 * from {@code /proc/PID/exe} and {@code /proc/PID/maps}: a few system calls, for when reads start failing, never per
 * sample.
 */
final class ExecWatch {
    private final int pid;
    private final Image attached;

    /**
     * What a process runs: its executable's path and identity, and where its stack's top is mapped (placed anew by
     * every exec: the executable itself may be mapped at a fixed address, exec'ing the same file again).
     */
    record Image(String path, Object fileKey, String stack) {}

    ExecWatch(int pid) {
        this(pid, image(pid));
    }

    /** Watches from {@code attached}, the image read before attaching (an exec after that read is then seen). */
    ExecWatch(int pid, Image attached) {
        this.pid = pid;
        this.attached = attached != null ? attached : image(pid);
    }

    /** The program the process runs now when it is another than when attached, else null (or unknown: null). */
    Image replacedBy() {
        if (attached == null) return null;
        Image now = image(pid);
        return now != null && !now.equals(attached) ? now : null;
    }

    /** The image of a live process, or null when it cannot be read (gone, or not ours to read). */
    static Image image(int pid) {
        Path proc = Path.of("/proc", Integer.toString(pid));
        try {
            String path = Files.readSymbolicLink(proc.resolve("exe")).toString();
            Object key = Files.readAttributes(proc.resolve("exe"), BasicFileAttributes.class).fileKey();
            String stack;
            try (var lines = Files.lines(proc.resolve("maps"))) {
                // Its top (the end address): the start moves down as the stack grows, the top only with an exec.
                stack = lines.filter(l -> l.endsWith("[stack]")).findFirst()
                    .map(l -> l.substring(l.indexOf('-') + 1, Math.max(l.indexOf('-') + 1, l.indexOf(' ')))).orElse("");
            }
            return new Image(path, Objects.requireNonNullElse(key, path), stack);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
