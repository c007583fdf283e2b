package dev.pyrometer.app.ui.shell;

import dev.pyrometer.app.ui.common.UiSettings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the main window's size, position and maximised state between runs. */
public final class WindowLayout {
    static final double DEFAULT_WIDTH = 1360;
    static final double DEFAULT_HEIGHT = 860;
    /** On a first run the window takes this share of a large screen: the source pane's gutter wants the room. */
    private static final double FIRST_RUN_SHARE = 0.9;
    private static final double FIRST_RUN_MAX_WIDTH = 1800;
    private static final double FIRST_RUN_MAX_HEIGHT = 1120;

    private WindowLayout() {}

    /** Puts the window where it was, if that place is still on a screen; else centred at a default size. */
    public static void restore(Stage stage, UiSettings settings) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = settings.getDouble("window.width",
            Math.max(DEFAULT_WIDTH, Math.min(screen.getWidth() * FIRST_RUN_SHARE, FIRST_RUN_MAX_WIDTH)));
        double h = settings.getDouble("window.height",
            Math.max(DEFAULT_HEIGHT, Math.min(screen.getHeight() * FIRST_RUN_SHARE, FIRST_RUN_MAX_HEIGHT)));
        double x = settings.getDouble("window.x", Double.NaN);
        double y = settings.getDouble("window.y", Double.NaN);
        w = Math.max(800, Math.min(w, screen.getWidth()));
        h = Math.max(560, Math.min(h, screen.getHeight()));
        stage.setWidth(w);
        stage.setHeight(h);
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(x, y, Math.min(w, 100), Math.min(h, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(settings.getBoolean("window.maximized", false));
    }

    public static void remember(Stage stage, UiSettings settings) {
        settings.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            settings.putDouble("window.x", stage.getX());
            settings.putDouble("window.y", stage.getY());
            settings.putDouble("window.width", stage.getWidth());
            settings.putDouble("window.height", stage.getHeight());
        }
    }
}
