package dev.pyrometer.app.ui.session;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Above the status bar, the moment the autosave fails: what went wrong and a Save As… button that writes the
 * recording (still in memory) elsewhere. Hidden while the autosave works.
 */
final class AutosaveProblemBar extends HBox {
    AutosaveProblemBar(WorkspaceViewModel model) {
        super(10);
        setId("autosave-problem");
        getStyleClass().add("warning-banner");
        setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("autosave-problem-message");
        message.setWrapText(true);
        message.textProperty().bind(model.autosaveProblemProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        Button saveAs = new Button("Save As…");
        saveAs.setId("autosave-save-as");
        saveAs.setTooltip(new Tooltip("Save the recording, which is still in memory, to another place (Ctrl+Shift+S)"));
        saveAs.setMinWidth(Region.USE_PREF_SIZE);
        saveAs.setOnAction(e -> model.saveAs(() -> { }));
        getChildren().addAll(message, saveAs);
        visibleProperty().bind(model.autosaveProblemProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
