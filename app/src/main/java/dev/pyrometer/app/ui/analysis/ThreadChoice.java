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
            ThreadChoice choice = new ThreadChoice(t, threads.label(t));
            int at = first + t;
            if (at < choices.size()) {
                if (!choices.get(at).equals(choice)) choices.set(at, choice);
            } else {
                choices.add(choice);
            }
        }
    }
}
