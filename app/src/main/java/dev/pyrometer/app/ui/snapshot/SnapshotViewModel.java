package dev.pyrometer.app.ui.snapshot;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.model.PyrometerException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Snapshot stacks": every thread's current stack of the attached process as text (for a program that seems
 * stuck), taken in the background, refreshable, ready to copy.
 */
public final class SnapshotViewModel {
    private final String target;
    private final Supplier<List<ThreadDump>> source;
    private final TaskRunner runner;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /** @param target how to name the process in the header ("pid 1234: python3 app.py") */
    public SnapshotViewModel(String target, Supplier<List<ThreadDump>> source, TaskRunner runner) {
        this.target = target;
        this.source = source;
        this.runner = runner;
    }

    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public String target() { return target; }

    /** Takes a new snapshot. */
    public void refresh() {
        busy.set(true);
        status.set("Reading stacks…");
        runner.submit("Snapshot of " + target, (cancelled, progress) -> source.get(), dumps -> {
            busy.set(false);
            text.set(format(dumps));
            status.set(Formats.count(dumps.size(), "thread") + ", taken at "
                + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")));
        }, error -> {
            busy.set(false);
            status.set(error instanceof PyrometerException user ? user.getMessage()
                : "Could not read the stacks: " + error);
        });
    }

    /** py-spy dump's layout: a header per thread, then its frames innermost first. */
    public static String format(List<ThreadDump> dumps) {
        StringBuilder out = new StringBuilder();
        for (ThreadDump thread : dumps) {
            out.append("Thread ").append(thread.osThreadId());
            if (thread.name() != null) out.append(" \"").append(thread.name()).append('"');
            out.append(" (").append(thread.state()).append(")\n");
            if (thread.frames().isEmpty()) out.append("    (no Python frames)\n");
            for (ThreadDump.Frame frame : thread.frames()) {
                out.append("    ").append(frame.function()).append(" (").append(frame.file());
                if (frame.line() > 0) out.append(':').append(frame.line());
                out.append(")\n");
            }
            out.append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }
}
