package dev.pyrometer.app.source;

/**
 * A user's rule for finding sources: paths the profile recorded under {@code from} are read from under {@code to}
 * (a checkout of the code a server ran, a container's volume on the host).
 */
public record PathMapping(String from, String to) {

    public PathMapping {
        from = trimSlash(from);
        to = trimSlash(to);
    }

    /** The mapped path, or null when the path is not under {@code from}. */
    public String apply(String path) {
        if (from.isEmpty()) return null;
        if (path.equals(from)) return to;
        if (path.startsWith(from + "/")) return to + path.substring(from.length());
        return null;
    }

    /** {@code from=to}, as stored in settings. */
    public String encode() {
        return from + "=" + to;
    }

    public static PathMapping decode(String text) {
        int eq = text.indexOf('=');
        return eq <= 0 ? null : new PathMapping(text.substring(0, eq), text.substring(eq + 1));
    }

    private static String trimSlash(String path) {
        String p = path.strip();
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }
}
