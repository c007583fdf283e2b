package dev.pyrometer.app.cli;

import dev.pyrometer.sampler.launch.LaunchedProgram;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while recording a program Pyrometer launched. The terminal sends SIGINT to its whole foreground process
 * group, so the program has it already and may be running its own clean-up ({@code except KeyboardInterrupt},
 * {@code finally}, atexit). Rather than shutting down at once (which ended the program with SIGTERM within
 * milliseconds and reported 130), the first SIGINT keeps recording and gives the program {@link #GRACE} to exit by
 * itself; after that {@code onGraceOver} runs (the caller stops sampling and ends the program: SIGTERM, then SIGKILL).
 * A second Ctrl-C does what the first used to: the JVM's own handling, shutting down at once.
 */
final class InterruptGrace implements AutoCloseable {
    static final Duration GRACE = Duration.ofSeconds(5);

    private final Signal signal = new Signal("INT");
    private final SignalHandler previous;
    private volatile boolean interrupted;

    private InterruptGrace(LaunchedProgram program, Runnable onGraceOver) {
        SignalHandler before;
        try {
            before = Signal.handle(signal, caught -> onInterrupt(program, onGraceOver));
        } catch (IllegalArgumentException ignoredOrReserved) {
            before = null; // SIGINT ignored (started with nohup or &) or kept by the JVM (-Xrs): nothing to change
        }
        this.previous = before;
    }

    /** Handles Ctrl-C this way until {@link #close()}. */
    static InterruptGrace install(LaunchedProgram program, Runnable onGraceOver) {
        return new InterruptGrace(program, onGraceOver);
    }

    /** Whether Ctrl-C was pressed. */
    boolean interrupted() {
        return interrupted;
    }

    private void onInterrupt(LaunchedProgram program, Runnable onGraceOver) {
        if (interrupted) {
            if (previous != null) previous.handle(signal); // the second Ctrl-C: shut down now
            return;
        }
        interrupted = true;
        Thread waiter = new Thread(() -> {
            try {
                if (!program.process().waitFor(GRACE.toNanos(), TimeUnit.NANOSECONDS)) onGraceOver.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                onGraceOver.run();
            }
        }, "pyrometer-interrupt-grace");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** Puts the JVM's own Ctrl-C handling back. */
    @Override
    public void close() {
        if (previous != null) Signal.handle(signal, previous);
    }
}
