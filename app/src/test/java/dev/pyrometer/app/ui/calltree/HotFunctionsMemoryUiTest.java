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

    @Test
    void aFindingStandsOutAndNoiseIsGreyedWithItsTicksInTheTooltip(FxRobot robot) {
        Fx.await("both rows are shown", () -> model.rows().size() == 2);
        TableCell<?, ?> grow = cell(robot, "hot-memory-net", "grow");
        TableCell<?, ?> churn = cell(robot, "hot-memory-net", "churn");
        assertEquals("+99M", Fx.onFx(grow::getText), "99 MB kept: ticks 1 to 99");
        assertFalse(Fx.onFx(() -> grow.getStyleClass().contains(MemoryFigure.NOISE_STYLE)));
        assertTrue(Fx.onFx(() -> churn.getStyleClass().contains(MemoryFigure.NOISE_STYLE)), "up and down by 64 KB is noise");
        String tip = Fx.onFx(() -> churn.getTooltip().getText());
        assertTrue(tip.contains("ticks") && tip.contains("Within the track's noise"), tip);
        assertTrue(Fx.onFx(() -> grow.getTooltip().getText()).contains("99 ticks"), Fx.onFx(() -> grow.getTooltip().getText()));
        assertTrue(Fx.onFx(() -> cell(robot, "hot-memory-net-total", "grow").getText()).startsWith("+"));
    }
}
