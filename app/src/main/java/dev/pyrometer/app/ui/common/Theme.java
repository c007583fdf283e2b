package dev.pyrometer.app.ui.common;

import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.paint.Color;

/** The light and dark themes: a shared base stylesheet plus one with each theme's colours. */
public final class Theme {
    private static final String BASE = "/dev/pyrometer/app/styles/base.css";
    private static final String LIGHT = "/dev/pyrometer/app/styles/light.css";
    private static final String DARK = "/dev/pyrometer/app/styles/dark.css";
    private static final String COMPARE = "/dev/pyrometer/app/styles/compare.css";

    private Theme() {}

    public static List<String> stylesheets(boolean dark) {
        return List.of(url(dark ? DARK : LIGHT), url(BASE), url(COMPARE));
    }

    public static void apply(Scene scene, boolean dark) {
        scene.getStylesheets().setAll(stylesheets(dark));
    }

    /** A colour as CSS writes it, {@code #1f6feb}, for styles set from code (palette colours, looked-up colours). */
    public static String css(Color color) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(color.getRed() * 255),
            Math.round(color.getGreen() * 255), Math.round(color.getBlue() * 255));
    }

    private static String url(String resource) {
        var url = Theme.class.getResource(resource);
        if (url == null) throw new IllegalStateException("missing stylesheet " + resource);
        return url.toExternalForm();
    }
}
