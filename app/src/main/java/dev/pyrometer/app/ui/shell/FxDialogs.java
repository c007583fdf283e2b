package dev.pyrometer.app.ui.shell;

import dev.pyrometer.app.ui.common.Dialogs;
import dev.pyrometer.app.ui.session.SessionFiles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link Dialogs} with JavaFX alerts and choosers, owned by the main window and styled with its theme. */
public final class FxDialogs implements Dialogs {
    private final Supplier<Window> owner;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void error(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void warning(String title, String message) {
        alert(Alert.AlertType.WARNING, title, message).showAndWait();
    }

    @Override
    public SaveChoice askToSave(String what) {
        ButtonType save = new ButtonType("Save…", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Unsaved recording",
            "The recording " + what + " has not been saved. Save it before closing?");
        alert.getButtonTypes().setAll(save, discard, cancel);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == cancel) return SaveChoice.CANCEL;
        return answer.get() == save ? SaveChoice.SAVE : SaveChoice.DISCARD;
    }

    @Override
    public List<Path> chooseSessionsToOpen(Path startDirectory) {
        FileChooser chooser = sessionChooser("Open sessions", startDirectory);
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseSession(String title, Path startDirectory) {
        FileChooser chooser = sessionChooser(title, startDirectory);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSessionSaveTarget(Path startDirectory, String suggestedName) {
        FileChooser chooser = sessionChooser("Save session", startDirectory);
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseExportTarget(Path startDirectory, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export profile");
        chooser.getExtensionFilters().setAll(
            new FileChooser.ExtensionFilter("Collapsed stacks, for flamegraph.pl and py-spy users (*.txt)", "*.txt", "*.folded", "*.collapsed"),
            new FileChooser.ExtensionFilter("speedscope (*.speedscope.json)", "*.speedscope.json"),
            new FileChooser.ExtensionFilter("pprof (*.pb.gz)", "*.pb.gz"),
            new FileChooser.ExtensionFilter("Flame graph picture, click to zoom and search (*.svg)", "*.svg"),
            new FileChooser.ExtensionFilter("Flame graph page with the sandwich of a clicked function (*.html)", "*.html"));
        chooser.setInitialFileName(suggestedName);
        if (startDirectory != null && Files.isDirectory(startDirectory)) chooser.setInitialDirectory(startDirectory.toFile());
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) return Optional.empty();
        // The chooser does not add the extension of the filter picked: add it when the name has none.
        Path path = file.toPath();
        FileChooser.ExtensionFilter filter = chooser.getSelectedExtensionFilter();
        if (!path.getFileName().toString().contains(".") && filter != null) {
            path = path.resolveSibling(path.getFileName() + filter.getExtensions().getFirst().substring(1));
        }
        return Optional.of(path);
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path startDirectory) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (startDirectory != null && Files.isDirectory(startDirectory)) chooser.setInitialDirectory(startDirectory.toFile());
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    private FileChooser sessionChooser(String title, Path startDirectory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(
            new FileChooser.ExtensionFilter("Pyrometer sessions (*" + SessionFiles.EXTENSION + ")", "*" + SessionFiles.EXTENSION),
            new FileChooser.ExtensionFilter("All files", "*"));
        if (startDirectory != null && Files.isDirectory(startDirectory)) chooser.setInitialDirectory(startDirectory.toFile());
        return chooser;
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
            if (window.getScene() != null) alert.getDialogPane().getStylesheets().setAll(window.getScene().getStylesheets());
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setId("dialog-message");
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setMinWidth(460);
        return alert;
    }
}
