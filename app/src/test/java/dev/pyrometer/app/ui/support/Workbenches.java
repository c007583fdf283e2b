package dev.pyrometer.app.ui.support;

import dev.pyrometer.app.ui.session.WorkspaceView;
import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import dev.pyrometer.model.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The workbench on a real stage for TestFX tests, and sessions opened in it as a user would open them. */
public final class Workbenches {
    private Workbenches() {}

    /** Shows a workbench made of {@code services} on {@code stage}, in a window of the given size. */
    public static WorkbenchView show(Stage stage, Services services, double width, double height) {
        WorkbenchView view = new WorkbenchView(new WorkbenchViewModel(services));
        stage.setScene(new Scene(view.root(), width, height));
        stage.show();
        return view;
    }

    /**
     * Opens {@code profile} as the session {@code file} (which {@code files} hands out) and waits until its
     * workspace is on screen and {@code drawn} holds for it.
     */
    public static WorkspaceView open(WorkbenchView view, MemorySessionFiles files, Path file, Profile profile,
                                     String what, Predicate<WorkspaceViewModel> drawn) {
        files.files.put(file, profile);
        WorkbenchViewModel model = view.model();
        Fx.runFx(() -> model.open(List.of(file)));
        Fx.await(what, () -> model.selected() != null && view.selectedView() != null && drawn.test(model.selected()));
        return Fx.onFx(view::selectedView);
    }
}
