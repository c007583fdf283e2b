package dev.pyrometer.app.ui.picker;

import dev.pyrometer.app.ui.recording.LaunchSpec;
import dev.pyrometer.app.ui.recording.RecordingSettings;
import java.io.File;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** "Launch…": a program, its arguments, a working directory and extra environment, started under the profiler. */
public final class LaunchDialog {
    private LaunchDialog() {}

    public static Optional<LaunchSpec> show(Window owner) {
        return show(owner, new javafx.beans.property.SimpleBooleanProperty(false));
    }

    /** With a "Native frames" box bound to {@code nativeFrames} (the recording setting the start page holds too). */
    public static Optional<LaunchSpec> show(Window owner, BooleanProperty nativeFrames) {
        Dialog<LaunchSpec> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Launch a program under the profiler");
        dialog.setHeaderText("Start a Python program and record it from its first line");
        ButtonType launch = new ButtonType("Launch and record", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(launch, ButtonType.CANCEL);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }

        TextField program = new TextField("python3");
        program.setId("launch-program");
        TextField arguments = new TextField();
        arguments.setId("launch-arguments");
        arguments.setPromptText("app.py --input data.csv");
        TextField directory = new TextField(System.getProperty("user.dir"));
        directory.setId("launch-directory");
        TextArea environment = new TextArea();
        environment.setId("launch-environment");
        environment.setPromptText("NAME=value, one per line");
        environment.setPrefRowCount(4);
        javafx.scene.control.CheckBox subprocesses = new javafx.scene.control.CheckBox(
            "Also record the Python processes it starts (workers, subprocesses)");
        subprocesses.setId("launch-subprocesses");
        subprocesses.setSelected(true);
        Label problem = new Label();
        problem.setId("launch-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);

        Button browseProgram = new Button("Browse…");
        browseProgram.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Program to run");
            File file = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (file != null) program.setText(file.getAbsolutePath());
        });
        Button browseDirectory = new Button("Browse…");
        browseDirectory.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Working directory");
            File dir = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (dir != null) directory.setText(dir.getAbsolutePath());
        });

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(16, 16, 8, 16));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(380);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.addRow(0, new Label("Program"), row(program, browseProgram));
        grid.addRow(1, new Label("Arguments"), arguments);
        grid.addRow(2, new Label("Working directory"), row(directory, browseDirectory));
        grid.addRow(3, new Label("Environment"), environment);
        CheckBox nativeBox = new CheckBox("Native frames");
        nativeBox.setId("launch-native");
        nativeBox.selectedProperty().bindBidirectional(nativeFrames);
        Label cost = new Label(RecordingSettings.NATIVE_COST);
        cost.setId("launch-native-cost");
        cost.setWrapText(true);
        cost.setMaxWidth(460);
        cost.getStyleClass().add("muted");
        grid.addRow(4, new Label(), new VBox(4, subprocesses, nativeBox, cost));
        grid.add(problem, 1, 5);
        dialog.getDialogPane().setContent(grid);

        Button ok = (Button) dialog.getDialogPane().lookupButton(launch);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            LaunchForm.Result result = LaunchForm.parse(program.getText(), arguments.getText(), directory.getText(), environment.getText());
            if (result.problem() != null) {
                problem.setText(result.problem());
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == launch
            ? LaunchForm.parse(program.getText(), arguments.getText(), directory.getText(), environment.getText()).spec()
                .holdable(nativeBox.isSelected())
                .withSubprocesses(subprocesses.isSelected())
            : null);
        javafx.application.Platform.runLater(arguments::requestFocus);
        return dialog.showAndWait();
    }

    private static HBox row(TextField field, Button button) {
        HBox.setHgrow(field, Priority.ALWAYS);
        return new HBox(8, field, button);
    }
}
