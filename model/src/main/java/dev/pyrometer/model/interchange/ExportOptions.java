package dev.pyrometer.model.interchange;

import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Selection;

/**
 * What an export keeps: the samples of a selection (py-spy's default leaves idle threads out), and for pictures the
 * key the frames are grouped by. A session export always keeps the whole recording.
 */
public record ExportOptions(Selection selection, KeyBy keyBy) {
    public static final ExportOptions DEFAULT = new ExportOptions(Selection.NOT_IDLE, KeyBy.FUNCTION);

    public ExportOptions withSelection(Selection s) {
        return new ExportOptions(s, keyBy);
    }
}
