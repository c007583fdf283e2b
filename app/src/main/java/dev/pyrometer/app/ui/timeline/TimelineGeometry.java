package dev.pyrometer.app.ui.timeline;

import dev.pyrometer.model.aggregate.TimeRange;

/**
 * Where things are on the timeline canvas: a label column on the left, then the time axis, the CPU track, the memory
 * track and the {@link TimelineRows} (a lane per thread, under a header per process when there are several; they
 * scroll when there are many). Pure arithmetic shared by drawing and
 * hit-testing, so they never disagree.
 *
 * @param laneScroll pixels the lanes are scrolled up by
 */
public record TimelineGeometry(double width, double height, double laneScroll) {
    public static final double LABEL_WIDTH = 132;
    public static final double AXIS_HEIGHT = 20;
    public static final double CPU_HEIGHT = 30;
    public static final double MEMORY_HEIGHT = 40;
    public static final double GAP = 6;
    public static final double LANE_HEIGHT = 16;

    /**
     * What a y coordinate points at. {@code LANE} is anywhere among the rows under the tracks; which row, and whether
     * it is a process's {@code HEADER}, the {@link TimelineRows} tell.
     */
    public enum Row { AXIS, CPU, MEMORY, LANE, HEADER, NONE }

    public double plotLeft() { return LABEL_WIDTH; }
    public double plotWidth() { return Math.max(0, width - LABEL_WIDTH); }
    public double cpuTop() { return AXIS_HEIGHT; }
    public double memoryTop() { return cpuTop() + CPU_HEIGHT + GAP; }
    public double lanesTop() { return memoryTop() + MEMORY_HEIGHT + GAP; }

    public double laneTop(int lane) {
        return lanesTop() + lane * LANE_HEIGHT - laneScroll;
    }

    /** The lane under a y coordinate (may be past the last thread), or -1 above the lanes. */
    public int laneAt(double y) {
        if (y < lanesTop()) return -1;
        return (int) Math.floor((y - lanesTop() + laneScroll) / LANE_HEIGHT);
    }

    /** The top of a row of the rows under the tracks. */
    public double rowTop(TimelineRows rows, int row) {
        return lanesTop() + rows.top(row) - laneScroll;
    }

    /** The row under a y coordinate, or -1 above or below the rows. */
    public int rowAt(TimelineRows rows, double y) {
        if (y < lanesTop()) return -1;
        return rows.rowAt(y - lanesTop() + laneScroll);
    }

    public Row rowAt(double y) {
        if (y < 0 || y >= height) return Row.NONE;
        if (y < cpuTop()) return Row.AXIS;
        if (y < cpuTop() + CPU_HEIGHT) return Row.CPU;
        if (y >= memoryTop() && y < memoryTop() + MEMORY_HEIGHT) return Row.MEMORY;
        if (y >= lanesTop()) return Row.LANE;
        return Row.NONE;
    }

    /** True over the plot (right of the labels). */
    public boolean inPlot(double x) {
        return x >= plotLeft() && x < width;
    }

    public double xOf(long micros, TimeRange window) {
        return plotLeft() + (double) (micros - window.fromMicros()) / window.durationMicros() * plotWidth();
    }

    /** The time at an x coordinate (clamped to the plot). */
    public long timeAt(double x, TimeRange window) {
        double fraction = plotWidth() == 0 ? 0 : Math.clamp((x - plotLeft()) / plotWidth(), 0, 1);
        return window.fromMicros() + Math.round(fraction * window.durationMicros());
    }

    /** How far the lanes can scroll: all of them fit, or the last one reaches the bottom. */
    public static double maxScroll(int threads, double height) {
        return maxScroll(threads * LANE_HEIGHT, height);
    }

    /** How far rows of this total height can scroll. */
    public static double maxScroll(double rowsHeight, double height) {
        double content = new TimelineGeometry(0, height, 0).lanesTop() + rowsHeight;
        return Math.max(0, content - height);
    }
}
