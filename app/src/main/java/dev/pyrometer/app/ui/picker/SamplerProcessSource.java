package dev.pyrometer.app.ui.picker;

import dev.pyrometer.sampler.ProcessScanner;
import dev.pyrometer.sampler.PythonProcess;
import java.util.List;

/** The process picker's list from the sampler's scanner (one scanner, so CPU use is measured between refreshes). */
public final class SamplerProcessSource implements ProcessSource {
    private final ProcessScanner scanner = new ProcessScanner();

    @Override
    public synchronized List<ProcessRow> scan() {
        return scanner.scan().stream().map(SamplerProcessSource::row).toList();
    }

    static ProcessRow row(PythonProcess p) {
        return new ProcessRow(p.pid(), p.user(), p.version() == null ? null : p.version().toString(),
            String.join(" ", p.commandLine()), p.executable(), p.cpuPercent(), p.startTime(), p.pythonParentPid());
    }
}
