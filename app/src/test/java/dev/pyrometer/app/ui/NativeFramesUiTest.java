package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.common.FxTicker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.picker.SamplerProcessSource;
import dev.pyrometer.app.ui.recording.SamplerTargetService;
import dev.pyrometer.app.ui.session.ModelSessionFiles;
import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.ScriptedDialogs;
import dev.pyrometer.app.ui.support.Workbenches;
import dev.pyrometer.model.Profile;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Native frames" in the workbench: ticked on the start page, Launch… offers it ticked with its cost, and the
 * program it starts (through a shell, so ptrace may hold it) records libz's C frames under the calling Python line.
 */
@ExtendWith(ApplicationExtension.class)
class NativeFramesUiTest {
    @TempDir
    static Path dir;
    private WorkbenchView view;

    @Start
    void start(Stage stage) throws Exception {
        Services services = new Services(new FxTaskRunner(), new FxTicker(), new SamplerProcessSource(),
            new SamplerTargetService(), new ModelSessionFiles(), new ScriptedDialogs(), UiSettings.inMemory(),
            dir.resolve("autosave"));
        view = Workbenches.show(stage, services, 1200, 900);
    }

    @AfterEach
    void stop() {
        WorkbenchViewModel model = view.model();
        Fx.runFx(() -> model.workspaces().forEach(w -> w.dispose(true)));
    }

    @Test
    void launchWithNativeFramesRecordsTheCFramesUnderThePythonLine(FxRobot robot) throws Exception {
        Path script = dir.resolve("native_work.py");
        try (InputStream in = TargetProcess.class.getResourceAsStream("native_work.py")) {
            Files.copy(in, script);
        }
        robot.clickOn("#picker-native");
        assertTrue(Fx.onFx(() -> view.model().picker().nativeFramesProperty().get()), "ticked on the start page");
        robot.clickOn("#picker-launch");
        Fx.await("the launch dialog", () -> robot.lookup("#launch-native").tryQuery().isPresent());
        assertTrue(Fx.onFx(() -> robot.lookup("#launch-native").queryAs(CheckBox.class).isSelected()),
            "Launch… offers native frames as the start page has them");
        assertTrue(Fx.onFx(() -> robot.lookup("#launch-native-cost").queryLabeled().getText().contains("slower")));
        Fx.runFx(() -> robot.lookup("#launch-program").queryTextInputControl()
            .setText(Pythons.all().getLast().executable().toString()));
        Fx.runFx(() -> robot.lookup("#launch-arguments").queryTextInputControl()
            .setText(script + " zlib " + dir.resolve("ready")));
        robot.clickOn("Launch and record");

        WorkbenchViewModel model = view.model();
        Fx.await("a workspace records the program", () -> model.selected() != null);
        WorkspaceViewModel workspace = Fx.onFx(model::selected);
        Profile profile = workspace.profile();
        Fx.await("libz frames under the line calling zlib.compress", () -> libzUnderPython(profile));
    }

    /** A sample whose innermost native frames come from libz and whose nearest Python frame calls it. */
    private static boolean libzUnderPython(Profile p) {
        int n = p.samples().size();
        for (int i = 0; i < n; i++) {
            boolean libz = false;
            for (int s = p.samples().stack(i); s >= 0; s = p.stacks().parent(s)) {
                int f = p.stacks().frame(s);
                if (p.isNative(f) && p.fileName(f).startsWith("libz.so")) libz = true;
                if (!p.isNative(f)) {
                    if (libz && p.functionName(f).equals("work")) return true;
                    break;
                }
            }
        }
        return false;
    }
}
