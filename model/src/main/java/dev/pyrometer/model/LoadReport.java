package dev.pyrometer.model;

/**
 * How a file load went, for a warning bar: whether everything in the file was read, and if not, where and why it
 * stopped. A damaged or interrupted session still loads everything before the damage.
 *
 * @param source        the file's name as the user knows it
 * @param complete      the file ended where its writer meant it to (a session's end marker was read)
 * @param problem       what stopped the reading early ("bad checksum", "file ends inside a chunk"), or null
 * @param problemOffset the byte offset of the chunk where reading stopped, or -1
 * @param bytesRead     bytes consumed
 * @param samples       samples loaded
 * @param seconds       the loaded samples' time span, in seconds
 */
public record LoadReport(String source, boolean complete, String problem, long problemOffset, long bytesRead,
                         long samples, double seconds) {

    /** A file read from start to end without trouble. */
    public static LoadReport clean(String source, long bytesRead, long samples, double seconds) {
        return new LoadReport(source, true, null, -1, bytesRead, samples, seconds);
    }

    public boolean hasWarning() {
        return problem != null || !complete;
    }

    /** One sentence for the user, or null when there is nothing to say. */
    public String warning() {
        String loaded = String.format("loaded the %,d samples (%.1f s) before it", samples, seconds);
        if (problem != null) {
            return String.format("%s is damaged at byte %,d (%s); %s.", source, problemOffset, problem, loaded);
        }
        if (!complete) {
            return String.format("%s has no end marker: the recording was interrupted; loaded %,d samples (%.1f s).",
                source, samples, seconds);
        }
        return null;
    }
}
