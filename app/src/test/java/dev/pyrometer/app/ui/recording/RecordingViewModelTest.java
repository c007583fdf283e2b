package dev.pyrometer.app.ui.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.support.FakeTargets;
import dev.pyrometer.app.ui.support.ManualTicker;
import dev.pyrometer.model.Profile;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordingViewModelTest {
    private final ManualTicker ticker = new ManualTicker();
    private final AtomicInteger ended = new AtomicInteger();
    private final FakeTargets.FakeTarget target = (FakeTargets.FakeTarget) new FakeTargets().attach(77);
    private final RecordingSettings settings = new RecordingSettings(1000, null);
    private final FakeTargets.FakeRecording recording = (FakeTargets.FakeRecording) target.record(settings, new Profile());
    private final RecordingViewModel model = new RecordingViewModel(recording, settings, ticker, new DirectTaskRunner(), ended::incrementAndGet);

    @Test
    void pollsTheCountersAndSummarisesThem() {
        recording.feed(1500);
        ticker.tick();
        assertEquals(1500, model.statsProperty().get().samples());
        assertEquals("0:01  ·  1,500 samples  ·  1000 Hz  ·  0 errors  ·  0 late  ·  target 100% CPU", model.summaryProperty().get());
    }

    @Test
    void theRateLeavesPausedTimeOut() {
        // 2 s of recording at 100 Hz with 1 s of it paused: 100 samples, 100 Hz achieved (not the 50 Hz of 100 / 2 s).
        RecordingStats stats = new RecordingStats(100, 0, 0, 2_000_000_000L, 50, 1_000_000_000L);
        assertEquals(100, stats.achievedRate(), 1e-9);
        assertEquals("0:02  ·  100 samples  ·  100 Hz  ·  0 errors  ·  0 late  ·  target 50% CPU", RecordingViewModel.summarize(stats));
    }

    @Test
    void pausesResumesAndStops() {
        model.pause();
        assertTrue(recording.isPaused());
        assertEquals(RecordingViewModel.State.PAUSED, model.state());
        model.togglePause();
        assertEquals(RecordingViewModel.State.RECORDING, model.state());
        model.stop();
        assertEquals(RecordingViewModel.State.ENDED, model.state());
        assertTrue(model.messageProperty().get().startsWith("Stopped after"));
        assertEquals(1, ended.get());
        assertEquals(0, ticker.subscriptions(), "no more polling once ended");
    }

    @Test
    void saysSoWhenTheTargetExits() {
        recording.feed(2500);
        recording.end(Recording.Outcome.TARGET_EXITED);
        ticker.tick();
        assertEquals(RecordingViewModel.State.ENDED, model.state());
        assertEquals("The target exited; the recording ended after 0:02.", model.messageProperty().get());
        assertEquals(1, ended.get());
        ticker.tick();
        assertEquals(1, ended.get(), "ends once");
    }

    @Test
    void settingsRejectImpossibleRates() {
        assertEquals("the sampling rate must be between 1 and 10000 Hz",
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RecordingSettings(0, null)).getMessage());
        assertEquals(null, new RecordingSettings(100, Duration.ZERO).duration(), "zero means until stopped");
    }
}
