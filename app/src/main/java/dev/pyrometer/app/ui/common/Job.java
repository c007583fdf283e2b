package dev.pyrometer.app.ui.common;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A running piece of background work, as the UI sees it: its title, its progress, and a way to give up on it. */
public interface Job {

    /** Asks the work to stop; its callbacks will not run. Safe to call more than once, and after it ended. */
    void cancel();

    boolean isCancelled();

    /** True once the work ended (finished, failed or cancelled). */
    boolean isDone();

    ReadOnlyStringProperty titleProperty();

    /** 0 to 1, or -1 while unknown; updated on the UI thread. */
    ReadOnlyDoubleProperty progressProperty();
}
