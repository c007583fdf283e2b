package dev.pyrometer.app.desktop;

import dev.pyrometer.model.PyrometerException;
import java.lang.reflect.InvocationTargetException;

/**
 * The only door from the command line into JavaFX. It checks for a display first, so a server without one gets a
 * clear sentence instead of a native crash, and it reaches the UI reflectively, so headless commands never load a
 * JavaFX class.
 */
public final class DesktopGate {
    private static final String APP_CLASS = "dev.pyrometer.app.ui.DesktopApp";

    private DesktopGate() {}

    /** Opens the desktop app showing what the request asks for; returns when its window closes. */
    public static int open(DesktopRequest request) {
        if (!hasDisplay()) {
            throw new PyrometerException(
                "no display to open the desktop app on (DISPLAY and WAYLAND_DISPLAY are unset). "
                    + "Run it in a desktop session or under Xvfb (xvfb-run ./pyrometer), "
                    + "or use a headless command: pyrometer record --help", 2, null);
        }
        try {
            Class<?> app = Class.forName(APP_CLASS);
            return (int) app.getMethod("launch", DesktopRequest.class).invoke(null, request);
        } catch (ClassNotFoundException | NoClassDefFoundError missing) {
            throw new PyrometerException(
                "the desktop app is not available in this installation (JavaFX is missing); "
                    + "headless commands still work: pyrometer --help", 2, missing);
        } catch (InvocationTargetException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(failed.getCause());
        } catch (ReflectiveOperationException broken) {
            throw new IllegalStateException(broken);
        }
    }

    private static boolean hasDisplay() {
        if ("Headless".equals(System.getProperty("glass.platform"))) return true;
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
