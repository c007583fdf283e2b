package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.session.ModelSessionFiles;
import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import dev.pyrometer.app.ui.shell.FxDialogs;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.app.ui.support.FakeTargets;
import dev.pyrometer.app.ui.support.FileDrag;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.ManualTicker;
import dev.pyrometer.app.ui.support.Workbenches;
import dev.pyrometer.model.session.SessionWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Session files through the real model and the real dialogs: save and reopen, damaged and corrupt files. */
@ExtendWith(ApplicationExtension.class)
class SessionUiTest {
    @TempDir
    static Path dir;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        Services services = new Services(new FxTaskRunner(), new ManualTicker(), List::of, new FakeTargets(),
            new ModelSessionFiles(), new FxDialogs(() -> stage), UiSettings.inMemory(), dir.resolve("autosave"));
        view = Workbenches.show(stage, services, 1000, 800);
    }

    private WorkspaceViewModel open(Path file) {
        WorkbenchViewModel model = view.model();
        Fx.runFx(() -> model.open(List.of(file)));
        Fx.await(file.getFileName() + " is open", () -> model.selected() != null && file.equals(model.selected().file())
            && model.selected().analysis().analysis() != null);
        return Fx.onFx(model::selected);
    }

    @Test
    void savingAndReopeningGivesTheSameTotals() throws Exception {
        Path original = dir.resolve("original.pyro");
        SessionWriter.save(DemoProfiles.cpuDemo(5000), original);
        WorkspaceViewModel first = open(original);
        Analysis before = Fx.onFx(() -> first.analysis().analysis());

        Path copy = dir.resolve("copy.pyro");
        Fx.runFx(() -> first.saveTo(copy, () -> { }));
        Fx.await("the copy is written", () -> copy.equals(first.file()) && Files.exists(copy));
        Fx.runFx(() -> view.model().close(first, () -> { }));
        WorkspaceViewModel second = open(copy);
        Analysis after = Fx.onFx(() -> second.analysis().analysis());

        assertEquals(before.sampleCount(), after.sampleCount());
        assertEquals(before.tree().size(), after.tree().size());
        assertEquals(before.hot().size(), after.hot().size());
        for (int r = 0; r < before.hot().size(); r++) {
            assertEquals(before.hot().label(r), after.hot().label(r));
            assertEquals(before.hot().self(r), after.hot().self(r));
            assertEquals(before.hot().total(r), after.hot().total(r));
        }
        assertEquals(List.of(copy.toAbsolutePath(), original.toAbsolutePath()), Fx.onFx(() -> List.copyOf(view.model().recent().files())));
    }

    /** A session file dropped on the window (from a file manager) opens in a tab. */
    @Test
    void aSessionDroppedOnTheWindowOpens() throws Exception {
        Path dropped = dir.resolve("dropped.pyro");
        SessionWriter.save(DemoProfiles.cpuDemo(500), dropped);
        assertEquals(javafx.scene.input.TransferMode.COPY,
            Fx.onFx(() -> FileDrag.drop(view.root(), List.of(dropped.toFile()))), "the window takes files");
        WorkbenchViewModel model = view.model();
        Fx.await("the dropped session is open", () -> model.selected() != null && dropped.equals(model.selected().file())
            && model.selected().analysis().analysis() != null);
        assertEquals(500, Fx.onFx(() -> model.selected().analysis().analysis().sampleCount()));
    }

    @Test
    void aCorruptFileShowsTheModelsMessageInADialog(FxRobot robot) throws Exception {
        Path corrupt = Files.write(dir.resolve("corrupt.pyro"), new byte[] {0, 1, 2, 3, 0, 0, 7, 9});
        WorkbenchViewModel model = view.model();
        robot.interact(() -> model.open(List.of(corrupt)));
        Fx.await("an error dialog", () -> dialogMessage(robot) != null);
        String message = dialogMessage(robot);
        assertTrue(message.contains("corrupt.pyro"), message);
        assertTrue(message.contains("not a Pyrometer session"), message);
        robot.clickOn("OK");
        Fx.await("the dialog closed", () -> dialogMessage(robot) == null);
        assertTrue(Fx.onFx(() -> model.workspaces().isEmpty()));
    }

    @Test
    void aDamagedSessionOpensWhatCouldBeRecoveredAndSaysSo(FxRobot robot) throws Exception {
        Path whole = dir.resolve("whole.pyro");
        SessionWriter.save(DemoProfiles.cpuDemo(100_000), whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path damaged = Files.write(dir.resolve("damaged.pyro"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        WorkbenchViewModel model = view.model();
        robot.interact(() -> model.open(List.of(damaged)));
        Fx.await("a warning dialog", () -> dialogMessage(robot) != null);
        String message = dialogMessage(robot);
        assertTrue(message.contains("damaged.pyro"), message);
        robot.clickOn("OK");
        Fx.await("the recovered part is open", () -> model.selected() != null && model.selected().analysis().analysis() != null);
        int recovered = Fx.onFx(() -> model.selected().profile().samples().size());
        assertTrue(recovered > 0 && recovered < 110_000, "some samples, not all: " + recovered);
    }

    /** The text of the alert on screen, or null. */
    private static String dialogMessage(FxRobot robot) {
        return Fx.onFx(() -> {
            for (Window w : Window.getWindows()) {
                if (w.getScene() == null) continue;
                var found = w.getScene().getRoot().lookup("#dialog-message");
                if (found instanceof Label label && w.isShowing()) return label.getText();
            }
            return null;
        });
    }
}
