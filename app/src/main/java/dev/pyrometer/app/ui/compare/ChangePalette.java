package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.flame.FlamePalette;
import javafx.scene.paint.Color;

/**
 * The diverging colours of a comparison: one hue for "more time" and another for "less", each in {@link #LEVELS}
 * strengths by the size of the change, and a neutral grey for changes within sampling noise. The red / blue scale
 * is the convention of differential flame graphs; the orange / blue one avoids red and green altogether, so it reads
 * the same to people with any of the common colour vision deficiencies. Strengths stop short of dark tones, so the
 * theme's text stays readable on every frame.
 */
public enum ChangePalette {
    RED_BLUE("Red / blue",
        new String[] {"#f8cfc7", "#e0483a", "#b8c9e6", "#3f7fd6"},
        new String[] {"#6a3d3b", "#e0544a", "#35475f", "#4a8ae0"}),
    ORANGE_BLUE("Orange / blue (colour-blind safe)",
        new String[] {"#fbdcb8", "#e37b0d", "#c4dcef", "#2f8fd0"},
        new String[] {"#5f4326", "#e8891c", "#2b4459", "#3d94d6"});

    /** Strengths on each side of neutral. */
    public static final int LEVELS = 6;
    /** The palette index of a change within noise. */
    public static final byte NEUTRAL = 2;

    private final String label;
    private final Color[] light;
    private final Color[] dark;

    /** @param light and dark: weakest and strongest "more", weakest and strongest "less" */
    ChangePalette(String label, String[] light, String[] dark) {
        this.label = label;
        this.light = build(light, false);
        this.dark = build(dark, true);
    }

    /** The palette index of a level: 0 is neutral, 1 to LEVELS more time, -1 to -LEVELS less. */
    public static byte index(int level) {
        int clamped = Math.max(-LEVELS, Math.min(LEVELS, level));
        if (clamped == 0) return NEUTRAL;
        return (byte) (clamped < 0 ? NEUTRAL - clamped : NEUTRAL + LEVELS + clamped);
    }

    /** Every colour, by palette index; the same array on every call, so drawing code can cache what it derives. */
    public Color[] colors(boolean darkTheme) {
        return darkTheme ? dark : light;
    }

    public Color color(int level, boolean darkTheme) {
        return colors(darkTheme)[index(level)];
    }

    /** The grey of changes within noise. */
    public Color neutral(boolean darkTheme) {
        return colors(darkTheme)[NEUTRAL];
    }

    @Override
    public String toString() {
        return label;
    }

    private static Color[] build(String[] ends, boolean dark) {
        Color[] colors = new Color[NEUTRAL + 1 + 2 * LEVELS];
        colors[FlamePalette.OTHER] = dark ? Color.web("#44484f") : Color.web("#d0d3d8");
        colors[FlamePalette.ROOT] = dark ? Color.web("#5c6370") : Color.web("#b0b6bf");
        colors[NEUTRAL] = dark ? Color.web("#4d525a") : Color.web("#dfe1e5");
        Color moreWeak = Color.web(ends[0]), moreStrong = Color.web(ends[1]);
        Color lessWeak = Color.web(ends[2]), lessStrong = Color.web(ends[3]);
        for (int level = 1; level <= LEVELS; level++) {
            double t = (level - 1) / (double) (LEVELS - 1);
            colors[index(level)] = moreWeak.interpolate(moreStrong, t);
            colors[index(-level)] = lessWeak.interpolate(lessStrong, t);
        }
        return colors;
    }
}
