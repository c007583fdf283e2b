package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.ProcessChoice;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.session.WorkspaceView;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.TestServices;
import dev.pyrometer.app.ui.support.Workbenches;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.sampler.ProcessFollower;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.Sampler;
import dev.pyrometer.sampler.SamplerOptions;
import dev.pyrometer.sampler.TargetProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The processes filter on a recorded multiprocessing pool (parent and two workers), driven through its control. */
@ExtendWith(ApplicationExtension.class)
class ProcessFilterUiTest {
    @TempDir
    static Path dir;
    private static Profile pool;
    private final TestServices test = new TestServices();
    private WorkbenchView view;

    @BeforeAll
    static void recordAPool() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        try (TargetProcess t = TargetProcess.start(python.executable(), "pool_briefly.py", "fork", "1")) {
            pool = new Profile();
            ProcessFollower follower = new ProcessFollower(t.pid(), t.attachWhenUp(), new SamplerOptions(200, null),
                pool, Duration.ofSeconds(30));
            follower.start();
            assertEquals(Sampler.Outcome.TARGET_EXITED, follower.awaitEnd(60, TimeUnit.SECONDS));
        }
        assertTrue(pool.processes().size() >= 3, "processes: " + pool.processes().size());
    }

    @Start
    void start(Stage stage) {
        view = Workbenches.show(stage, test.services(new FxTaskRunner(), dir), 1400, 900);
    }

    @Test
    void checkingOneWorkerShowsItsSamplesOnly(FxRobot robot) {
        WorkspaceView workspace = Workbenches.open(view, test.files, dir.resolve("pool.pyro"), pool,
            "the flame graph has a scene", w -> w.flame().scene() != null);
        @SuppressWarnings("unchecked")
        CheckComboBox<ProcessChoice> filter = robot.lookup("#process-filter").queryAs(CheckComboBox.class);
        Fx.await("the processes filter lists the pool", () -> Fx.onFx(() -> filter.isVisible()
            && filter.getItems().size() == pool.processes().size()));
        assertEquals(pool.processes().size(), Fx.onFx(() -> filter.getCheckModel().getCheckedItems().size()));
        int worker = 1; // the first process found after the parent
        assertTrue(Fx.onFx(() -> filter.getItems().get(worker).label()).startsWith(pool.processes().get(worker).pid() + " "));
        Fx.runFx(() -> {
            filter.getCheckModel().clearChecks();
            filter.getCheckModel().check(worker);
        });
        Set<Integer> workerThreads = new HashSet<>();
        for (int t = 0; t < pool.threads().size(); t++) if (pool.threads().process(t) == worker) workerThreads.add(t);
        Fx.await("the analysis shows the worker's threads", () -> workerThreads.equals(
            Fx.onFx(() -> workspace.model().analysis().threadsProperty().get())));
        long expected = 0;
        for (int i = 0; i < pool.samples().size(); i++) {
            if (workerThreads.contains(pool.samples().thread(i)) && (pool.samples().state(i) & SampleState.RUNNING) != 0) {
                expected++;
            }
        }
        long wanted = expected;
        Fx.await("the flame graph counts the worker's samples", () -> Fx.onFx(() -> {
            var a = workspace.model().analysis().analysis();
            return a != null && a.request().selection().threads() != null && a.sampleCount() == wanted;
        }));
        // The threads filter follows: only the worker's threads stay checked.
        var threads = robot.lookup("#thread-filter").queryAs(CheckComboBox.class);
        assertEquals(workerThreads.size(), Fx.onFx(() -> threads.getCheckModel().getCheckedItems().size()));
    }
}
