package dev.pyrometer.model;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers only ever see the old file or the complete new one: the content goes to a
 * temporary file beside the target, is synced to disk, and is renamed over the target. A failure leaves the target
 * untouched and removes the temporary file. The new file gets the permissions the user's umask gives any new file,
 * or those of the file it replaces. A symbolic link is followed, and what is not a regular file (a device, a FIFO)
 * is written through in place: see {@link OutputTarget}.
 */
public final class AtomicFiles {

    /** Produces the content; may throw I/O errors. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes {@code target} atomically; I/O problems become a {@link PyrometerException} naming the file. */
    public static void write(Path target, Content content) {
        if (Files.isDirectory(target)) throw FileErrors.unwritable("cannot write " + target + ": it is a directory.", null);
        Path temp = null;
        try {
            OutputTarget resolved = OutputTarget.of(target);
            if (resolved.writeThrough()) {
                resolved.writeThrough(content);
                return;
            }
            Path absolute = resolved.path();
            temp = createTemp(absolute);
            keepPermissions(absolute, temp);
            // A plain stream, not a FileChannel: interrupting a thread that writes through a channel closes it.
            try (FileOutputStream file = new FileOutputStream(temp.toFile());
                 OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
                content.writeTo(out);
                out.flush();
                file.getFD().sync();
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw FileErrors.unwritable("cannot write " + target + ": " + FileErrors.reason(e, target) + ".", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The temporary file is hidden and named after the target; nothing else can be done here.
                }
            }
        }
    }

    /**
     * A new hidden file beside the target. Not {@link Files#createTempFile}: that makes files only their owner may
     * read, and the rename would hand those permissions to an export meant for sharing.
     */
    private static Path createTemp(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        while (true) {
            Path temp = target.resolveSibling(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".part");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException taken) {
                // Another writer's temporary file: draw another name.
            }
        }
    }

    /** A file replaced in place keeps its permissions (best effort: only where the file system has POSIX ones). */
    private static void keepPermissions(Path target, Path temp) {
        if (!Files.isRegularFile(target)) return;
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (view != null) view.setPermissions(Files.getPosixFilePermissions(target));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // The new file keeps the umask's permissions, which is still a sound default.
        }
    }
}
