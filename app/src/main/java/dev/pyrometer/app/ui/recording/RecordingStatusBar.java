package dev.pyrometer.app.ui.recording;

import dev.pyrometer.app.ui.common.Formats;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;

/**
 * The workspace's status bar while (and after) recording: state and message on the left; elapsed, samples,
 * achieved rate, errors, late ticks, target CPU and the pause / stop buttons on the right.
 */
public final class RecordingStatusBar extends StatusBar {
    private final Label elapsed = stat("recording-elapsed", "Time since recording started");
    private final Label samples = stat("recording-samples", "Ticks at which at least one stack was recorded");
    private final Label rate = stat("recording-rate", "Samples per second actually achieved");
    private final Label errors = stat("recording-errors", "Stacks that could not be read consistently and were dropped");
    private final Label late = stat("recording-late", "Ticks that started more than one interval late");
    private final Label cpu = stat("recording-cpu", "The target's CPU use while recorded (100% = one core)");
    private final Label processes = stat("recording-processes", "Processes recorded: the target and the Python"
        + " processes it started");

    public RecordingStatusBar(RecordingViewModel model) {
        setId("recording-status");
        getStyleClass().add("recording-status");
        textProperty().bind(model.messageProperty());

        Button pause = new Button("Pause");
        pause.setId("recording-pause");
        pause.setTooltip(new Tooltip("Pause or resume sampling (Ctrl+P)"));
        pause.setOnAction(e -> model.togglePause());
        Button stop = new Button("Stop");
        stop.setId("recording-stop");
        stop.setTooltip(new Tooltip("Stop recording (Ctrl+E); the profile stays open"));
        stop.setOnAction(e -> model.stop());
        for (Button b : new Button[] {pause, stop}) {
            b.getStyleClass().add("status-button");
            b.setMinWidth(Region.USE_PREF_SIZE);
        }

        model.statsProperty().addListener((o, before, s) -> show(s));
        model.stateProperty().addListener((o, before, state) -> {
            pause.setText(state == RecordingViewModel.State.PAUSED ? "Resume" : "Pause");
            pause.setDisable(state != RecordingViewModel.State.RECORDING && state != RecordingViewModel.State.PAUSED);
            stop.setDisable(pause.isDisable());
            getStyleClass().removeAll("recording-active", "recording-paused", "recording-ended");
            getStyleClass().add(switch (state) {
                case RECORDING, STOPPING -> "recording-active";
                case PAUSED -> "recording-paused";
                case ENDED -> "recording-ended";
            });
        });
        getStyleClass().add("recording-active");
        show(model.statsProperty().get());
        getRightItems().setAll(elapsed, separator(), samples, separator(), rate, separator(), errors, separator(), late,
            separator(), cpu, processes, separator(), pause, stop);
    }

    private void show(RecordingStats s) {
        elapsed.setText(Formats.elapsed(Duration.ofNanos(s.elapsedNanos())));
        samples.setText(Formats.count(s.samples(), "sample"));
        rate.setText(Formats.rate(s.achievedRate()));
        errors.setText(Formats.count(s.errors(), "error"));
        late.setText(Formats.count(s.lateTicks()) + " late");
        cpu.setText(String.format(Locale.ROOT, "target %.0f%% CPU", s.targetCpuPercent()));
        processes.setText(" in " + Formats.count(s.processes()) + (s.processes() == 1 ? " process" : " processes"));
        processes.setVisible(s.processes() > 1);
        processes.setManaged(s.processes() > 1);
        errors.getStyleClass().remove("stat-warning");
        if (s.errors() > 0 && s.errors() * 20 > s.samples()) errors.getStyleClass().add("stat-warning");
    }

    private static Label stat(String id, String tip) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("status-stat");
        label.setTooltip(new Tooltip(tip));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
