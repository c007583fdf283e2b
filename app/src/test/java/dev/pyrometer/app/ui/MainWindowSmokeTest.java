package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.support.TestServices;
import dev.pyrometer.app.ui.support.Workbenches;
import java.nio.file.Path;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Opens the real main window on JavaFX's headless platform and finds its controls. */
@ExtendWith(ApplicationExtension.class)
class MainWindowSmokeTest {
    @TempDir
    static Path autosaves;

    @Start
    void start(Stage stage) {
        Workbenches.show(stage, new TestServices().services(autosaves), 1024, 700);
    }

    @Test
    void mainWindowShowsTheMenuBarAndTheStartPage(FxRobot robot) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        assertEquals("_File", bar.getMenus().get(0).getText());
        assertTrue(bar.isVisible());
        assertTrue(robot.lookup("#picker-table").tryQuery().isPresent());
    }
}
