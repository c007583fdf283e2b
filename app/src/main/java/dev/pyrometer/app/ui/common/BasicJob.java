package dev.pyrometer.app.ui.common;

import dev.pyrometer.model.Cancel;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The job state both task runners share: a cancel flag the work polls, and UI-thread properties. */
final class BasicJob implements Job {
    final Cancel.Token token = new Cancel.Token();
    private final ReadOnlyStringWrapper title;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done", false);

    BasicJob(String title) {
        this.title = new ReadOnlyStringWrapper(this, "title", title);
    }

    @Override
    public void cancel() {
        token.cancel();
    }

    @Override
    public boolean isCancelled() {
        return token.getAsBoolean();
    }

    @Override
    public boolean isDone() {
        return done.get();
    }

    /** UI thread only. */
    void markDone() {
        done.set(true);
    }

    /** UI thread only. */
    void setProgress(double value) {
        progress.set(value);
    }

    @Override
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
