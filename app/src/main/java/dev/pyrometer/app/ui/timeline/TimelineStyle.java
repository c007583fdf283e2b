package dev.pyrometer.app.ui.timeline;

import dev.pyrometer.app.ui.flame.FlamePalette;
import dev.pyrometer.model.SampleState;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The timeline's colours for one theme. Lanes use the flame graph's category colours (Python warm, native blue,
 * kernel red, waiting grey), so a lane and a frame coloured by category mean the same.
 */
public final class TimelineStyle {
    final Color background;
    final Color labelBackground;
    final Color text;
    final Color muted;
    final Color grid;
    final Color[] category = new Color[SampleState.CATEGORY_COUNT];
    final Color gil;
    final Color cpuUser;
    final Color cpuSystem;
    final Color memoryFill;
    final Color memoryLine;
    final Color selection;
    final Color selectionEdge;
    final Color outside;
    final Color hover;
    /** A process header's row, its life span across the plot, and the markers where it started and ended. */
    final Color headerBackground;
    final Color life;
    final Color started;
    final Color ended;
    final Color focus;
    final Font font;
    final Font bold;
    final Font small;

    private TimelineStyle(boolean dark) {
        background = dark ? Color.web("#1e2127") : Color.web("#ffffff");
        labelBackground = dark ? Color.web("#23272e") : Color.web("#f6f7f9");
        text = dark ? Color.web("#d7dae0") : Color.web("#1c1e21");
        muted = dark ? Color.web("#8b929c") : Color.web("#6a717c");
        grid = dark ? Color.web("#353a43") : Color.web("#e3e6ea");
        for (int c = 0; c < category.length; c++) category[c] = FlamePalette.categoryColor(c, dark);
        category[SampleState.CATEGORY_IDLE] = dark ? Color.web("#3b4048") : Color.web("#e4e7eb");
        gil = dark ? Color.web("#f2f3f5") : Color.web("#3d4451");
        cpuUser = dark ? Color.web("#3fa37a") : Color.web("#4cb38a");
        cpuSystem = dark ? Color.web("#c95454") : Color.web("#e06666");
        memoryFill = dark ? Color.web("#8e6cc8", 0.55) : Color.web("#9b7bd4", 0.45);
        memoryLine = dark ? Color.web("#b79cf0") : Color.web("#6c4ab6");
        selection = dark ? Color.web("#61afef", 0.16) : Color.web("#1f6feb", 0.10);
        selectionEdge = dark ? Color.web("#61afef") : Color.web("#1f6feb");
        outside = dark ? Color.web("#000000", 0.38) : Color.web("#ffffff", 0.62);
        hover = dark ? Color.web("#f2f3f5", 0.5) : Color.web("#1c1e21", 0.45);
        headerBackground = dark ? Color.web("#2a2f37") : Color.web("#eef1f5");
        life = dark ? Color.web("#61afef", 0.10) : Color.web("#1f6feb", 0.07);
        started = dark ? Color.web("#4fbf8a") : Color.web("#1a8f5a");
        ended = dark ? Color.web("#e06c75") : Color.web("#c0392b");
        focus = selectionEdge;
        font = Font.font("System", 11.5);
        bold = Font.font("System", javafx.scene.text.FontWeight.BOLD, 11.5);
        small = Font.font("System", 10.5);
    }

    public static TimelineStyle of(boolean dark) {
        return new TimelineStyle(dark);
    }
}
