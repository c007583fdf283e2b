package dev.pyrometer.app.ui.analysis;

import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.ProcessTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.ThreadTable;
import dev.pyrometer.model.aggregate.Snapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The processes filter of a recording that followed subprocesses: one choice per process (pid and command line,
 * "ended" once it has), translated to the analysis's thread set (the threads of the checked processes; null while
 * every process is checked, so that processes and threads a live recording meets later are shown too). Empty for a
 * recording of one process, where the filter is hidden.
 */
public final class ProcessFilterViewModel {
    private final AnalysisViewModel analysis;
    private final Profile profile;
    private final ObservableList<ProcessChoice> choices = FXCollections.observableArrayList();

    public ProcessFilterViewModel(AnalysisViewModel analysis, Profile profile) {
        this.analysis = analysis;
        this.profile = profile;
        analysis.slowAnalysisProperty().addListener((o, before, now) -> {
            if (now != null) update(now.snapshot());
        });
        if (analysis.analysis() != null) update(analysis.analysis().snapshot());
    }

    public ObservableList<ProcessChoice> choices() {
        return choices;
    }

    /** Whether any thread of the process is shown now (all are, while no thread filter is set). */
    public boolean isShown(int process) {
        Set<Integer> only = analysis.threadsProperty().get();
        if (only == null) return true;
        ThreadTable threads = profile.threads();
        for (int t : only) if (t < threads.size() && threads.process(t) == process) return true;
        return false;
    }

    /** The user checked these processes. */
    public void show(List<Integer> checked) {
        Set<Integer> processes = new HashSet<>(checked);
        boolean all = choices.stream().allMatch(c -> processes.contains(c.index()));
        Set<Integer> wanted = null;
        if (!all) {
            Set<Integer> threads = new HashSet<>();
            ThreadTable table = profile.threads();
            for (int t = 0; t < table.size(); t++) if (processes.contains(table.process(t))) threads.add(t);
            wanted = Set.copyOf(threads);
        }
        if (!Objects.equals(wanted, analysis.threadsProperty().get())) analysis.threadsProperty().set(wanted);
    }

    /** Brings the choices up to the profile's processes; only entries that changed are replaced. */
    public void update(Snapshot snapshot) {
        ProcessTable processes = snapshot.profile().processes();
        for (int p = 0; p < processes.size(); p++) {
            ProcessInfo info = processes.get(p);
            ProcessChoice choice = new ProcessChoice(p, label(info));
            if (p < choices.size()) {
                if (!choices.get(p).equals(choice)) choices.set(p, choice);
            } else {
                choices.add(choice);
            }
        }
    }

    /** {@code 4242 python3 app.py}, {@code (ended)} once it has; a long command line is cut. */
    public static String label(ProcessInfo info) {
        String command = info.commandLine().length() > 60 ? info.commandLine().substring(0, 59) + "…" : info.commandLine();
        return info.pid() + " " + command + (info.ended() ? " (ended)" : "");
    }
}
