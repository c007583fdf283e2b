package dev.pyrometer.model.session;

import dev.pyrometer.model.FileErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a session file while a recording writes it: two recorders into one file would interleave
 * their chunks and both report success. Taken before the file is truncated, so the second recorder leaves the
 * first one's file as it was. Only regular files are locked (a device or a FIFO is no file two recordings share).
 * The lock ends with {@link #close()}, or when the process ends, however it ends.
 */
final class SessionLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private SessionLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code file} (made empty if new) for this recording; a one-line error when another one holds it. */
    static SessionLock acquire(Path file) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) return new SessionLock(null, null);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null; // a recording of this very process
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw FileErrors.unwritable("cannot write the session " + file + ": another recording is writing it;"
                + " record into another file.", null);
        }
        return new SessionLock(channel, lock);
    }

    @Override
    public void close() {
        if (channel == null) return;
        try {
            if (lock.isValid()) lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The lock goes with the descriptor anyway.
        }
    }
}
