package dev.pyrometer.app.ui.calltree;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A frame's name with its location after it in a quieter colour: {@code search   cpu_demo.py:23}. */
final class FunctionCell extends HBox {
    private final Label name = new Label();
    private final Label location = new Label();

    FunctionCell() {
        super(8);
        getStyleClass().add("function-cell");
        name.getStyleClass().add("function-name");
        location.getStyleClass().add("function-location");
        name.setMinWidth(Region.USE_PREF_SIZE);
        location.setMinWidth(0);
        HBox.setHgrow(location, Priority.ALWAYS);
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(0);
        getChildren().addAll(name, location);
    }

    void set(FrameRow row) {
        name.setText(row.name());
        location.setText(row.location());
    }
}
