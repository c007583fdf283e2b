package dev.pyrometer.model.diff;

import dev.pyrometer.model.RunRoots;
import dev.pyrometer.model.aggregate.SourcePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A comparison's pairing in words, for its header and for {@code pyrometer diff}: which rule paired the frames, and
 * where each run's files were when the runs sat at different paths.
 */
public final class PairingSummary {
    /** Pairs by module listed by name; more are only counted. */
    private static final int MOVED_LISTED = 2;

    private PairingSummary() {}

    /**
     * "Frames paired by relative path and qualified name: 14 files; 1 by module (src/app/core.py → app/core.py); 2
     * files in one run only."
     */
    public static String pairedBy(Pairing pairing) {
        return switch (pairing.matchBy()) {
            case FUNCTION_NAME -> "Frames paired by function name only, whatever file holds them.";
            case ABSOLUTE_PATH -> "Frames paired by absolute path and name: " + files(count(pairing, Pairing.Rule.ABSOLUTE_PATH))
                + alone(pairing) + ".";
            case RELATIVE_PATH -> {
                String names = pairing.plainNames() ? "function name (one Python has no qualified names)" : "qualified name";
                StringBuilder text = new StringBuilder("Frames paired by relative path and " + names + ": "
                    + files(count(pairing, Pairing.Rule.RELATIVE_PATH)));
                List<String> moved = new ArrayList<>();
                for (Pairing.FilePair pair : pairing.pairs()) {
                    if (pair.rule() != Pairing.Rule.MODULE) continue;
                    moved.add(pairing.display(DiffSide.BASE, pair.baseFile()) + " → " + pairing.display(DiffSide.NEW, pair.newFile()));
                }
                if (!moved.isEmpty()) {
                    text.append("; ").append(moved.size()).append(" by module (")
                        .append(String.join(", ", moved.subList(0, Math.min(MOVED_LISTED, moved.size()))))
                        .append(moved.size() > MOVED_LISTED ? ", …" : "").append(")");
                }
                yield text.append(alone(pairing)).append(".").toString();
            }
        };
    }

    /**
     * "Roots: /work/v1/proj → /work/v2/proj; environments /work/venv-a → /work/venv-b." when the runs' files sat at
     * different places; null when they did not (or nothing tells).
     */
    public static String roots(Pairing pairing) {
        SourcePaths base = pairing.paths(DiffSide.BASE), news = pairing.paths(DiffSide.NEW);
        List<String> parts = new ArrayList<>();
        String b = base.projectRoot(), n = news.projectRoot();
        if (b != null && n != null && !b.equals(n)) {
            parts.add("Roots: " + b + guessed(base) + " → " + n + guessed(news));
        }
        RunRoots br = base.roots(), nr = news.roots();
        if (br.prefix() != null && nr.prefix() != null && !Objects.equals(br.prefix(), nr.prefix())) {
            String what = br.inVirtualEnv() || nr.inVirtualEnv() ? "environments " : "Python installations ";
            parts.add((parts.isEmpty() ? capitalised(what) : what) + br.prefix() + " → " + nr.prefix());
        }
        return parts.isEmpty() ? null : String.join("; ", parts) + ".";
    }

    private static String guessed(SourcePaths paths) {
        return paths.rooted() ? "" : " (no roots recorded: the folder its files share)";
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static int count(Pairing pairing, Pairing.Rule rule) {
        Map<Pairing.Rule, Integer> counts = pairing.counts();
        return counts.getOrDefault(rule, 0);
    }

    private static String alone(Pairing pairing) {
        int alone = pairing.unpaired(DiffSide.BASE) + pairing.unpaired(DiffSide.NEW);
        return alone == 0 ? "" : "; " + files(alone) + " in one run only";
    }

    private static String files(int n) {
        return n + (n == 1 ? " file" : " files");
    }
}
