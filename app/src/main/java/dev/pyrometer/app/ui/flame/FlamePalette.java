package dev.pyrometer.app.ui.flame;

import dev.pyrometer.model.SampleState;
import javafx.scene.paint.Color;

/**
 * The flame graph's colours. Module colours are muted, evenly spaced hues (a module keeps its colour across runs,
 * since it is picked by a hash of the name); category colours follow the usual meaning: warm for Python code, blue
 * for native code, red for the kernel, grey for waiting, each in three strengths by how pure the frame is.
 * Native (C) frames, by module, take steel blues of their own, darker and greyer than any module's colour, so the
 * C under a Python line stands apart from the Python around it.
 */
public final class FlamePalette {
    /** Colour index of an "other" node (many narrow frames gathered). */
    public static final byte OTHER = 0;
    /** Colour index of the root. */
    public static final byte ROOT = 1;
    private static final int FIRST_FREE = 2;
    public static final int MODULE_HUES = 18;
    /** Functions of one module differ slightly in lightness, so neighbours stay apart while the module reads as one. */
    public static final int FUNCTION_SHADES = 3;
    public static final int CATEGORY_SHADES = 3;
    /** Steel-blue hues for native frames' libraries (each with {@link #FUNCTION_SHADES} shades). */
    public static final int NATIVE_HUES = 5;
    private static final int FIRST_NATIVE = FIRST_FREE + MODULE_HUES * FUNCTION_SHADES;

    private static final Color[] LIGHT_MODULE = moduleColors(false);
    private static final Color[] DARK_MODULE = moduleColors(true);
    private static final Color[] LIGHT_CATEGORY = categoryColors(false);
    private static final Color[] DARK_CATEGORY = categoryColors(true);

    private FlamePalette() {}

    public static Color[] colors(ColorMode mode, boolean dark) {
        return switch (mode) {
            case MODULE -> dark ? DARK_MODULE : LIGHT_MODULE;
            case CATEGORY -> dark ? DARK_CATEGORY : LIGHT_CATEGORY;
            // Change colours come with the annotations; without them, module colours keep the graph readable.
            case CHANGE -> dark ? DARK_MODULE : LIGHT_MODULE;
        };
    }

    /** The colour index of a frame: its module's hue, in a shade picked by the function's name. */
    public static byte forModule(String module, String function) {
        int hue = Math.floorMod(mix(module.hashCode()), MODULE_HUES);
        int shade = function == null ? 0 : Math.floorMod(mix(function.hashCode()), FUNCTION_SHADES);
        return (byte) (FIRST_FREE + hue * FUNCTION_SHADES + shade);
    }

    /** The colour index of a native frame: a steel blue picked by its library, shaded by the function. */
    public static byte forNative(String library, String function) {
        int hue = Math.floorMod(mix(library.hashCode()), NATIVE_HUES);
        int shade = function == null ? 0 : Math.floorMod(mix(function.hashCode()), FUNCTION_SHADES);
        return (byte) (FIRST_NATIVE + hue * FUNCTION_SHADES + shade);
    }

    /** Whether a colour index is a native frame's. */
    public static boolean isNativeColor(byte color) {
        return color >= FIRST_NATIVE;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        return h * 0x9E3779B1;
    }

    /**
     * The colour index of a frame by its samples per category: the dominant category, stronger the purer it is.
     *
     * @param byCategory samples per {@link SampleState} category
     */
    public static byte forCategories(int python, int nativeCode, int system, int idle) {
        int[] c = {python, nativeCode, system, idle};
        int best = 0, sum = 0;
        for (int i = 0; i < c.length; i++) {
            sum += c[i];
            if (c[i] > c[best]) best = i;
        }
        double purity = sum == 0 ? 1 : (double) c[best] / sum;
        int shade = purity >= 0.9 ? 0 : purity >= 0.6 ? 1 : 2;
        return (byte) (FIRST_FREE + best * CATEGORY_SHADES + shade);
    }

    /** The colour of a category itself, for legends. */
    public static Color categoryColor(int category, boolean dark) {
        return colors(ColorMode.CATEGORY, dark)[FIRST_FREE + category * CATEGORY_SHADES];
    }

    private static Color[] moduleColors(boolean dark) {
        Color[] colors = new Color[FIRST_NATIVE + NATIVE_HUES * FUNCTION_SHADES];
        colors[OTHER] = dark ? Color.web("#4a4f57") : Color.web("#c9cdd3");
        colors[ROOT] = dark ? Color.web("#5c6370") : Color.web("#b0b6bf");
        for (int i = 0; i < MODULE_HUES; i++) {
            // Hues spread with the golden angle so neighbours in the index differ clearly.
            double hue = (20 + i * 137.508) % 360;
            for (int s = 0; s < FUNCTION_SHADES; s++) {
                colors[FIRST_FREE + i * FUNCTION_SHADES + s] = dark
                    ? Color.hsb(hue, 0.50 - s * 0.04, 0.50 + s * 0.06)
                    : Color.hsb(hue, 0.38 + s * 0.06, 0.95 - s * 0.05);
            }
        }
        for (int i = 0; i < NATIVE_HUES; i++) {
            double hue = 195 + i * 9; // steel blues, from cyan-ish to slate
            for (int s = 0; s < FUNCTION_SHADES; s++) {
                colors[FIRST_NATIVE + i * FUNCTION_SHADES + s] = dark
                    ? Color.hsb(hue, 0.30 + s * 0.04, 0.38 + s * 0.05)
                    : Color.hsb(hue, 0.22 + s * 0.05, 0.74 - s * 0.05);
            }
        }
        return colors;
    }

    private static Color[] categoryColors(boolean dark) {
        Color[] base = dark
            ? new Color[] {Color.web("#d9843b"), Color.web("#4f86c6"), Color.web("#c95454"), Color.web("#7b828c")}
            : new Color[] {Color.web("#f0a04b"), Color.web("#6ea8e6"), Color.web("#e06666"), Color.web("#b4bac2")};
        Color[] colors = new Color[FIRST_FREE + SampleState.CATEGORY_COUNT * CATEGORY_SHADES];
        colors[OTHER] = dark ? Color.web("#4a4f57") : Color.web("#c9cdd3");
        colors[ROOT] = dark ? Color.web("#5c6370") : Color.web("#b0b6bf");
        for (int c = 0; c < base.length; c++) {
            for (int s = 0; s < CATEGORY_SHADES; s++) {
                // Mixed frames fade toward grey: the colour says "mostly X" without lying about the rest.
                Color grey = dark ? Color.web("#5c6370") : Color.web("#d5d8dc");
                colors[FIRST_FREE + c * CATEGORY_SHADES + s] = base[c].interpolate(grey, s * 0.3);
            }
        }
        return colors;
    }
}
