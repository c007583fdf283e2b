package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.ProcessTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.ThreadTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Restricting an analysis to processes of a recording that followed subprocesses: which threads are a process's,
 * and which processes a user's words name ({@code 4242}: that pid; {@code worker.py}: every process whose command line
 * holds the text), for {@code diff --base-process} and a comparison's per-run process choice.
 */
public final class ProcessThreads {
    private ProcessThreads() {}

    /** The thread indexes of the processes with these indexes in the profile's process table. */
    public static Set<Integer> of(Profile profile, Set<Integer> processes) {
        ThreadTable threads = profile.threads();
        Set<Integer> chosen = new HashSet<>();
        for (int t = 0; t < threads.size(); t++) if (processes.contains(threads.process(t))) chosen.add(t);
        return Set.copyOf(chosen);
    }

    /** Indexes of the processes {@code spec} names: the one with that pid, or those whose command line holds it. */
    public static List<Integer> find(Profile profile, String spec) {
        ProcessTable table = profile.processes();
        List<Integer> found = new ArrayList<>();
        String text = spec.strip();
        if (text.isEmpty()) return found;
        if (text.chars().allMatch(Character::isDigit)) {
            for (int p = 0; p < table.size(); p++) if (Long.toString(table.get(p).pid()).equals(text)) found.add(p);
            if (!found.isEmpty()) return found;
        }
        for (int p = 0; p < table.size(); p++) if (table.get(p).commandLine().contains(text)) found.add(p);
        return found;
    }

    /**
     * The threads of the processes {@code spec} names, or null when it names the whole recording (a recording of one
     * process, by its pid or command line).
     *
     * @throws IllegalArgumentException naming the recording's processes when {@code spec} names none of them
     */
    public static Set<Integer> threadsOf(Profile profile, String spec) {
        ProcessTable table = profile.processes();
        if (table.size() == 0) {
            String pid = profile.metadata("pid"), command = profile.metadata("command");
            String text = spec.strip();
            if (!text.isEmpty() && (text.equals(pid) || command != null && command.contains(text))) return null;
            throw new IllegalArgumentException("it recorded one process" + (pid != null ? " (pid " + pid
                + (command != null ? ": " + command : "") + ")" : "") + ", which '" + spec + "' does not name");
        }
        List<Integer> found = find(profile, spec);
        if (found.isEmpty()) {
            List<String> known = new ArrayList<>();
            for (int p = 0; p < table.size(); p++) known.add(label(table.get(p)));
            throw new IllegalArgumentException("no process '" + spec + "' in it; it has " + String.join(", ", known));
        }
        return of(profile, new HashSet<>(found));
    }

    private static String label(ProcessInfo p) {
        String command = p.commandLine().length() > 40 ? p.commandLine().substring(0, 39) + "…" : p.commandLine();
        return p.pid() + " (" + command + ")";
    }
}
