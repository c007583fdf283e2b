package dev.pyrometer.app.ui.flame;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Colours, font and sizes of the flame graph for one theme. The average character width is measured once so that
 * labels can be cut to fit without measuring every string while drawing.
 */
public final class FlameStyle {
    public static final double ROW_HEIGHT = 20;

    final boolean dark;
    final Color background;
    final Color text;
    final Color dimText;
    final Color highlight;
    final Color outline;
    final Color hoverOutline;
    /** Stripes over marked frames. */
    final Color hatch;
    final Font font;
    final double charWidth;
    /** For rows shrunk to fit a deep graph into the window. */
    final Font smallFont;
    final double smallCharWidth;

    private FlameStyle(boolean dark) {
        this.dark = dark;
        this.background = dark ? Color.web("#1e2127") : Color.web("#ffffff");
        this.text = dark ? Color.web("#f2f3f5") : Color.web("#1c1e21");
        this.dimText = dark ? Color.web("#9aa0a8") : Color.web("#5f6670");
        this.highlight = dark ? Color.web("#c678dd") : Color.web("#d45de0");
        this.outline = dark ? Color.web("#61afef") : Color.web("#1f6feb");
        this.hoverOutline = dark ? Color.web("#f2f3f5") : Color.web("#1c1e21");
        this.hatch = dark ? Color.web("#f2f3f5", 0.45) : Color.web("#1c1e21", 0.38);
        this.font = Font.font("System", 12);
        this.charWidth = averageCharWidth(font);
        this.smallFont = Font.font("System", 10.5);
        this.smallCharWidth = averageCharWidth(smallFont);
    }

    /** Whether rows this tall take the small font. */
    static boolean small(double rowHeight) {
        return rowHeight < 18;
    }

    public static FlameStyle light() {
        return new FlameStyle(false);
    }

    public static FlameStyle dark() {
        return new FlameStyle(true);
    }

    Color[] palette(ColorMode mode) {
        return FlamePalette.colors(mode, dark);
    }

    /** Frames that do not match a search fade toward the background. */
    Color[] dimmed(ColorMode mode) {
        return dimmed(palette(mode));
    }

    Color[] dimmed(Color[] source) {
        Color[] dimmed = new Color[source.length];
        for (int i = 0; i < source.length; i++) dimmed[i] = source[i].interpolate(background, dark ? 0.65 : 0.7);
        return dimmed;
    }

    /** A label cut to fit a width, with an ellipsis; null when not even three characters fit. */
    String fit(String label, double width) {
        return cut(label, width, charWidth);
    }

    /** The same for a row height's font. */
    String fit(String label, double width, double rowHeight) {
        return cut(label, width, small(rowHeight) ? smallCharWidth : charWidth);
    }

    private static String cut(String label, double width, double charWidth) {
        int chars = (int) (width / charWidth);
        if (chars >= label.length()) return label;
        if (chars < 3) return null;
        return label.substring(0, chars - 1) + "…";
    }

    /**
     * Outlines a frame drawn from {@code left} to {@code right} on the row at {@code y} (the selected frame, the one
     * under the mouse): inside its edges, and at least a pixel wide.
     */
    static void outline(GraphicsContext g, double left, double right, double y, double rowHeight, Color color, double lineWidth) {
        if (right - left < 1) right = left + 1;
        double inset = lineWidth / 2;
        g.setStroke(color);
        g.setLineWidth(lineWidth);
        g.strokeRect(left + inset, y + inset, Math.max(1, right - left - 1 - lineWidth), rowHeight - 1 - lineWidth);
    }

    private static double averageCharWidth(Font font) {
        String sample = "abcdefghijklmnopqrstuvwxyz_().:0123456789ABCDEFGHIJ";
        Text text = new Text(sample);
        text.setFont(font);
        // A little generous: cutting one character too many reads better than spilling into the next frame.
        return text.getLayoutBounds().getWidth() / sample.length() * 1.1;
    }
}
