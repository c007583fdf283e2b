package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.DesktopRequest;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Opens the real main window on JavaFX's headless platform and finds its controls. */
@ExtendWith(ApplicationExtension.class)
class MainWindowSmokeTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new MainWindow(DesktopRequest.picker()).root(), 1024, 700));
        stage.show();
    }

    @Test
    void mainWindowShowsTheMenuBar(FxRobot robot) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        assertEquals("_File", bar.getMenus().get(0).getText());
        assertTrue(bar.isVisible());
    }
}
