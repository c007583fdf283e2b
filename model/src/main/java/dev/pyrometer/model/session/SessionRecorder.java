package dev.pyrometer.model.session;

import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.PyrometerException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Saves a recording while it happens: a background thread appends what the profile gained to a session file at a
 * fixed interval (half a second by default), so a crash, a {@code kill -9} or a power cut loses at most that much.
 * The sampler keeps appending to the profile as usual; {@link #close()} writes the end marker.
 *
 * <p>The file is written in place rather than renamed at the end, because an interrupted recording must stay
 * readable where the user asked for it.
 *
 * <p>A write that fails (a full disk, an I/O error) or a file removed or replaced meanwhile ends the writing: the
 * file keeps what was written before, the profile keeps everything, {@link #failure()} says what went wrong from that
 * moment and {@link #onFailure} tells a listener at once, so the user can save elsewhere rather than record into
 * nothing. {@link #close()} reports it too.
 */
public final class SessionRecorder implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);

    private final String name;
    private final OutputStream out;
    /** The file's descriptor, to sync it; null when streaming elsewhere. */
    private final FileDescriptor fd;
    private final SessionWriter writer;
    private final ScheduledExecutorService timer;
    /** The file written, and its identity (device and inode) when it was opened: null when streaming elsewhere. */
    private final Path file;
    private final Object fileKey;
    /** Held while writing the file, so a second recorder into it is refused; null when streaming elsewhere. */
    private final SessionLock lock;
    private long syncedBytes;
    private IOException failure;
    private Consumer<PyrometerException> failureListener;
    private boolean closed;

    private SessionRecorder(Profile profile, String name, OutputStream out, FileDescriptor fd, Path file, SessionLock lock,
                            Duration interval) throws IOException {
        this.name = name;
        this.lock = lock;
        this.out = out;
        this.fd = fd;
        this.file = file;
        this.fileKey = file == null ? null : Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        this.writer = new SessionWriter(profile, out);
        out.flush();
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pyrometer-session-writer");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts recording {@code profile} into {@code file}, replacing it. */
    public static SessionRecorder start(Profile profile, Path file) {
        return start(profile, file, DEFAULT_INTERVAL);
    }

    public static SessionRecorder start(Profile profile, Path file, Duration interval) {
        FileOutputStream stream;
        SessionLock lock;
        try {
            lock = SessionLock.acquire(file); // before the stream empties the file: a refused recorder leaves it be
        } catch (IOException e) {
            throw FileErrors.unwritable("cannot write the session " + file + ": " + FileErrors.reason(e, file) + ".", e);
        }
        try {
            // A plain stream, not a FileChannel: interrupting a thread that writes through a channel closes it.
            stream = new FileOutputStream(file.toFile());
        } catch (IOException e) {
            lock.close();
            throw FileErrors.unwritable("cannot write the session " + file + ": " + FileErrors.reason(e, file) + ".", e);
        }
        try {
            return new SessionRecorder(profile, file.toString(), new BufferedOutputStream(stream, 1 << 16),
                stream.getFD(), file, lock, interval);
        } catch (IOException e) {
            closeQuietly(stream);
            lock.close();
            throw FileErrors.unwritable("cannot write the session " + file + ": " + FileErrors.reason(e, file) + ".", e);
        }
    }

    /**
     * Streams the recording to any output (a pipe or socket to a viewer), flushing it at every interval. The recorder
     * owns the stream from here on: {@link #close()} closes it, and so does a failure to start.
     */
    public static SessionRecorder start(Profile profile, OutputStream out, String name, Duration interval) {
        try {
            return new SessionRecorder(profile, name, out, null, null, null, interval);
        } catch (IOException e) {
            closeQuietly(out);
            throw FileErrors.unwritable("cannot write the session to " + name + ": " + describe(e) + ".", e);
        }
    }

    /** Writes what is new now, rather than at the next interval. */
    public synchronized void flush() {
        if (closed) return;
        try {
            flushNow();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * Why writing stopped, from the moment it did (a one-line {@link FileErrors#UNWRITABLE} error), or null while it
     * works. The samples recorded since are in the profile only.
     */
    public synchronized PyrometerException failure() {
        return failure == null ? null : unwritable(failure);
    }

    /**
     * Calls {@code listener} once, on the writer's thread, when writing fails (at once if it has failed already), so
     * that a front end can tell the user while the recording goes on.
     */
    public void onFailure(Consumer<PyrometerException> listener) {
        PyrometerException already;
        synchronized (this) {
            failureListener = listener;
            already = failure();
        }
        if (already != null) listener.accept(already);
    }

    /** Bytes in the file so far. */
    public synchronized long bytesWritten() {
        return writer.bytesWritten();
    }

    public synchronized int samplesWritten() {
        return writer.samplesWritten();
    }

    /** Writes the rest and the end marker, then closes the file. Reports a write failure that happened meanwhile. */
    @Override
    public void close() {
        timer.shutdown(); // lets a flush in progress finish; no interrupt
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (closed) return;
            closed = true;
            try {
                if (failure != null) throw failure;
                checkStillThere();
                writer.finish();
                out.flush();
                if (fd != null) fd.sync();
            } catch (IOException e) {
                throw failed(e);
            } finally {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // The failure that matters, if any, is being thrown already.
                }
                if (lock != null) lock.close();
            }
        }
    }

    private void flushNow() throws IOException {
        if (failure != null) throw failure;
        checkStillThere();
        writer.writeNew();
        out.flush();
        // Flushing hands the bytes to the OS, which survives the process dying; syncing survives a power cut too.
        if (fd != null && writer.bytesWritten() != syncedBytes) {
            fd.sync();
            syncedBytes = writer.bytesWritten();
        }
    }

    /**
     * Writing on into a file that was deleted or replaced would succeed and keep nothing: a recording into nothing.
     * One stat every flush tells.
     */
    private void checkStillThere() throws IOException {
        if (file == null) return;
        Object now;
        try {
            now = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException gone) {
            throw new IOException("it was removed while recording", gone);
        }
        if (fileKey != null && !fileKey.equals(now)) throw new IOException("it was replaced by another file while recording");
    }

    private void flushQuietly() {
        Consumer<PyrometerException> tell = null;
        PyrometerException error = null;
        synchronized (this) {
            if (closed || failure != null) return;
            try {
                flushNow();
            } catch (IOException e) {
                failure = e;
                tell = failureListener;
                error = unwritable(e);
            }
        }
        if (tell != null) tell.accept(error); // outside the lock: a listener may ask for counts
    }

    private PyrometerException failed(IOException e) {
        failure = e;
        return unwritable(e);
    }

    private PyrometerException unwritable(IOException e) {
        return FileErrors.unwritable("could not write the session " + name + ": " + describe(e) + ".", e);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // Starting failed already; that is the error to report.
        }
    }
}
