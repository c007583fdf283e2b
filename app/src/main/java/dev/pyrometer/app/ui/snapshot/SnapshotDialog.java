package dev.pyrometer.app.ui.snapshot;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window with the stacks of every thread, a refresh button and copy to clipboard. */
public final class SnapshotDialog {
    private final Stage stage = new Stage();
    private final TextArea text = new TextArea();

    public SnapshotDialog(Window owner, SnapshotViewModel model) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Stacks of " + model.target());
        text.setEditable(false);
        text.setId("snapshot-text");
        text.getStyleClass().add("snapshot-text");
        text.textProperty().bind(model.textProperty());

        Label status = new Label();
        status.setId("snapshot-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        Button refresh = new Button("Take again");
        refresh.setId("snapshot-refresh");
        refresh.disableProperty().bind(model.busyProperty());
        refresh.setOnAction(e -> model.refresh());
        Button copy = new Button("Copy to clipboard");
        copy.setId("snapshot-copy");
        copy.setDefaultButton(true);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, status, spacer, refresh, copy, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(10, 0, 0, 0));

        BorderPane root = new BorderPane(text);
        root.setBottom(buttons);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("dialog-root");
        Scene scene = new Scene(root, 760, 520);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) stage.close();
        });
        stage.setScene(scene);
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }
}
