package dev.pyrometer.app.ui.calltree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.common.MemoryFigure;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The hot functions table's memory cells: net figures, greyed within the noise, with their ticks in a tooltip. */
@ExtendWith(ApplicationExtension.class)
class HotFunctionsMemoryUiTest {
    private HotFunctionsViewModel model;

    /** grow() keeps 1 MB a tick for 100 ticks; churn() moves 64 KB up and down for 100 ticks (noise). */
    static Profile growAndChurn() {
        Profile p = new Profile();
        int thread = p.thread(1, "MainThread");
        int grows = p.frame("app.py", "grow", 5, 4), churns = p.frame("app.py", "churn", 9, 8);
        long rss = 100L << 20;
        for (int tick = 0; tick < 200; tick++) {
            boolean growing = tick < 100;
            if (tick > 0) rss += growing ? 1 << 20 : (tick % 2 == 0 ? 65536 : -65536);
            p.memory(tick * 1_000_000L, rss);
            p.sample(tick * 1_000_000L, thread, new int[] {growing ? grows : churns}, 1, SampleState.RUNNING | SampleState.GIL, 1000, 0);
        }
        return p;
    }

    @Start
    void start(Stage stage) {
        AnalysisViewModel analysis = new AnalysisViewModel(growAndChurn(), new DirectTaskRunner());
        model = new HotFunctionsViewModel(analysis.analysisProperty(), new SimpleObjectProperty<FrameSelection>());
        analysis.rebuild();
        stage.setScene(new Scene(new HotFunctionsView(model), 1100, 300));
        stage.show();
    }

    private static TableCell<?, ?> cell(FxRobot robot, String column, String function) {
        return Fx.onFx(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
            .filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getId()) && c.getTableRow() != null
                && c.getTableRow().getItem() instanceof FrameRow row && row.name().equals(function))
            .findFirst().orElseThrow(() -> new AssertionError("no " + column + " cell of " + function)));
    }

    /** What one cell shows, read in one FX step (cells are reused: a cell looked up in one step may hold another row in the next). */
    private record Shown(String text, boolean noise, String tooltip) {}

    private static Shown shown(FxRobot robot, String column, String function) {
        return Fx.onFx(() -> {
            TableCell<?, ?> c = cell(robot, column, function);
            return new Shown(c.getText(), c.getStyleClass().contains(MemoryFigure.NOISE_STYLE),
                c.getTooltip() == null ? "" : c.getTooltip().getText());
        });
    }

    @Test
    void aFindingStandsOutAndNoiseIsGreyedWithItsTicksInTheTooltip(FxRobot robot) {
        Fx.await("both rows are shown", () -> model.rows().size() == 2);
        Shown grow = shown(robot, "hot-memory-net", "grow");
        Shown churn = shown(robot, "hot-memory-net", "churn");
        assertEquals("+99M", grow.text(), "99 MB kept: ticks 1 to 99");
        assertFalse(grow.noise());
        assertTrue(churn.noise(), "up and down by 64 KB is noise");
        assertTrue(churn.tooltip().contains("ticks") && churn.tooltip().contains("Within the track's noise"), churn.tooltip());
        // Ticks 1 to 99, and half of the hand-over tick to churn() (the two stacks share nothing: split over both).
        assertTrue(grow.tooltip().contains("100 ticks"), grow.tooltip());
        assertTrue(shown(robot, "hot-memory-net-total", "grow").text().startsWith("+"));
    }
}
