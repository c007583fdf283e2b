package dev.pyrometer.app.ui;

import dev.pyrometer.app.DesktopRequest;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The workbench window's content: menus on top, the current page in the middle. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();

    public MainWindow(DesktopRequest request) {
        root.setId("main-window");
        root.setTop(menuBar());
        root.setCenter(startPage());
    }

    public Parent root() {
        return root;
    }

    private MenuBar menuBar() {
        MenuItem quit = new MenuItem("Quit");
        quit.setId("menu-quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("_File", null, quit);
        MenuBar bar = new MenuBar(file);
        bar.setId("menu-bar");
        return bar;
    }

    private VBox startPage() {
        Label title = new Label("Pyrometer");
        title.setId("start-title");
        title.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        Label hint = new Label("Profile running Python programs from the outside.");
        VBox page = new VBox(12, title, hint);
        page.setAlignment(Pos.CENTER);
        page.setPadding(new Insets(24));
        return page;
    }
}
