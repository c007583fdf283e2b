package dev.pyrometer.app;

import java.nio.file.Path;
import java.util.List;

/**
 * What the command line asks the desktop app to show first: the picker, a recording of a pid or of a launched
 * command, or sessions to open.
 */
public record DesktopRequest(Integer pid, List<String> command, List<Path> sessions) {
    public DesktopRequest {
        command = List.copyOf(command);
        sessions = List.copyOf(sessions);
    }

    public static DesktopRequest picker() {
        return new DesktopRequest(null, List.of(), List.of());
    }
}
