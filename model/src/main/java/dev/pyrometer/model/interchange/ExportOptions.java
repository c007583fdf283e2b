package dev.pyrometer.model.interchange;

import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Roots;
import dev.pyrometer.model.aggregate.Selection;

/**
 * What an export keeps: the samples of a selection (py-spy's default leaves idle threads out), for pictures the key
 * the frames are grouped by, and for collapsed stacks whether each stack starts with its thread (py-spy's
 * {@code --threads}; kept by default so an export read back has the same threads). A session export always keeps the
 * whole recording.
 */
public record ExportOptions(Selection selection, KeyBy keyBy, boolean threads, Roots roots) {
    public static final ExportOptions DEFAULT = new ExportOptions(Selection.NOT_IDLE, KeyBy.FUNCTION, true);

    public ExportOptions {
        roots = roots == null ? Roots.MERGED : roots;
    }

    /** Pictures of one merged tree. */
    public ExportOptions(Selection selection, KeyBy keyBy, boolean threads) {
        this(selection, keyBy, threads, Roots.MERGED);
    }

    public ExportOptions withThreads(boolean prefixThreads) {
        return new ExportOptions(selection, keyBy, prefixThreads, roots);
    }

    /** Pictures with these root frames (collapsed stacks, speedscope and pprof keep processes and threads anyway). */
    public ExportOptions withRoots(Roots rootFrames) {
        return new ExportOptions(selection, keyBy, threads, rootFrames);
    }
}
