package dev.pyrometer.app.ui.sandwich;

import dev.pyrometer.app.ui.flame.FrameAnnotations;
import dev.pyrometer.model.aggregate.Sandwich;
import java.util.List;

/**
 * What a sandwich view draws for one function: the sandwich, what its two halves draw (their trees, colours, marks
 * and hover notes) and lines the header adds (a comparison's change). Immutable; made off the UI thread.
 */
public record SandwichHalves(Sandwich sandwich, FrameAnnotations callers, FrameAnnotations callees, List<String> notes) {

    public SandwichHalves {
        notes = List.copyOf(notes);
    }

    /** A sandwich drawn as it is, coloured like the flame graph (by module or by category). */
    public static SandwichHalves plain(Sandwich sandwich) {
        return new SandwichHalves(sandwich, new PlainAnnotations(sandwich.callers()), new PlainAnnotations(sandwich.callees()), List.of());
    }
}
