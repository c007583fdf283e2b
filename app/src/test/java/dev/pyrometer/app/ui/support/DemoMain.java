package dev.pyrometer.app.ui.support;

/** Starts {@link DemoApp}; a main class that is not an Application, so JavaFX may sit on the class path. */
public final class DemoMain {
    private DemoMain() {}

    public static void main(String[] args) {
        DemoApp.main(args);
    }
}
