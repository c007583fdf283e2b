package dev.pyrometer.app.ui.compare;

import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.diff.DiffTree;
import dev.pyrometer.model.diff.DiffValues.Presence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A call path of the base run that the new run no longer has: the differential flame graph (the new run's shape)
 * cannot draw it, so it is listed, and picking it shows it in the base run's graph.
 *
 * @param label     the vanished frame
 * @param caller    the frame it was called from, or "" at the top
 * @param baseValue its total in the base run, normalised
 * @param path      its call path in the base run, from the root's child down to it
 */
public record VanishedPath(String label, String caller, double baseValue, List<FrameRef> path) {

    /** The outermost vanished paths (not those under another vanished frame), the heaviest first. */
    static List<VanishedPath> of(Comparison comparison) {
        DiffTree diff = comparison.tree();
        CallTree base = comparison.base().tree();
        List<VanishedPath> list = new ArrayList<>();
        for (int d = 1; d < diff.size(); ) {
            if (diff.presence(d) != Presence.VANISHED) {
                d++;
                continue;
            }
            int node = diff.baseNode(d);
            List<FrameRef> path = new ArrayList<>();
            for (int n : base.path(node)) path.add(base.ref(n));
            int up = base.parent(node);
            list.add(new VanishedPath(Matching.label(comparison.pairing(), Side.BASE, base.ref(node)),
                up > 0 ? Matching.label(comparison.pairing(), Side.BASE, base.ref(up)) : "", diff.baseTotal(d), path));
            d = diff.end(d); // what is under a vanished frame vanished with it
        }
        list.sort(Comparator.comparingDouble(VanishedPath::baseValue).reversed());
        return List.copyOf(list);
    }
}
