package dev.pyrometer.app.desktop;

import java.nio.file.Path;
import java.util.List;

/**
 * What the command line asks the desktop app to show first: the picker, a recording of a pid or of a launched
 * command, sessions to open, or two sessions to compare.
 *
 * @param compare empty, or the base and the new session of a comparison
 */
public record DesktopRequest(Integer pid, List<String> command, List<Path> sessions, List<Path> compare) {
    public DesktopRequest {
        command = List.copyOf(command);
        sessions = List.copyOf(sessions);
        compare = List.copyOf(compare);
        if (!compare.isEmpty() && compare.size() != 2) throw new IllegalArgumentException("a comparison takes two sessions");
    }

    public DesktopRequest(Integer pid, List<String> command, List<Path> sessions) {
        this(pid, command, sessions, List.of());
    }

    /** A comparison of two sessions: {@code base} before, {@code news} after. */
    public static DesktopRequest compare(Path base, Path news) {
        return new DesktopRequest(null, List.of(), List.of(), List.of(base, news));
    }

    public static DesktopRequest picker() {
        return new DesktopRequest(null, List.of(), List.of());
    }
}
