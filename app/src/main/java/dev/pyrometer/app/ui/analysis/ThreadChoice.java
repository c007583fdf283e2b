package dev.pyrometer.app.ui.analysis;

import dev.pyrometer.model.ThreadTable;
import dev.pyrometer.model.aggregate.Snapshot;
import java.util.List;

/** A thread in the threads filter: its index in the profile and the label the filter shows. */
public record ThreadChoice(int index, String label) {
    @Override
    public String toString() {
        return label;
    }

    /**
     * Brings {@code choices}, from position {@code first} on, up to the threads of a snapshot: one choice per thread
     * (new ones appear while recording), and only the entries that changed are replaced.
     */
    public static void follow(List<ThreadChoice> choices, int first, Snapshot snapshot) {
        ThreadTable threads = snapshot.profile().threads();
        for (int t = 0; t < snapshot.threads(); t++) {
            int process = threads.process(t);
            // In a recording of several processes every process has a MainThread: the pid tells them apart.
            String label = process < 0 ? threads.label(t)
                : threads.label(t) + " · " + snapshot.profile().processes().get(process).pid();
            ThreadChoice choice = new ThreadChoice(t, label);
            int at = first + t;
            if (at < choices.size()) {
                if (!choices.get(at).equals(choice)) choices.set(at, choice);
            } else {
                choices.add(choice);
            }
        }
    }
}
