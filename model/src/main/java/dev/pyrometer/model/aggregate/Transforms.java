package dev.pyrometer.model.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable stack of {@link Transform}s, applied first to last. A view keeps one and replaces it to apply or undo:
 * {@code transforms.then(t)} and {@code transforms.undo()} return new values.
 */
public record Transforms(List<Transform> list) {
    public static final Transforms NONE = new Transforms(List.of());

    public Transforms {
        list = List.copyOf(list);
    }

    public static Transforms of(Transform... transforms) {
        return new Transforms(List.of(transforms));
    }

    public Transforms then(Transform next) {
        List<Transform> longer = new ArrayList<>(list);
        longer.add(next);
        return new Transforms(longer);
    }

    /** Without the last transform; NONE stays NONE. */
    public Transforms undo() {
        return list.isEmpty() ? this : new Transforms(list.subList(0, list.size() - 1));
    }

    public boolean isEmpty() { return list.isEmpty(); }

    public boolean hidesIdle() {
        return list.stream().anyMatch(t -> t instanceof Transform.HideIdle);
    }
}
