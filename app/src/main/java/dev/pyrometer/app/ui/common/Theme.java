package dev.pyrometer.app.ui.common;

import java.util.List;
import javafx.scene.Scene;

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

    private static String url(String resource) {
        var url = Theme.class.getResource(resource);
        if (url == null) throw new IllegalStateException("missing stylesheet " + resource);
        return url.toExternalForm();
    }
}
