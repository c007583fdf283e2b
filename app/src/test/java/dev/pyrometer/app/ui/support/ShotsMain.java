package dev.pyrometer.app.ui.support;

/** Starts {@link Shots}; a main class that is not an Application, so JavaFX may sit on the class path. */
public final class ShotsMain {
    private ShotsMain() {}

    public static void main(String[] args) {
        Shots.main(args);
    }
}
