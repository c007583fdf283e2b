package dev.pyrometer.app.ui;

import dev.pyrometer.app.DesktopRequest;
import dev.pyrometer.model.PyrometerException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: one main window showing what the command line asked for. */
public final class DesktopApp extends Application {
    private static DesktopRequest request = DesktopRequest.picker();

    /** Called reflectively by the command line; blocks until the last window closes. */
    public static int launch(DesktopRequest firstRequest) {
        request = firstRequest;
        try {
            Application.launch(DesktopApp.class);
        } catch (UnsupportedOperationException | IllegalStateException | UnsatisfiedLinkError noToolkit) {
            throw new PyrometerException("the desktop could not start (" + noToolkit.getMessage() + "). "
                + "Check that a display is reachable and GTK 3 is installed (apt-get install libgtk-3-0).", 2, noToolkit);
        }
        return 0;
    }

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(request);
        stage.setTitle("Pyrometer");
        for (int size : new int[] {16, 32, 48, 256}) { // the icon from assets/icons, in the sizes window managers pick
            stage.getIcons().add(new Image(DesktopApp.class.getResource("/dev/pyrometer/app/icons/pyrometer-" + size + ".png").toString()));
        }
        stage.setScene(new Scene(window.root(), 1280, 800));
        stage.show();
    }

    @Override
    public void stop() {
        Platform.exit();
    }
}
