package dev.pyrometer.app.ui.support;

import dev.pyrometer.app.ui.common.Dialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link Dialogs} that answer from a script and remember what they were asked to show. */
public final class ScriptedDialogs implements Dialogs {
    public final List<String> errors = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<String> saveQuestions = new ArrayList<>();
    public SaveChoice saveAnswer = SaveChoice.CANCEL;
    public List<Path> toOpen = List.of();
    public Path saveTarget;
    public Path exportTarget;
    public Path directory;

    @Override
    public void error(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void warning(String title, String message) {
        warnings.add(title + ": " + message);
    }

    @Override
    public SaveChoice askToSave(String what) {
        saveQuestions.add(what);
        return saveAnswer;
    }

    @Override
    public List<Path> chooseSessionsToOpen(Path startDirectory) {
        return toOpen;
    }

    @Override
    public Optional<Path> chooseSessionSaveTarget(Path startDirectory, String suggestedName) {
        return Optional.ofNullable(saveTarget);
    }

    @Override
    public Optional<Path> chooseExportTarget(Path startDirectory, String suggestedName) {
        return Optional.ofNullable(exportTarget);
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path startDirectory) {
        return Optional.ofNullable(directory);
    }
}
