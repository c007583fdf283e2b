package dev.pyrometer.app.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every message box and file chooser the app shows, behind one interface: view models ask questions through it and
 * tests answer them without a window.
 */
public interface Dialogs {

    /** What to do with a recording that was never saved. */
    enum SaveChoice { SAVE, DISCARD, CANCEL }

    /** Something failed: a title and the one-sentence message the user can act on. */
    void error(String title, String message);

    /** Something worked only in part (a damaged session that loaded up to the damage). */
    void warning(String title, String message);

    /** "Save the recording of X before closing?" */
    SaveChoice askToSave(String what);

    /** Session files to open (several may be picked); empty when cancelled. */
    List<Path> chooseSessionsToOpen(Path startDirectory);

    /** One session file (the baseline of a comparison, say), asked with a title; empty when cancelled. */
    default Optional<Path> chooseSession(String title, Path startDirectory) {
        return chooseSessionsToOpen(startDirectory).stream().findFirst();
    }

    /** Where to save a session; empty when cancelled. */
    Optional<Path> chooseSessionSaveTarget(Path startDirectory, String suggestedName);

    /**
     * Where to export a profile for other tools; the chosen name's extension picks the format (collapsed stacks,
     * speedscope, pprof, an SVG flame graph). Empty when cancelled.
     */
    Optional<Path> chooseExportTarget(Path startDirectory, String suggestedName);

    /** A directory (for a source path mapping); empty when cancelled. */
    Optional<Path> chooseDirectory(String title, Path startDirectory);
}
