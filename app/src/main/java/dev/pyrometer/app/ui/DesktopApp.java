package dev.pyrometer.app.ui;

import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.common.FxTicker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.shell.FxDialogs;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.UncaughtErrors;
import dev.pyrometer.app.ui.shell.WindowLayout;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
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
        UiSettings settings = UiSettings.forUser();
        Stage[] owner = {stage};
        FxDialogs dialogs = new FxDialogs(() -> owner[0]);
        UncaughtErrors.install(dialogs);
        Services services = RealServices.create(new FxTaskRunner(), new FxTicker(), dialogs, settings);
        WorkbenchViewModel model = new WorkbenchViewModel(services);
        WorkbenchView view = new WorkbenchView(model);
        // The window's title names the profile on screen, as editors do: "cpu_demo.py (pid 4242) — Pyrometer".
        stage.setTitle("Pyrometer");
        model.selectedProperty().addListener((o, before, workspace) -> {
            stage.titleProperty().unbind();
            if (workspace == null) stage.setTitle("Pyrometer");
            else stage.titleProperty().bind(workspace.titleProperty().concat(" — Pyrometer"));
        });
        model.selectedComparisonProperty().addListener((o, before, comparison) -> {
            if (comparison == null) return;
            stage.titleProperty().unbind();
            stage.setTitle(comparison.title() + " — Pyrometer");
        });
        for (int size : new int[] {16, 32, 48, 256}) { // the icon from assets/icons, in the sizes window managers pick
            stage.getIcons().add(new Image(DesktopApp.class.getResource("/dev/pyrometer/app/icons/pyrometer-" + size + ".png").toString()));
        }
        stage.setScene(new Scene(view.root()));
        WindowLayout.restore(stage, settings);
        stage.setOnCloseRequest(e -> {
            e.consume();
            WindowLayout.remember(stage, settings);
            model.requestQuit(Platform::exit);
        });
        stage.show();
        model.handle(request);
    }

    @Override
    public void stop() {
        Platform.exit();
    }
}
