package dev.pyrometer.app.ui.picker;

import java.util.List;

/** Lists the Python processes on this machine; called every couple of seconds from a background thread. */
@FunctionalInterface
public interface ProcessSource {
    List<ProcessRow> scan();
}
