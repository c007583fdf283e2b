package dev.pyrometer.app.ui.support;

import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.common.FxTicker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.picker.ProcessRow;
import dev.pyrometer.app.ui.recording.AttachedTarget;
import dev.pyrometer.app.ui.recording.LaunchSpec;
import dev.pyrometer.app.ui.recording.Recording;
import dev.pyrometer.app.ui.recording.RecordingSettings;
import dev.pyrometer.app.ui.recording.TargetService;
import dev.pyrometer.app.ui.shell.FxDialogs;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import dev.pyrometer.app.ui.snapshot.ThreadDump;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The workbench on demo data, for looking at it (screenshots under Xvfb) before a sampler is at hand:
 * {@code demo.pyro} opens from memory, the process list shows a fake process, and attaching to it records demo
 * stacks at 1 kHz from a background thread. Arguments: {@code open}, {@code live}, {@code dark}.
 */
public final class DemoApp extends Application {
    private static List<String> args = List.of();

    public static void main(String[] arguments) {
        args = List.of(arguments);
        Application.launch(DemoApp.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        Path settingsFile = Files.createTempDirectory("pyrometer-demo").resolve("ui.properties");
        UiSettings settings = new UiSettings(settingsFile);
        settings.put("theme", args.contains("dark") ? "dark" : "light");
        MemorySessionFiles files = new MemorySessionFiles();
        Path demo = Path.of("/tmp/demo.pyro");
        files.files.put(demo, DemoProfiles.cpuDemo(20_000, true));
        Stage[] owner = {stage};
        Services services = new Services(new FxTaskRunner(), new FxTicker(),
            () -> List.of(new ProcessRow(4242, "root", "3.11.7", "python3 assets/demo/cpu_demo.py --seconds 60",
                "/usr/bin/python3.11", 99.0, Instant.now().minusSeconds(75)),
                new ProcessRow(5120, "www-data", "3.12.1", "/srv/venv/bin/python -m gunicorn app:server --workers 2",
                    "/srv/venv/bin/python", 3.5, Instant.now().minusSeconds(7200)),
                new ProcessRow(5131, "www-data", "3.12.1", "/srv/venv/bin/python -m gunicorn app:server --workers 2",
                    "/srv/venv/bin/python", 41.0, Instant.now().minusSeconds(7199), 5120),
                new ProcessRow(5132, "www-data", "3.12.1", "/srv/venv/bin/python -m gunicorn app:server --workers 2",
                    "/srv/venv/bin/python", 37.5, Instant.now().minusSeconds(7199), 5120)),
            new LiveTargets(), files, new FxDialogs(() -> owner[0]), settings, Files.createTempDirectory("pyrometer-autosave"));
        WorkbenchViewModel model = new WorkbenchViewModel(services);
        WorkbenchView view = new WorkbenchView(model);
        stage.setTitle("Pyrometer");
        stage.setScene(new Scene(view.root(), 1560, 960));
        stage.setOnCloseRequest(e -> {
            e.consume();
            model.requestQuit(Platform::exit);
        });
        stage.show();
        if (args.contains("open")) model.handle(new DesktopRequest(null, List.of(), List.of(demo)));
        if (args.contains("live")) model.handle(new DesktopRequest(4242, List.of(), List.of()));
    }

    /** Targets whose recordings are fed by a thread at the requested rate. */
    public static final class LiveTargets implements TargetService {
        @Override
        public AttachedTarget attach(int pid, boolean subprocesses) {
            return new AttachedTarget() {
                @Override public int pid() { return pid; }
                @Override public String commandLine() { return "python3 assets/demo/cpu_demo.py --seconds 60"; }
                @Override public String pythonVersion() { return "3.11.7"; }
                @Override public boolean isAlive() { return true; }
                @Override public List<ThreadDump> snapshot() { return new FakeTargets.FakeTarget(pid, "demo").snapshot(); }
                @Override public Recording record(RecordingSettings settings, SampleSink sink) { return new PacedFeeder((Profile) sink, settings.rateHz()); }
                @Override public void close() { }
            };
        }

        @Override
        public AttachedTarget launch(LaunchSpec spec) {
            return attach(7777);
        }
    }
}
