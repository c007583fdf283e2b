package dev.pyrometer.app.desktop;

import dev.pyrometer.model.diff.MatchBy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the command line asks the desktop app to show first: the picker, a recording of a pid or of a launched
 * command, sessions to open, or two sessions to compare.
 *
 * @param compare empty, or the base and the new session of a comparison
 * @param match   how the comparison pairs the two runs' frames (the default when there is no comparison)
 * @param baseProcess the base run's process to compare ({@code compare --base-process}: a pid or command line text),
 *                    or null for all of them, merged
 * @param newProcess  the new run's, likewise
 */
public record DesktopRequest(Integer pid, List<String> command, List<Path> sessions, List<Path> compare, MatchBy match,
                             String baseProcess, String newProcess) {
    public DesktopRequest {
        command = List.copyOf(command);
        sessions = List.copyOf(sessions);
        compare = List.copyOf(compare);
        Objects.requireNonNull(match, "match");
        if (!compare.isEmpty() && compare.size() != 2) throw new IllegalArgumentException("a comparison takes two sessions");
    }

    public DesktopRequest(Integer pid, List<String> command, List<Path> sessions) {
        this(pid, command, sessions, List.of(), MatchBy.RELATIVE_PATH, null, null);
    }

    /** A comparison of two sessions: {@code base} before, {@code news} after, frames paired the default way. */
    public static DesktopRequest compare(Path base, Path news) {
        return compare(base, news, MatchBy.RELATIVE_PATH);
    }

    /** A comparison of two sessions whose frames pair as {@code match} says ({@code compare --match}). */
    public static DesktopRequest compare(Path base, Path news, MatchBy match) {
        return new DesktopRequest(null, List.of(), List.of(), List.of(base, news), match, null, null);
    }

    /** This comparison with each run restricted to the process its words name (null: every process, merged). */
    public DesktopRequest withProcesses(String base, String news) {
        return new DesktopRequest(pid, command, sessions, compare, match, base, news);
    }

    public static DesktopRequest picker() {
        return new DesktopRequest(null, List.of(), List.of());
    }
}
