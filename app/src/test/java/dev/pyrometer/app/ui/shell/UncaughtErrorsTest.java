package dev.pyrometer.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.support.ScriptedDialogs;
import dev.pyrometer.model.PyrometerException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UncaughtErrorsTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final UncaughtErrors handler = new UncaughtErrors(dialogs, uiQueue::add, new PrintStream(log, true, StandardCharsets.UTF_8));

    @Test
    void anExceptionNothingCaughtIsShownInADialogAndLogged() throws Exception {
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("the layout went negative");
        }, "pyrometer-work-1");
        worker.setUncaughtExceptionHandler(handler);
        worker.start();
        worker.join();
        assertEquals(1, uiQueue.size(), "the dialog is shown on the UI thread, later");
        assertTrue(dialogs.errors.isEmpty());
        uiQueue.removeFirst().run();
        assertEquals(List.of("Something went wrong: An unexpected error stopped a task (IllegalStateException: the layout"
            + " went negative, in pyrometer-work-1). The details are on standard error. Open recordings are still there:"
            + " save them before going on."), dialogs.errors);
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.startsWith("Exception in thread \"pyrometer-work-1\" java.lang.IllegalStateException: the layout"), logged);
        assertTrue(logged.contains("\tat "), "with its trace");
    }

    @Test
    void oneDialogAtATimeAndAUserErrorInItsOwnWords() {
        Thread ui = Thread.currentThread();
        handler.uncaughtException(ui, new PyrometerException("cannot write /x.pyro: permission denied."));
        handler.uncaughtException(ui, new IllegalStateException("again"));
        handler.uncaughtException(ui, new IllegalStateException("and again"));
        assertEquals(1, uiQueue.size(), "a failure repeated before the user saw the first adds no dialogs");
        uiQueue.removeFirst().run();
        assertEquals(List.of("Something went wrong: cannot write /x.pyro: permission denied."), dialogs.errors);
        handler.uncaughtException(ui, new IllegalStateException("later"));
        assertEquals(1, uiQueue.size(), "once the dialog is gone, the next failure is shown");
    }
}
