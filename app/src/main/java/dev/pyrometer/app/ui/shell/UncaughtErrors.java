package dev.pyrometer.app.ui.shell;

import dev.pyrometer.app.ui.common.Dialogs;
import dev.pyrometer.model.PyrometerException;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The desktop app's last resort for an exception nothing caught, on any thread (the UI thread's event handlers
 * included): the trace goes to standard error as before, and a dialog tells the user, who would otherwise never know
 * that a command half-happened. One dialog at a time: a failure repeated on every pulse must not bury the window.
 */
public final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    private final Dialogs dialogs;
    private final Consumer<Runnable> onUiThread;
    private final PrintStream log;
    private final AtomicBoolean showing = new AtomicBoolean();

    UncaughtErrors(Dialogs dialogs, Consumer<Runnable> onUiThread, PrintStream log) {
        this.dialogs = dialogs;
        this.onUiThread = onUiThread;
        this.log = log;
    }

    /** Makes this the handler of every thread that has none of its own. */
    public static void install(Dialogs dialogs) {
        // Later, never inside the event or pulse that failed: a dialog cannot wait for the user in the middle of a layout.
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtErrors(dialogs, Platform::runLater, System.err));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        log.print("Exception in thread \"" + thread.getName() + "\" ");
        error.printStackTrace(log);
        if (!showing.compareAndSet(false, true)) return;
        onUiThread.accept(() -> {
            try {
                dialogs.error("Something went wrong", describe(thread, error));
            } finally {
                showing.set(false);
            }
        });
    }

    static String describe(Thread thread, Throwable error) {
        if (error instanceof PyrometerException user) return user.getMessage();
        String what = error.getMessage() == null ? error.getClass().getSimpleName()
            : error.getClass().getSimpleName() + ": " + error.getMessage();
        return "An unexpected error stopped a task (" + what + ", in " + thread.getName() + "). The details are on"
            + " standard error. Open recordings are still there: save them before going on.";
    }
}
