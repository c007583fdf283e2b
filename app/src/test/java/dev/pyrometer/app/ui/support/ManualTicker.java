package dev.pyrometer.app.ui.support;

import dev.pyrometer.app.ui.common.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Ticker} driven by hand: {@link #tick()} runs every live action once. */
public final class ManualTicker implements Ticker {
    private final List<Runnable> actions = new ArrayList<>();

    @Override
    public Subscription every(Duration period, Runnable action) {
        actions.add(action);
        return () -> actions.remove(action);
    }

    public void tick() {
        for (Runnable action : List.copyOf(actions)) action.run();
    }

    public int subscriptions() {
        return actions.size();
    }
}
